// The code heuristics, one family per file. Each reads the file's context and
// adds what it saw; none decides a level (scoring.cc combines the signals).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "files/signal.h"

namespace shodo::files {

void check_input_to_sink(const FileContext& c, std::vector<Signal>& out);  // taint.cc
void check_decoding(const FileContext& c, std::vector<Signal>& out);       // decoding.cc
void check_obfuscation(const FileContext& c, std::vector<Signal>& out);    // obfuscation.cc
void check_polyglot(const FileContext& c, std::vector<Signal>& out);       // polyglot.cc
void check_placement(const FileContext& c, std::vector<Signal>& out);      // placement.cc
void check_htaccess(const FileContext& c, std::vector<Signal>& out);       // htaccess.cc
void check_skimmer(const FileContext& c, std::vector<Signal>& out);        // skimmer.cc
void check_seo_spam(const FileContext& c, std::vector<Signal>& out);       // seo_spam.cc
void check_time(const FileContext& c, std::vector<Signal>& out);           // time.cc

// All of the above, in that order.
std::vector<Signal> run_heuristics(const FileContext& c);

// Shared text helpers (text_util.cc).
// The text between the '(' at `open` and its matching ')', at most max bytes;
// quotes are honoured so a ')' in a string does not close the call.
std::string_view call_arguments(std::string_view text, size_t open, size_t max = 2000);
// Top-level comma-separated arguments of an argument list.
std::vector<std::string_view> split_arguments(std::string_view args);
// True when the bytes before `at` make the name a method or a definition
// (->name, ::name, function name, $name), not a call of the built-in.
bool is_member_or_definition(std::string_view text, size_t at);
bool is_script_extension(std::string_view lower_name);
std::string lower(std::string_view s);
// The text with comments replaced by spaces (offsets and lines unchanged), for
// PHP, JS, ASP and JSP (code_view.cc).
std::string blank_comments(std::string_view text, Language lang);

}  // namespace shodo::files

// Making evidence-derived text safe to show: attacker-written bytes must
// never act on the analyst's terminal or break the output's syntax.
#pragma once

#include <string>
#include <string_view>

namespace shodo::util {

// For a terminal: control characters (C0, DEL, C1) and invalid UTF-8 bytes
// are written as \xNN (\t \n \r \e as such), backslashes doubled; valid
// printable UTF-8, Japanese included, passes through.
std::string escape_terminal(std::string_view s);
void append_escaped_terminal(std::string& out, std::string_view s);

// JSON string contents (no quotes), control characters (C1 included)
// escaped. Always valid UTF-8: an invalid byte NN
// becomes \udcNN (the "surrogateescape" convention), so the raw bytes are
// recoverable exactly.
void append_json_string(std::string& out, std::string_view s);

// One CSV cell (RFC 4180 quoting when needed). Control characters and
// invalid UTF-8 are escaped as by escape_terminal (a CSV file is often read
// in a terminal). A cell an attacker could turn into a spreadsheet formula
// (starting with = + - @, their full-width forms, tab or CR) gets a leading
// apostrophe so spreadsheets show it as text.
void append_csv_cell(std::string& out, std::string_view s);

// HTML text and quoted attribute values: control characters and invalid
// UTF-8 shown as by escape_terminal (visible, never dropped), then & < > " '
// as character references.
void append_html(std::string& out, std::string_view s);

// The contents of a JSON string inside a <script type="application/json">
// data island: append_json_string, plus < > & and U+2028/U+2029 as \uNNNN
// so evidence can neither close the script element nor start markup.
void append_script_json_string(std::string& out, std::string_view s);

// A URL for an href or src attribute: returned as is when relative or of
// scheme http, https or mailto, else kUnsafeUrl (javascript:, data:, vbscript:,
// including forms hidden by case, controls or leading spaces). Still to be
// escaped with append_html.
inline constexpr std::string_view kUnsafeUrl = "about:invalid#shodo-unsafe-url";
std::string_view safe_url(std::string_view url);

// Length of the valid UTF-8 sequence at s[i], or 0 when the byte there does
// not start one.
size_t utf8_sequence_length(std::string_view s, size_t i);

// Whether `s` is text: valid UTF-8 without control characters, except those
// in `allowed` (e.g. "\t\n\r").
bool is_text(std::string_view s, std::string_view allowed = {});

}  // namespace shodo::util

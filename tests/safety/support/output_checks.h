// Checks that an output written from hostile evidence cannot act on its
// reader: terminal text without controls, CSV without live formulas or
// broken rows, JSON that is valid UTF-8, HTML and Markdown without
// evidence-made markup.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.h"  // read_file

namespace shodo::testing {

bool valid_utf8(std::string_view s);

// Nothing a terminal would act on: valid UTF-8, no C0 control but newline,
// no DEL, no C1 control.
void expect_terminal_safe(const std::string& out);

// Parses shodo's JSON. The parser used here rejects lone surrogates, which
// shodo writes on purpose for raw bytes (\udcNN); they are read as \u00NN.
nlohmann::json parse_json(const std::string& text);

// Rows of a CSV file, cut as RFC 4180 says; a row spanning lines fails.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

// No cell a spreadsheet would evaluate and every row as wide as the header;
// returns how many cells were neutralized (start with ').
size_t expect_csv_safe(const std::string& out);

// HTML: valid UTF-8 without controls, a Content-Security-Policy that
// forbids scripts, every <script> a JSON data island, no markup or
// javascript: URL from `planted` (strings the evidence carried).
void expect_html_safe(const std::string& html, const std::vector<std::string>& planted);

// Markdown: no controls, no raw markup or live javascript: link from
// `planted`.
void expect_markdown_safe(const std::string& md, const std::vector<std::string>& planted);

}  // namespace shodo::testing

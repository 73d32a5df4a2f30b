#include "safety/support/output_checks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>

#include "util/escape.h"

namespace shodo::testing {

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = util::utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

namespace {

// The first control a reader would act on (C0 but newline and, where
// `tab_ok`, tab; DEL; C1 as UTF-8), or npos.
size_t first_control(const std::string& s, bool tab_ok) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && !(tab_ok && c == '\t')) || c == 0x7f) return i;
    if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xa0) return i;
  }
  return std::string::npos;
}

void expect_no_controls(const std::string& s, bool tab_ok) {
  EXPECT_TRUE(valid_utf8(s));
  const size_t at = first_control(s, tab_ok);
  EXPECT_EQ(at, std::string::npos)
      << "control byte " << int(static_cast<unsigned char>(s[at])) << " at " << at << ": "
      << util::escape_terminal(s.substr(at > 40 ? at - 40 : 0, 80));
}

}  // namespace

void expect_terminal_safe(const std::string& out) {
  expect_no_controls(out, false);
}

nlohmann::json parse_json(const std::string& text) {
  EXPECT_TRUE(valid_utf8(text));
  return nlohmann::json::parse(std::regex_replace(text, std::regex(R"(\\udc)"), "\\u00"));
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& cell = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        EXPECT_NE(c, '\n') << "a row spans lines";
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else {
      cell += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

size_t expect_csv_safe(const std::string& out) {
  expect_terminal_safe(out);
  const auto rows = parse_csv(out);
  EXPECT_GT(rows.size(), 1u);
  size_t neutralized = 0;
  for (size_t r = 1; r < rows.size(); ++r) {  // after the header
    const auto& row = rows[r];
    EXPECT_EQ(row.size(), rows[0].size()) << "row " << r;
    for (const std::string& cell : row) {
      // shodo's own numbers and UTC offsets ("-1", "+09:00") are no evidence.
      if (cell.empty() || std::regex_match(cell, std::regex(R"([+-]\d\d:\d\d|-?\d+)"))) continue;
      EXPECT_EQ(std::string_view("=+@\t\r").find(cell[0]), std::string_view::npos) << cell;
      EXPECT_NE(cell[0], '-') << cell;
      neutralized += cell[0] == '\'';
    }
  }
  return neutralized;
}

void expect_html_safe(const std::string& html, const std::vector<std::string>& planted) {
  expect_no_controls(html, true);
  const std::regex csp(R"re(<meta http-equiv="Content-Security-Policy" content="([^"]*)")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, csp)) << "no Content-Security-Policy";
  const std::string policy = m[1];
  // Scripts are forbidden outright, or allowed for no inline source.
  EXPECT_TRUE(policy.find("default-src 'none'") != std::string::npos ||
              policy.find("script-src 'none'") != std::string::npos)
      << policy;
  EXPECT_EQ(policy.find("unsafe-inline'; script"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("script-src 'unsafe-inline'"), std::string::npos) << policy;
  const std::regex script_tag(R"(<script\b[^>]*>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), script_tag);
       it != std::sregex_iterator(); ++it)
    EXPECT_EQ(it->str(), R"(<script type="application/json">)") << "a script that is no data";
  for (const std::string& p : planted) EXPECT_EQ(html.find(p), std::string::npos) << p;
  EXPECT_FALSE(std::regex_search(
      html, std::regex(R"((href|src)\s*=\s*["']?\s*javascript:)", std::regex::icase)));
}

namespace {

// The Markdown text a renderer interprets: without fenced code blocks and
// inline code spans, whose content is shown verbatim.
std::string outside_code(const std::string& md) {
  std::string out;
  std::string fence;  // the open block's fence, empty outside one
  for (size_t at = 0; at < md.size();) {
    size_t nl = md.find('\n', at);
    if (nl == std::string::npos) nl = md.size();
    const std::string line = md.substr(at, nl - at);
    at = nl + 1;
    const bool all_ticks = line.size() >= 3 && line.find_first_not_of('`') == std::string::npos;
    if (!fence.empty()) {
      if (line == fence) fence.clear();
    } else if (all_ticks) {
      fence = line;
    } else {
      // A span opens at a backtick that is not escaped.
      out += std::regex_replace(line, std::regex(R"((^|[^\\])(`+)[^`]*?\2)"), "$1") + '\n';
    }
  }
  EXPECT_TRUE(fence.empty()) << "a code block is never closed";
  return out;
}

}  // namespace

void expect_markdown_safe(const std::string& md, const std::vector<std::string>& planted) {
  expect_no_controls(md, true);
  const std::string rendered = outside_code(md);
  for (const std::string& p : planted) EXPECT_EQ(rendered.find(p), std::string::npos) << p;
  // A link target only when the ']' is not escaped.
  EXPECT_FALSE(std::regex_search(rendered, std::regex(R"((^|[^\\])\]\(\s*javascript:)")))
      << "a live javascript: link";
}

}  // namespace shodo::testing

// Evidence written by an attacker, through every output format of `shodo
// hunt`, `shodo events` and `shodo rules`: terminal text never carries a
// control character, CSV never a live formula or a broken row, JSON is always
// valid UTF-8 with the raw bytes recoverable.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "support/temp_dir.h"
#include "util/escape.h"

namespace {

using shodo::testing::run_shell;
using shodo::testing::TempDir;

// A user agent that trips the scanner rule, starting with a spreadsheet
// formula and carrying a terminal title change, a screen clear, a C1 CSI,
// markup, CR, NUL and bytes that are not UTF-8.
const std::string kAgent = std::string("=cmd|' /C calc'!A0 sqlmap/1.7 <script>alert(1)</script>") +
                           "\x1b]0;pwned\x07\x1b[2J\xc2\x9b" + "31m\r" + std::string(1, '\0') +
                           "\xff\xfe";

std::string hostile_log() {
  std::string log;
  for (int i = 0; i < 3; ++i)
    log += "203.0.113.66 - - [10/Mar/2024:03:00:0" + std::to_string(i) +
           " +0900] \"GET /index.php?page=../../../../etc/passwd%00\x1b[2J HTTP/1.1\" 200 512 "
           "\"@SUM(1+1)*cmd|' /C calc'!A0\" \"" +
           kAgent + "\"\n";
  // A line no parser reads: its excerpt is shown among the bad lines.
  log += "\x1b[2J\x1b[H\xff garbage =cmd|' /C calc'!A0 <script>\r\n";
  return log;
}

// Runs shodo with `args`, its output written with --out (the exact bytes).
struct Output {
  int code;
  std::string out;
};
Output shodo(const TempDir& dir, const std::string& args) {
  const std::string out = (dir.path() / "out").string();
  const int rc = run_shell(std::string(SHODO_BINARY) + " " + args + " -o " + out + " 2>/dev/null");
  std::ifstream in(out, std::ios::binary);
  return {rc, {std::istreambuf_iterator<char>(in), {}}};
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = shodo::util::utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Nothing a terminal would act on: no C0 control but newline, no DEL, no C1.
void expect_terminal_safe(const std::string& out) {
  EXPECT_TRUE(valid_utf8(out));
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    ASSERT_FALSE((c < 0x20 && c != '\n') || c == 0x7f) << "byte " << int(c) << " at " << i;
    ASSERT_FALSE(c == 0xc2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) < 0xa0)
        << "C1 control at " << i;
  }
}

// The JSON parser used here rejects lone surrogates, which shodo writes on
// purpose for raw bytes (\udcNN); reading them as \u00NN checks the rest.
nlohmann::json parse_json(const std::string& text) {
  EXPECT_TRUE(valid_utf8(text));
  return nlohmann::json::parse(std::regex_replace(text, std::regex(R"(\\udc)"), "\\u00"));
}

// Rows of a CSV file, cut as RFC 4180 says; every row must be one line.
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

// No cell a spreadsheet would evaluate; returns how many were neutralized.
size_t expect_csv_safe(const std::string& out) {
  expect_terminal_safe(out);
  const auto rows = parse_csv(out);
  EXPECT_GT(rows.size(), 1u);
  size_t neutralized = 0;
  for (size_t r = 1; r < rows.size(); ++r) {  // after the header ("@timestamp")
    const auto& row = rows[r];
    EXPECT_EQ(row.size(), rows[0].size());
    for (const std::string& cell : row) {
      // shodo's own UTC offsets ("+09:00", event.timezone) are no evidence.
      if (cell.empty() || std::regex_match(cell, std::regex(R"([+-]\d\d:\d\d)"))) continue;
      EXPECT_EQ(std::string_view("=+@\t\r").find(cell[0]), std::string_view::npos) << cell;
      EXPECT_NE(cell[0], '-') << cell;
      neutralized += cell[0] == '\'';
    }
  }
  return neutralized;
}

class HostileOutput : public ::testing::Test {
 protected:
  TempDir dir;
  std::string log = dir.write("access.log", hostile_log());
};

TEST_F(HostileOutput, HuntText) {
  const Output r = shodo(dir, "hunt -q -v --tz UTC --format text " + log);
  ASSERT_EQ(r.code, 1) << r.out;
  expect_terminal_safe(r.out);
  EXPECT_NE(r.out.find("\\e[2J"), std::string::npos) << r.out;  // shown, not acted on
}

TEST_F(HostileOutput, HuntJsonKeepsRawBytes) {
  const Output r = shodo(dir, "hunt -q --tz UTC --format json " + log);
  ASSERT_EQ(r.code, 1) << r.out;
  const auto j = parse_json(r.out);
  ASSERT_FALSE(j["findings"].empty());
  // The agent as matched evidence: every byte written, the invalid ones as
  // \udcNN, the controls as JSON escapes.
  EXPECT_NE(r.out.find("\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\r\\u0000\\udcff\\udcfe"),
            std::string::npos);
}

TEST_F(HostileOutput, HuntJsonLines) {
  const Output r = shodo(dir, "hunt -q --tz UTC --format jsonl " + log);
  ASSERT_EQ(r.code, 1) << r.out;
  size_t lines = 0;
  for (size_t at = 0, nl; (nl = r.out.find('\n', at)) != std::string::npos; at = nl + 1, ++lines)
    EXPECT_TRUE(parse_json(r.out.substr(at, nl - at)).is_object());
  EXPECT_GT(lines, 0u);
}

TEST_F(HostileOutput, HuntCsv) {
  const Output r = shodo(dir, "hunt -q --tz UTC --format csv " + log);
  ASSERT_EQ(r.code, 1) << r.out;
  EXPECT_GT(expect_csv_safe(r.out), 0u);
  EXPECT_NE(r.out.find("\"'=cmd|' /C calc'!A0 sqlmap/1.7 <script>"), std::string::npos) << r.out;
}

TEST_F(HostileOutput, EventsJsonLinesAndCsv) {
  const Output jsonl = shodo(dir, "events -q --tz UTC " + log);
  ASSERT_EQ(jsonl.code, 0) << jsonl.out;
  // \udcff \udcfe, read back here as U+00FF U+00FE.
  EXPECT_EQ(parse_json(jsonl.out.substr(0, jsonl.out.find('\n')))["user_agent.original"],
            kAgent.substr(0, kAgent.size() - 2) + "\xc3\xbf\xc3\xbe");
  const Output csv = shodo(dir, "events -q --tz UTC --format csv " + log);
  ASSERT_EQ(csv.code, 0) << csv.out;
  // Per event: the formula in the referer and the one in the agent.
  EXPECT_GE(expect_csv_safe(csv.out), 6u);
}

TEST_F(HostileOutput, RulesListLintAndTest) {
  // One rule that loads (listed, tested) and one that does not (linted),
  // both with titles and ids an attacker wrote (YAML \e is ESC, \x9b a C1).
  dir.write("rules/hostile.yml", R"(title: "=cmd|' /C calc'!A0 \e]0;pwned\a <script>"
id: "\e[2J-\x9b31m"
logsource:
  category: webserver
detection:
  sel:
    cs-uri-query|contains: "\e[2J"
  condition: sel
---
title: "@broken \e[2J"
logsource:
  category: webserver
detection:
  sel:
    cs-uri-query|contains: x
  condition: sel and
)");
  const std::string dir_arg = "--no-default-rules --rules " + (dir.path() / "rules").string();
  for (const char* format : {"text", "json", "csv"}) {
    const Output r = shodo(dir, std::string("rules list --format ") + format + " " + dir_arg);
    SCOPED_TRACE(format);
    if (std::string_view(format) == "json") {
      EXPECT_FALSE(parse_json(r.out).is_null());
    } else {
      expect_terminal_safe(r.out);
    }
  }
  for (const char* cmd : {"lint", "test"}) {
    for (const char* format : {"text", "json"}) {
      const Output r =
          shodo(dir, std::string("rules ") + cmd + " --format " + format + " " + dir_arg);
      SCOPED_TRACE(std::string(cmd) + " " + format);
      if (std::string_view(format) == "json") {
        EXPECT_FALSE(parse_json(r.out).is_null());
      } else {
        expect_terminal_safe(r.out);
      }
    }
  }
}

}  // namespace

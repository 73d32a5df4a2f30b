// Evidence written by an attacker, through every output format of `shodo
// hunt`, `shodo events` and `shodo rules`: terminal text never carries a
// control character, CSV never a live formula or a broken row, JSON is always
// valid UTF-8 with the raw bytes recoverable.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "safety/support/output_checks.h"
#include "support/temp_dir.h"

namespace {

using shodo::testing::expect_csv_safe;
using shodo::testing::expect_terminal_safe;
using shodo::testing::parse_json;
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
  return {rc, shodo::testing::read_file(out)};
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

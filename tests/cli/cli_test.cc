// The shodo binary as a user runs it: exit codes, help, outputs.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "support/temp_dir.h"

namespace {

struct CliRun {
  int code;
  std::string out;
};

CliRun shodo(const std::string& args) {
  const std::string cmd = std::string(SHODO_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int rc = pclose(p);
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, out};
}

const std::string kSample = std::string(SHODO_TEST_DATA) + "/../../samples/incident";

TEST(Cli, VersionAndHelp) {
  EXPECT_EQ(shodo("--version").code, 0);
  EXPECT_NE(shodo("--version").out.find("shodo "), std::string::npos);
  for (const char* cmd : {"hunt", "events", "formats", "rules lint", "rules test"}) {
    const CliRun r = shodo(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << cmd << ": " << r.out;
  }
}

TEST(Cli, UsageErrorsExitWith2) {
  EXPECT_EQ(shodo("").code, 2);
  EXPECT_EQ(shodo("hunt").code, 2);
  EXPECT_EQ(shodo("hunt --no-such-flag x").code, 2);
  EXPECT_EQ(shodo("hunt --tz Mars/Base " + kSample).code, 2);
  EXPECT_EQ(shodo("hunt --since yesterday " + kSample).code, 2);
  EXPECT_EQ(shodo("hunt --format pdf " + kSample).code, 2);
  EXPECT_EQ(shodo("hunt --log-format nosuch " + kSample).code, 2);
}

TEST(Cli, MissingInputExitsWith3AndStillReportsTheRest) {
  const CliRun r = shodo("hunt -q -v /nonexistent/access.log " + kSample + "/var/log/apache2");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("/nonexistent/access.log: no such file or folder"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("combined"), std::string::npos) << r.out;
}

TEST(Cli, HuntOnTheSampleIncident) {
  const CliRun r = shodo("hunt -q --format json " + kSample);
  ASSERT_EQ(r.code, 1) << r.out;  // findings reported
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> format_of;
  uint64_t events = 0;
  EXPECT_GT(j["findings"].size(), 10u);
  for (const auto& f : j["summary"]["ingest"]["files"]) {
    const std::string path = f["path"];
    format_of[path.substr(path.rfind('/') + 1)] = f["format"];
    events += f["events"].get<uint64_t>();
    EXPECT_EQ(f["bad_lines"], 0) << path;
  }
  EXPECT_EQ(format_of["access.log"], "combined");
  EXPECT_EQ(format_of["access.log.2.gz"], "combined");
  EXPECT_EQ(format_of["auth.log"], "syslog");
  EXPECT_EQ(format_of["mail.log"], "syslog");
  EXPECT_EQ(format_of["error.log"], "apache_error");
  EXPECT_EQ(format_of[".bash_history"], "bash_history");
  EXPECT_GT(events, 2500u);
}

TEST(Cli, TextOutputEscapesHostileFileNamesAndSaysTheZone) {
  shodo::testing::TempDir dir;
  dir.write("evil\x1b[31m.log", "not a log\n");
  const CliRun r = shodo("hunt -q --tz Asia/Tokyo '" + dir.path().string() + "'");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "raw escape reached the terminal";
  EXPECT_NE(r.out.find("evil\\e[31m.log"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Asia/Tokyo"), std::string::npos);
  const CliRun ja = shodo("hunt -q --lang ja " + kSample + "/var/log/apache2");
  EXPECT_NE(ja.out.find("イベント"), std::string::npos) << ja.out;
}

TEST(Cli, EventsAsJsonLinesAndCsv) {
  const CliRun r = shodo("events -q " + kSample + "/var/log/apache2/access.log");
  ASSERT_EQ(r.code, 0);
  size_t lines = 0;
  size_t pos = 0;
  std::string first;
  while (pos < r.out.size()) {
    const size_t nl = r.out.find('\n', pos);
    const std::string line = r.out.substr(pos, nl - pos);
    if (first.empty()) first = line;
    EXPECT_TRUE(nlohmann::json::accept(line)) << line;  // each line is valid JSON
    ++lines;
    pos = nl + 1;
  }
  EXPECT_GT(lines, 900u);
  const auto ev = nlohmann::json::parse(first);
  EXPECT_EQ(ev["log.file.line"], 1);
  EXPECT_TRUE(ev.contains("@timestamp"));
  EXPECT_EQ(ev["event.timezone"], "+09:00");
  const CliRun csv = shodo("events -q --format csv " + kSample + "/var/log/apache2/access.log");
  EXPECT_EQ(csv.out.rfind("file,line,@timestamp,", 0), 0u) << csv.out.substr(0, 200);
}

TEST(Cli, EventsCiteTheirOwnFileAcrossARotatedSet) {
  const CliRun r = shodo("events -q " + kSample + "/var/log/apache2");
  ASSERT_EQ(r.code, 0);
  std::map<std::string, size_t> per_file;
  size_t pos = 0;
  while (pos < r.out.size()) {
    const size_t nl = r.out.find('\n', pos);
    const auto ev = nlohmann::json::parse(r.out.substr(pos, nl - pos));
    const std::string path = ev["log.file.path"];
    ++per_file[path.substr(path.rfind('/') + 1)];
    pos = nl + 1;
  }
  // Line counts of the files samples/generate_incident.py writes.
  EXPECT_EQ(per_file["access.log.2.gz"], 1199u);
  EXPECT_EQ(per_file["access.log.1"], 1255u);
  EXPECT_EQ(per_file["access.log"], 1294u);
  EXPECT_EQ(per_file["error.log"], 1u);
}

TEST(Cli, CorruptInputExitsWith3AndLostOutputWith4) {
  shodo::testing::TempDir dir;
  const std::string bad = dir.write("x.log.gz", std::string("\x1f\x8b", 2) + "garbage");
  EXPECT_EQ(shodo("hunt -q " + bad).code, 3);
  EXPECT_EQ(shodo("events -q " + bad).code, 3);
  const std::string log = kSample + "/var/log/apache2/access.log";
  EXPECT_EQ(shodo("events -q " + log + " -o /dev/full").code, 4);
  EXPECT_EQ(shodo("hunt -q " + log + " -o /dev/full").code, 4);
}

}  // namespace

namespace {

TEST(Cli, RulesLintTestAndList) {
  const CliRun lint = shodo("rules lint");
  EXPECT_EQ(lint.code, 0) << lint.out;
  EXPECT_NE(lint.out.find("not run: 0 errors"), std::string::npos) << lint.out;
  const CliRun test = shodo("rules test");
  EXPECT_EQ(test.code, 0) << test.out;
  EXPECT_NE(test.out.find(" 0 failed"), std::string::npos) << test.out;
  const CliRun list = shodo("rules list --format json");
  EXPECT_EQ(list.code, 0);
  EXPECT_GT(nlohmann::json::parse(list.out).size(), 40u);

  shodo::testing::TempDir dir;
  dir.write("bad.yml",
            "title: x\nlogsource: {category: webserver}\ndetection: {condition: nope}\n");
  const CliRun bad = shodo("rules lint --no-default-rules --rules " + dir.path().string());
  EXPECT_EQ(bad.code, 1) << bad.out;
  EXPECT_NE(bad.out.find("bad.yml"), std::string::npos) << bad.out;
  // Examples of a rule that does not load cannot pass.
  const CliRun bad_test = shodo("rules test --no-default-rules --rules " + dir.path().string());
  EXPECT_EQ(bad_test.code, 1) << bad_test.out;
  EXPECT_NE(bad_test.out.find("NOT LOADED"), std::string::npos) << bad_test.out;
}

TEST(Cli, HuntJsonLinesCiteEveryFinding) {
  const CliRun r = shodo("hunt -q --format jsonl --min-level high " + kSample);
  ASSERT_EQ(r.code, 1) << r.out;
  size_t findings = 0;
  size_t pos = 0;
  while (pos < r.out.size()) {
    const size_t nl = r.out.find('\n', pos);
    const auto j = nlohmann::json::parse(r.out.substr(pos, nl - pos));
    EXPECT_FALSE(j["log.file.path"].get<std::string>().empty());
    EXPECT_GT(j["log.file.line"].get<uint64_t>(), 0u);
    EXPECT_TRUE(j["rule.level"] == "high" || j["rule.level"] == "critical") << j.dump();
    ++findings;
    pos = nl + 1;
  }
  EXPECT_GT(findings, 10u);
}

}  // namespace

// `shodo triage` end to end: exit codes, formats, languages, flags.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "support/temp_dir.h"
#include "triage_case.h"

namespace shodo::testing {
namespace {

struct CliRun {
  int status = -1;
  std::string out;
};

CliRun run(const std::string& args) {
  CliRun r;
  const std::string cmd = std::string(SHODO_BINARY) + " triage " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p.get())) r.out.append(buf, n);
  const int rc = pclose(p.release());
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return r;
}

class TriageCliTest : public ::testing::Test {
 protected:
  // A case's tree, prepared as the data-driven tests prepare it.
  std::string tree(const std::string& name) {
    const auto root = tmp_.path() / name;
    TriageCase c;
    c.prepare(name, root);
    return root.string();
  }
  TempDir tmp_;
};

TEST_F(TriageCliTest, CleanSystemExitsZero) {
  const CliRun r = run(tree("clean") + " --min-level low");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("findings: 0"), std::string::npos) << r.out;
}

TEST_F(TriageCliTest, FindingsExitOneWithJsonCitations) {
  const CliRun r = run(tree("history") + " --format json");
  ASSERT_EQ(r.status, 1) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j["files_examined"].get<int>(), 0);
  bool cited = false;
  for (const auto& f : j["findings"])
    cited |= f["file.path"] == "/home/alice/.bash_history" && f["shodo.line"] == 3 &&
             f["rule.level"] == "critical";
  EXPECT_TRUE(cited) << r.out;
}

TEST_F(TriageCliTest, JapaneseText) {
  const CliRun r = run(tree("ld_preload") + " --lang ja");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("理由"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ld.so.preload"), std::string::npos) << r.out;
}

TEST_F(TriageCliTest, MinLevelFilters) {
  const CliRun r = run(tree("ld_preload_empty") + " --min-level medium --format jsonl");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(TriageCliTest, WindowFlagsAndCap) {
  const CliRun r = run(tree("window") +
                       " --since 2024-03-01 --until 2024-03-15 --tz UTC --max-window 1"
                       " --forged-threshold 100000d --format json");
  ASSERT_EQ(r.status, 1) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;
  EXPECT_EQ(j["findings"][0]["file.path"], "/var/www/html/a.php");
  ASSERT_EQ(j["notes"].size(), 1u);
  EXPECT_NE(j["notes"][0].get<std::string>().find("3 files changed"), std::string::npos);
}

TEST_F(TriageCliTest, MissingInputExitsThree) {
  const CliRun r = run((tmp_.path() / "no-such-folder").string());
  EXPECT_EQ(r.status, 3);
}

TEST_F(TriageCliTest, BadThresholdIsUsageError) {
  const CliRun r = run(tree("clean") + " --forged-threshold soon");
  EXPECT_EQ(r.status, 2);
}

}  // namespace
}  // namespace shodo::testing

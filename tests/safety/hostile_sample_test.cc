// `shodo investigate` on the hostile sample (samples/hostile/, plus a FIFO
// made here): it must end, leave the evidence as it was, write nothing
// outside its case, and escape what the evidence holds in every output.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "safety/support/output_checks.h"
#include "safety/support/tree_snapshot.h"
#include "support/shodo_cli.h"
#include "support/temp_dir.h"

namespace shodo::testing {
namespace {

namespace fs = std::filesystem;

// What samples/generate_hostile.py plants that no HTML or Markdown output
// may hold as written.
const std::vector<std::string> kPlantedMarkup = {
    "<script>alert(", "</script><script>", "</style><b>", "<b>x</b>", "<img src=x", "<!--",
};

class HostileSample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    evidence_ = (dir_->path() / "evidence").string();
    case_ = (dir_->path() / "case").string();
    // A copy, so the FIFO can be added and the access times aged.
    ASSERT_EQ(run_shell("cp -a " + samples_dir() + "/hostile " + evidence_), 0);
    ASSERT_EQ(mkfifo((evidence_ + "/var/www/html/pipe.php").c_str(), 0644), 0);
    ASSERT_EQ(mkfifo((evidence_ + "/var/log/apache2/access.log.fifo").c_str(), 0644), 0);
    age_access_times(evidence_);
    before_ = new auto(snapshot_tree(evidence_));
    // A reader blocked on a FIFO or caught in the loop fails on ctest's timeout.
    run_ =
        new CliRun(run_shodo("investigate -v --tz Asia/Tokyo --case " + case_ + " " + evidence_));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete before_;
    delete dir_;
  }
  static std::string report(const std::string& name) {
    return read_file(case_ + "/reports/" + name);
  }

  static TempDir* dir_;
  static std::string evidence_, case_;
  static std::map<std::string, EntryState>* before_;
  static CliRun* run_;
};
TempDir* HostileSample::dir_ = nullptr;
std::string HostileSample::evidence_, HostileSample::case_;
std::map<std::string, EntryState>* HostileSample::before_ = nullptr;
CliRun* HostileSample::run_ = nullptr;

TEST_F(HostileSample, RunsToTheEndAndSaysWhatItCouldNotRead) {
  // 1: findings; 3: some evidence unreadable (the FIFO, the loop), rest analysed.
  EXPECT_TRUE(run_->code == 1 || run_->code == 3) << run_->code << "\n" << run_->out;
  EXPECT_NE(run_->out.find("Verdict: Compromised"), std::string::npos) << run_->out;
  EXPECT_NE(run_->out.find("deeper than 128 levels: not entered"), std::string::npos) << run_->out;
  EXPECT_NE(run_->out.find("path climbs out of the archive"), std::string::npos) << run_->out;
}

TEST_F(HostileSample, TerminalOutputIsInert) {
  expect_terminal_safe(run_->out);
  EXPECT_NE(run_->out.find("\\e[2J"), std::string::npos) << "escapes are shown, not dropped";
}

TEST_F(HostileSample, EvidenceIsUnchanged) {
  EXPECT_EQ(first_difference(*before_, snapshot_tree(evidence_)), "");
}

TEST_F(HostileSample, NothingIsWrittenOutsideTheCase) {
  for (const char* p : {"/tmp/shodo-hostile-escape.php", "/tmp/shodo-hostile-climb.php",
                        "/etc/cron.d/shodo-hostile"})
    EXPECT_FALSE(fs::exists(fs::symlink_status(p))) << p;
  for (const auto& e : fs::directory_iterator(dir_->path()))
    EXPECT_TRUE(e.path().filename() == "evidence" || e.path().filename() == "case") << e.path();
}

TEST_F(HostileSample, JsonOutputsAreValidAndKeepRawBytes) {
  const std::string findings = report("findings.json");
  EXPECT_TRUE(parse_json(findings).is_object());
  // The scanner's agent ends in the bytes ff fe: written as \udcff\udcfe.
  EXPECT_NE(findings.find("\\udcff\\udcfe"), std::string::npos);
  for (const char* name : {"iocs.stix.json", "iocs.misp.json"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(parse_json(report(name)).is_object());
  }
  const std::string lines = report("timeline.jsonl");
  size_t count = 0;
  for (size_t at = 0, nl; (nl = lines.find('\n', at)) != std::string::npos; at = nl + 1, ++count)
    EXPECT_TRUE(parse_json(lines.substr(at, nl - at)).is_object());
  EXPECT_GT(count, 0u);
}

TEST_F(HostileSample, CsvOutputsNeutralizeFormulas) {
  EXPECT_GT(expect_csv_safe(report("timeline.csv")), 0u);
  expect_csv_safe(report("iocs.csv"));
}

TEST_F(HostileSample, BodyFileRowsStayRows) {
  // mactime's format: 11 fields split at '|'; a name holding '|' or a
  // newline must add neither fields nor rows.
  const std::string body = report("timeline.body");
  expect_terminal_safe(body);
  size_t rows = 0;
  for (size_t at = 0, nl; (nl = body.find('\n', at)) != std::string::npos; at = nl + 1, ++rows)
    EXPECT_EQ(std::count(body.begin() + at, body.begin() + nl, '|'), 10)
        << body.substr(at, nl - at);
  EXPECT_GT(rows, 128u);  // the deep tree is listed down to the walk's limit
}

TEST_F(HostileSample, HtmlReportsEscapeEvidence) {
  for (const char* name : {"initial-report.en.html", "initial-report.ja.html"}) {
    SCOPED_TRACE(name);
    const std::string html = report(name);
    expect_html_safe(html, kPlantedMarkup);
    EXPECT_NE(html.find("&lt;script&gt;alert("), std::string::npos) << "evidence shown, escaped";
  }
}

TEST_F(HostileSample, MarkdownReportsEscapeEvidence) {
  for (const char* name : {"initial-report.en.md", "initial-report.ja.md"}) {
    SCOPED_TRACE(name);
    expect_markdown_safe(report(name), kPlantedMarkup);
  }
}

}  // namespace
}  // namespace shodo::testing

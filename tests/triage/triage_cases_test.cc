// Every case folder under tests/data/triage/ run through run_triage on a
// live directory view (see triage_case.h for the case format).
#include <gtest/gtest.h>

#include <filesystem>

#include "detect/detect.h"
#include "fsview/fsview.h"
#include "support/temp_dir.h"
#include "triage/triage.h"
#include "triage_case.h"

namespace shodo::testing {
namespace {

const detect::RuleSet& shipped_rules() {
  static const detect::RuleSet rules(detect::RuleSetOptions{});
  return rules;
}

class TriageCaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TriageCaseTest, FindsWhatIsExpected) {
  TempDir tmp;
  const auto root = tmp.path() / "root";
  TriageCase c;
  c.prepare(GetParam(), root);
  c.options.rules = &shipped_rules();
  std::string error;
  auto view = fsview::open_directory(root.string(), error);
  ASSERT_TRUE(view) << error;
  const triage::TriageResult result = triage::run_triage(*view, c.options);

  std::vector<std::string> got, informational;
  for (const detect::FileFinding& f : result.findings) {
    (f.level == detect::Level::informational ? informational : got).push_back(triage_case::key(f));
    EXPECT_FALSE(f.title.empty() || f.title_ja.empty() || f.reason.empty() || f.reason_ja.empty())
        << triage_case::key(f);
    EXPECT_EQ(f.source, view->description());
  }
  std::sort(got.begin(), got.end());
  std::vector<std::string> expected_above, expected_info;
  for (const std::string& e : c.expected)
    (e.starts_with("informational ") ? expected_info : expected_above).push_back(e);
  EXPECT_EQ(got, expected_above);
  for (const std::string& e : expected_info)
    EXPECT_NE(std::find(informational.begin(), informational.end(), e), informational.end()) << e;
  if (c.window_changes >= 0) {
    EXPECT_EQ(result.window_changes, static_cast<uint64_t>(c.window_changes));
  }
  EXPECT_TRUE(result.problems.empty())
      << result.problems.front().path << ": " << result.problems.front().reason;
  EXPECT_GT(result.files_examined, 0u);
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(SHODO_TEST_DATA) / "triage"))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, TriageCaseTest, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace shodo::testing

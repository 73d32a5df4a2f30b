// The same evidence as a folder and as an ext4 image (mke2fs -d) gives the
// same findings, times aside: triage reads only through the view.
#include <gtest/gtest.h>

#include <set>

#include "detect/detect.h"
#include "fsview/fsview.h"
#include "support/temp_dir.h"
#include "triage/triage.h"
#include "triage_case.h"

namespace shodo::testing {
namespace {

// Findings that depend on times the image build sets anew (ctime, birth).
bool time_dependent(const std::string& rule_id) {
  for (std::string_view t : {"window", "forged_time", "changed_in_window", "file_changed",
                             "file_newer", "binaries", "vendor_newer"})
    if (rule_id.find(t) != std::string::npos) return true;
  return false;
}

std::multiset<std::string> keys(const fsview::View& view) {
  static const detect::RuleSet rules(detect::RuleSetOptions{});
  triage::TriageOptions options;
  options.rules = &rules;
  std::multiset<std::string> out;
  for (const auto& f : triage::run_triage(view, options).findings)
    if (!time_dependent(f.rule_id)) out.insert(triage_case::key(f));
  return out;
}

TEST(TriageImageTest, FolderAndExt4ImageAgree) {
  if (run_shell("command -v mke2fs >/dev/null") != 0) GTEST_SKIP() << "mke2fs not installed";
  TempDir tmp;
  const auto root = tmp.path() / "root";
  std::filesystem::create_directories(root);
  for (const char* name : {"cron", "history", "suid", "temp_exec", "sudoers", "ld_preload"}) {
    TriageCase c;
    c.prepare(name, tmp.path() / name);
    std::filesystem::copy(tmp.path() / name, root,
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::copy_symlinks |
                              std::filesystem::copy_options::overwrite_existing);
  }
  const std::string image = (tmp.path() / "disk.img").string();
  ASSERT_EQ(run_shell("mke2fs -q -t ext4 -d " + root.string() + " " + image + " 32M"), 0);

  std::string error;
  auto folder = fsview::open_directory(root.string(), error);
  ASSERT_TRUE(folder) << error;
  fsview::Source source = fsview::open_source(image);
  if (source.views.empty()) GTEST_SKIP() << "this build cannot open disk images yet";
  const auto from_folder = keys(*folder);
  EXPECT_FALSE(from_folder.empty());
  EXPECT_EQ(keys(*source.views.front()), from_folder);
}

}  // namespace
}  // namespace shodo::testing

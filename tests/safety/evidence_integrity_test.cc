// A full `shodo investigate` of the bundled sample incident, with the
// known-good release, must leave every input as it was: content, times
// (access times included: they were aged first, so a reader that updated
// them would show) and links.
#include <gtest/gtest.h>

#include "safety/support/tree_snapshot.h"
#include "support/shodo_cli.h"
#include "support/temp_dir.h"

namespace shodo::testing {
namespace {

TEST(EvidenceIntegrity, InvestigateChangesNoInput) {
  TempDir dir;
  const std::string incident = (dir.path() / "incident").string();
  const std::string release = (dir.path() / "shop-release").string();
  // Copies (times kept), so that aging their access times leaves the
  // source tree alone.
  ASSERT_EQ(run_shell("cp -a " + samples_dir() + "/incident " + incident), 0);
  ASSERT_EQ(run_shell("cp -a " + samples_dir() + "/shop-release " + release), 0);
  age_access_times(incident);
  age_access_times(release);
  const auto incident_before = snapshot_tree(incident);
  const auto release_before = snapshot_tree(release);

  const CliRun r =
      run_shodo("investigate -q --tz Asia/Tokyo --case " + (dir.path() / "case").string() +
                " --known-good " + release + " --knowledge-date 2024-03-11 " + incident);
  ASSERT_EQ(r.code, 1) << r.out;  // findings

  EXPECT_EQ(first_difference(incident_before, snapshot_tree(incident)), "");
  EXPECT_EQ(first_difference(release_before, snapshot_tree(release)), "");
}

// The commands that read evidence without a case: folders they list keep
// their access times too.
TEST(EvidenceIntegrity, HuntAndScanChangeNoInput) {
  TempDir dir;
  const std::string logs = (dir.path() / "logs").string();
  const std::string webroot = (dir.path() / "webroot").string();
  ASSERT_EQ(run_shell("cp -a " + samples_dir() + "/incident/var/log " + logs), 0);
  ASSERT_EQ(run_shell("cp -a " + samples_dir() + "/shop-release " + webroot), 0);
  for (const std::string& tree : {logs, webroot}) age_access_times(tree);
  const auto logs_before = snapshot_tree(logs);
  const auto webroot_before = snapshot_tree(webroot);

  EXPECT_EQ(run_shodo("hunt -q --tz Asia/Tokyo " + logs).code, 1);  // findings
  EXPECT_EQ(run_shodo("scan -q " + webroot).code, 0);               // the clean release

  EXPECT_EQ(first_difference(logs_before, snapshot_tree(logs)), "");
  EXPECT_EQ(first_difference(webroot_before, snapshot_tree(webroot)), "");
}

}  // namespace
}  // namespace shodo::testing

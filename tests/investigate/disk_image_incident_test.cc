// `shodo investigate` on a disk image of the sample incident's server (ext4
// built at test time with mke2fs -d from samples/): the logs, the webroot and
// the system tree are found inside the image, the same story comes out, the
// image is not modified, and the disk report opens cleanly in a browser.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/chromium.h"
#include "support/disk_images.h"
#include "support/shodo_cli.h"
#include "support/temp_dir.h"

namespace shodo::testing {
namespace {

using nlohmann::json;

class DiskImageIncident : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto staging = dir_->path() / "staging";
    const std::string s = staging.string(), samples = samples_dir();
    // tar and cp -a keep the files' times, which the image then holds.
    ASSERT_EQ(run_shell("mkdir -p '" + s + "/etc' && cp -a '" + samples + "/incident/var' '" +
                        samples + "/incident/home' '" + s + "/' && tar -xzf '" + samples +
                        "/incident/webroot.tar.gz' -C '" + s + "'"),
              0);
    dir_->write("staging/etc/passwd",
                "root:x:0:0:root:/root:/bin/bash\n"
                "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
                "deploy:x:1000:1000:Deploy:/home/deploy:/bin/bash\n");
    dir_->write("staging/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
    image_ = new std::string(make_ext4(dir_->path(), staging, "web01.img", "web01", {}, 64));
    ASSERT_FALSE(image_->empty());
    digest_before_ = new std::string(file_digest(*image_));
    run_ = new CliRun(run_shodo("investigate -q --tz Asia/Tokyo --case '" +
                                (dir_->path() / "case").string() + "' --known-good '" + samples +
                                "/shop-release' '" + *image_ + "'"));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete image_;
    delete digest_before_;
    delete dir_;
  }
  static std::filesystem::path reports() { return dir_->path() / "case/reports"; }

  static TempDir* dir_;
  static std::string *image_, *digest_before_;
  static CliRun* run_;
};
TempDir* DiskImageIncident::dir_ = nullptr;
std::string* DiskImageIncident::image_ = nullptr;
std::string* DiskImageIncident::digest_before_ = nullptr;
CliRun* DiskImageIncident::run_ = nullptr;

TEST_F(DiskImageIncident, SameStoryFromTheImage) {
  ASSERT_EQ(run_->code, 1) << run_->out;  // findings reported
  const json j = json::parse(read_file(reports() / "findings.json"));
  EXPECT_EQ(j["verdict"]["value"], "compromised");
  ASSERT_EQ(j["webshells"].size(), 1u) << j["webshells"].dump(1);
  EXPECT_NE(
      j["webshells"][0]["path"].get<std::string>().find("/var/www/html/uploads/img/cache.php"),
      std::string::npos);
  EXPECT_EQ(j["webshells"][0]["uploaded_by"], "203.0.113.77");
  std::set<std::string> ips;
  for (const json& a : j["attackers"]) ips.insert(a["ip"].get<std::string>());
  EXPECT_TRUE(ips.count("203.0.113.77") && ips.count("203.0.113.45")) << j["attackers"].dump(1);
}

TEST_F(DiskImageIncident, ImageDescribedAndUnchanged) {
  const json j = json::parse(read_file(reports() / "findings.json"));
  ASSERT_EQ(j["images"].size(), 1u);
  EXPECT_NE(j["images"][0].dump().find("ext4"), std::string::npos) << j["images"].dump(1);
  EXPECT_EQ(file_digest(*image_), *digest_before_);
  bool image_recorded = false;
  for (const json& e : j["evidence"])
    if (e["source"] == *image_) {
      image_recorded = true;
      EXPECT_EQ(e["unchanged"], true);
      EXPECT_EQ(e["sha256"], e["sha256_after"]);
    }
  EXPECT_TRUE(image_recorded) << j["evidence"].dump(1);
}

TEST_F(DiskImageIncident, DiskReportOpensCleanlyInBothLanguages) {
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap)";
  for (const auto& [lang, heading] :
       {std::pair<std::string, std::string>{"en", "Disk investigation report"},
        {"ja", "ハードディスク調査結果報告書"}}) {
    const std::string html = read_file(reports() / ("disk-report." + lang + ".html"));
    ASSERT_FALSE(html.empty()) << lang;
    const TempDir browser;
    const BrowserPage page = open_in_chromium(browser, html);
    ASSERT_EQ(page.status, 0) << page.log;
    EXPECT_EQ(console_lines(page.log), "") << lang;
    EXPECT_NE(page.dom.find(heading), std::string::npos) << lang;
    EXPECT_NE(page.dom.find("web01.img"), std::string::npos) << lang;
    EXPECT_EQ(page.dom.find("<script"), std::string::npos) << lang;
  }
}

}  // namespace
}  // namespace shodo::testing

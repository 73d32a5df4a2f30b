// The certified purge: refused without the case number; afterwards no byte
// of evidence anywhere in the case folder, the record and custody log kept,
// and a certificate written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "evidence/evidence_fixture.h"

namespace {

using shodo::testing::run_shodo;
namespace fs = std::filesystem;

TEST(Purge, RefusesWithoutTheCaseNumber) {
  shodo::testing::TempDir t;
  const std::string dir = (t.path() / "case").string();
  ASSERT_EQ(run_shodo("case init " + dir + " --number 2024-017").code, 0);
  EXPECT_EQ(run_shodo("case purge --case " + dir).code, 2);
  EXPECT_EQ(run_shodo("case purge --confirm 2024-018 --case " + dir).code, 2);
  EXPECT_TRUE(fs::exists(dir + "/keys/case.key"));
}

TEST(Purge, NoEvidenceBytesRemainAndCertificateIsWritten) {
  shodo::testing::TempDir t;
  const std::string dir = (t.path() / "case").string();
  const std::string marker = "MARKER-7f3a9c1e-evidence-content-<script>";
  std::string content;
  for (int i = 0; i < 2000; ++i) content += marker + std::to_string(i) + "\n";
  t.write("src/dump.sql", content);
  t.write("src/small.txt", marker);
  ASSERT_EQ(run_shodo("case init " + dir + " --number 2024-017 --title '<b>t</b>'").code, 0);
  auto acq = run_shodo("acquire --case " + dir + " " + (t.path() / "src").string());
  ASSERT_EQ(acq.code, 0) << acq.out;
  ASSERT_EQ(run_shodo("export 1 --to " + dir + "/exports/for-pfi --case " + dir).code, 0);
  auto purge = run_shodo("case purge --confirm 2024-017 --case " + dir);
  ASSERT_EQ(purge.code, 0) << purge.out;
  EXPECT_NE(purge.out.find("none found"), std::string::npos) << purge.out;
  // The marker is in no file of the case folder, WAL and journal included.
  const std::string probe = marker.substr(0, 30);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    EXPECT_EQ(shodo::testing::read_file(e.path()).find(probe), std::string::npos) << e.path();
  }
  EXPECT_FALSE(fs::exists(dir + "/keys/case.key"));
  EXPECT_FALSE(fs::exists(dir + "/vault"));
  // Record and custody log kept and intact; the evidence is gone for good.
  EXPECT_EQ(run_shodo("custody verify --case " + dir).code, 0);
  auto show = run_shodo("custody show --format json --case " + dir);
  EXPECT_NE(show.out.find("\"purged\""), std::string::npos);
  EXPECT_NE(run_shodo("verify --case " + dir).code, 0);
  auto cert =
      nlohmann::json::parse(shodo::testing::read_file(dir + "/reports/deletion-certificate.json"));
  EXPECT_EQ(cert["case_number"], "2024-017");
  EXPECT_EQ(cert["items"].size(), 2u);
  EXPECT_EQ(cert["verification"]["result"], "no evidence content found");
  const std::string html = shodo::testing::read_file(dir + "/reports/deletion-certificate.html");
  EXPECT_NE(html.find("削除証明書"), std::string::npos);
  EXPECT_NE(html.find("cryptographic erase"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;t&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>t</b>"), std::string::npos);
}

TEST(CaseKey, PassphraseWrapsTheKey) {
  shodo::testing::TempDir t;
  const std::string dir = (t.path() / "case").string();
  t.write("pass", "correct horse\n");
  t.write("wrong", "battery staple\n");
  const std::string pf = (t.path() / "pass").string();
  ASSERT_EQ(run_shodo("case init " + dir + " --number 1 --passphrase-file " + pf).code, 0);
  const std::string src = t.write("e.txt", "x");
  EXPECT_NE(run_shodo("acquire --case " + dir + " " + src).code, 0);
  EXPECT_NE(run_shodo("acquire --case " + dir + " --passphrase-file " +
                      (t.path() / "wrong").string() + " " + src)
                .code,
            0);
  auto ok = run_shodo("acquire --case " + dir + " --passphrase-file " + pf + " " + src);
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_EQ(shodo::testing::read_file(dir + "/keys/case.key").find("correct"), std::string::npos);
}

}  // namespace

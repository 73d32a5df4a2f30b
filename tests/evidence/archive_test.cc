// Archives: every entry an item read back from the vault; traversal names
// (../, absolute) and links pointing out recorded as problems, never acted on.
#include <gtest/gtest.h>

#include "evidence/evidence_fixture.h"

namespace {

using shodo::testing::CaseFixture;
using shodo::testing::run_shell;

bool has_problem(const shodo::evidence::AcquireReport& r, const std::string& where_part,
                 const std::string& reason_part) {
  for (const auto& p : r.problems)
    if (p.where.find(where_part) != std::string::npos &&
        p.reason.find(reason_part) != std::string::npos)
      return true;
  return false;
}

struct ArchiveCase {
  const char* name;
  const char* create;  // shell, run in the source folder
  const char* archive;
};

class Archives : public ::testing::TestWithParam<ArchiveCase> {};

TEST_P(Archives, EntriesBecomeItemsAndTraversalIsFlagged) {
  CaseFixture c;
  const auto src = c.tmp.path() / "src";
  c.tmp.write("src/a", "alpha\n");
  c.tmp.write("src/b", "bravo\n");
  c.tmp.write("src/inner/x", "inner\n");
  ASSERT_EQ(
      run_shell("cd " + src.string() + " && ln -s ../../../etc/passwd up && ln -s inner/x ok && " +
                GetParam().create + " >/dev/null 2>&1"),
      0);
  const std::string archive = (src / GetParam().archive).string();
  auto r = c.acquire(archive);
  // The archive itself, then its file entries.
  ASSERT_GE(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].item.kind, "archive");
  size_t entries = 0;
  for (const auto& e : r.items) {
    if (e.item.kind != "archive-entry") continue;
    ++entries;
    EXPECT_EQ(e.item.parent_id, r.items[0].item.id);
  }
  EXPECT_GE(entries, 2u);
  const std::string n = GetParam().name;
  if (n != "sevenzip") {
    EXPECT_TRUE(has_problem(r, "../", "climbs out")) << n;
  }
  if (n == "tar_gz" || n == "tar_zst" || n == "tar_bz2") {
    EXPECT_TRUE(has_problem(r, "/etc/cron.d/evil", "absolute path")) << n;
    EXPECT_TRUE(has_problem(r, "!up", "points out")) << n;
    EXPECT_FALSE(has_problem(r, "!ok", "")) << n;
  }
  // Nothing was written next to the archive or above it.
  EXPECT_FALSE(std::filesystem::exists(c.tmp.path() / "escape.txt"));
  EXPECT_FALSE(std::filesystem::exists(c.tmp.path() / "zipslip.txt"));
  // Entries read back are the original bytes.
  shodo::evidence::VerifyReport v;
  ASSERT_TRUE(shodo::evidence::verify(c.session, v).ok);
  EXPECT_TRUE(v.ok());
}

INSTANTIATE_TEST_SUITE_P(
    Formats, Archives,
    ::testing::Values(ArchiveCase{"tar_gz",
                                  "bsdtar -czf t.tar.gz -P -s ',^a$,../../escape.txt,' -s "
                                  "',^b$,/etc/cron.d/evil,' a b up ok inner",
                                  "t.tar.gz"},
                      ArchiveCase{"tar_zst",
                                  "bsdtar --zstd -cf t.tar.zst -P -s ',^a$,../../escape.txt,' -s "
                                  "',^b$,/etc/cron.d/evil,' a b up ok inner",
                                  "t.tar.zst"},
                      ArchiveCase{"tar_bz2",
                                  "bsdtar -cjf t.tar.bz2 -P -s ',^a$,../../escape.txt,' -s "
                                  "',^b$,/etc/cron.d/evil,' a b up ok inner",
                                  "t.tar.bz2"},
                      ArchiveCase{"zip",
                                  "bsdtar --format zip -cf t.zip -P -s ',^a$,../zipslip.txt,' a b",
                                  "t.zip"},
                      ArchiveCase{"sevenzip", "7z a -bd t.7z a b", "t.7z"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Archives, DamagedArchiveIsCountedNotFatal) {
  CaseFixture c;
  std::string junk = "PK\x03\x04";
  junk += std::string(200, '\x7f');
  auto r = c.acquire(c.tmp.write("bad.zip", junk));
  EXPECT_EQ(r.items.size(), 1u);  // the file itself is still preserved
  EXPECT_GE(r.malformed_entries, 1u);
}

TEST(Archives, PlainGzipLogIsAFile) {
  CaseFixture c;
  c.tmp.write("log/access.log", "GET / 200\n");
  ASSERT_EQ(run_shell("gzip -k " + (c.tmp.path() / "log/access.log").string()), 0);
  auto r = c.acquire((c.tmp.path() / "log/access.log.gz").string());
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].item.kind, "file");
}

}  // namespace

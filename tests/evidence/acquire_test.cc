// Acquisition into the vault, reading back, verification and tampering.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include <nlohmann/json.hpp>

#include "evidence/evidence_fixture.h"

namespace {

using shodo::testing::CaseFixture;
namespace fs = std::filesystem;

std::string read_item(const CaseFixture& c, const shodo::cases::Item& item) {
  std::string error;
  auto r = shodo::evidence::open_item(c.session, item, error);
  EXPECT_TRUE(r) << error;
  if (!r) return "";
  std::string out;
  char buf[7000];  // not a multiple of the chunk size
  while (size_t n = r->read(buf, sizeof buf)) out.append(buf, n);
  EXPECT_EQ(r->error(), "");
  return out;
}

std::vector<fs::path> vault_files(const CaseFixture& c) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(c.dir.vault()))
    if (e.is_regular_file() && e.path().parent_path().filename() != "tmp") out.push_back(e.path());
  return out;
}

TEST(Acquire, FileIsHashedStoredEncryptedAndReadBack) {
  CaseFixture c;
  std::string content(3 * (1 << 20) + 123, '\0');  // several chunks, last one short
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7 + i / 251);
  content.replace(1000, 12, "SECRET-MARK!");
  const std::string path = c.tmp.write("evidence/data.bin", content);
  auto r = c.acquire(path);
  ASSERT_EQ(r.items.size(), 1u);
  const auto& item = r.items[0].item;
  EXPECT_EQ(item.size, content.size());
  EXPECT_EQ(item.kind, "file");
  EXPECT_EQ(item.acquired_by, "tester");
  shodo::evidence::Hashes h;
  uint64_t size;
  ASSERT_TRUE(shodo::evidence::hash_path(path, h, size).ok);
  EXPECT_EQ(item.hashes.sha256, h.sha256);
  EXPECT_EQ(item.hashes.md5, h.md5);
  EXPECT_EQ(read_item(c, item), content);
  // Encrypted at rest: the plaintext is nowhere in the vault.
  for (const auto& f : vault_files(c))
    EXPECT_EQ(shodo::testing::read_file(f).find("SECRET-MARK!"), std::string::npos);
  // Metadata as found, and one "acquired" custody event with the hashes.
  auto meta = nlohmann::json::parse(item.metadata_json);
  EXPECT_EQ(meta["size"], content.size());
  EXPECT_TRUE(meta.contains("mtime"));
  std::vector<shodo::cases::CustodyEvent> events;
  ASSERT_TRUE(c.store->events(item.id, events).ok);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "acquired");
  EXPECT_NE(events[0].hashes_json.find(h.sha256), std::string::npos);
}

TEST(Acquire, ALargeFileWrittenPastThePageCacheReadsBack) {
  CaseFixture c;
  std::string content(9 * (1 << 20) + 7, '\0');  // several 4 MiB runs and a short tail
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 13 + i / 4093);
  auto r = c.acquire(c.tmp.write("e/large.bin", content));
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(read_item(c, r.items[0].item), content);
  ASSERT_EQ(vault_files(c).size(), 1u);
  EXPECT_EQ(fs::file_size(vault_files(c)[0]), 48 + 9 * ((1u << 20) + 16) + 7 + 16);
}

TEST(Acquire, EmptyFileAndExactChunkMultiple) {
  CaseFixture c;
  auto r1 = c.acquire(c.tmp.write("e/empty", ""));
  auto r2 = c.acquire(c.tmp.write("e/exact", std::string(1 << 20, 'x')));
  EXPECT_EQ(r1.items[0].item.hashes.sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(read_item(c, r1.items[0].item), "");
  EXPECT_EQ(read_item(c, r2.items[0].item), std::string(1 << 20, 'x'));
}

TEST(Acquire, ReadingDoesNotChangeAccessTimeOrContent) {
  CaseFixture c;
  const std::string path = c.tmp.write("e/old.log", "GET /index.php 200\n");
  // An access time in the past, before mtime: relatime would update it on any read.
  struct timespec times[2] = {{1000000000, 0}, {1600000000, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  setxattr(path.c_str(), "user.note", "seized", 6, 0);  // may be unsupported: then skipped
  auto r = c.acquire(path);
  ASSERT_EQ(r.items.size(), 1u);
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 1000000000);
  EXPECT_EQ(st.st_mtim.tv_sec, 1600000000);
  EXPECT_EQ(shodo::testing::read_file(path), "GET /index.php 200\n");
  auto meta = nlohmann::json::parse(r.items[0].item.metadata_json);
  EXPECT_EQ(meta["atime"], "2001-09-09T01:46:40.000000000Z");
  if (getxattr(path.c_str(), "user.note", nullptr, 0) > 0) {
    EXPECT_EQ(meta["xattrs"]["user.note"], "seized");
  }
}

TEST(Acquire, FolderTreeSameContentStoredOnceAndRerunRecordsNothingTwice) {
  CaseFixture c;
  c.tmp.write("www/index.php", "<?php echo 1;");
  c.tmp.write("www/copy/index.php", "<?php echo 1;");
  c.tmp.write("www/shell.php", "<?php system($_GET['c']);");
  fs::create_symlink("/etc/passwd", c.tmp.path() / "www/link");
  const std::string root = (c.tmp.path() / "www").string();
  auto r = c.acquire(root);
  EXPECT_EQ(r.items.size(), 3u);
  ASSERT_EQ(r.problems.size(), 1u);  // the symlink: recorded, not followed
  EXPECT_NE(r.problems[0].reason.find("symlink"), std::string::npos);
  EXPECT_EQ(vault_files(c).size(), 2u);  // two distinct contents
  // The copy was hashed, found already written, and never got a file of its own.
  EXPECT_TRUE(fs::is_empty(c.dir.vault() + "/tmp"));
  for (const auto& e : r.items)
    EXPECT_EQ(read_item(c, e.item),
              e.item.source.ends_with("shell.php") ? "<?php system($_GET['c']);" : "<?php echo 1;");
  auto again = c.acquire(root);
  for (const auto& e : again.items) EXPECT_TRUE(e.existing);
  std::vector<shodo::cases::Item> items;
  ASSERT_TRUE(c.store->items(items).ok);
  EXPECT_EQ(items.size(), 3u);
}

TEST(Verify, IntactCaseVerifiesAndIsLogged) {
  CaseFixture c;
  c.acquire(c.tmp.write("e/a.log", "one"));
  shodo::evidence::VerifyReport v;
  ASSERT_TRUE(shodo::evidence::verify(c.session, v).ok);
  EXPECT_TRUE(v.ok());
  std::vector<shodo::cases::CustodyEvent> events;
  ASSERT_TRUE(c.store->events(0, events).ok);
  EXPECT_EQ(events.back().action, "verified");
}

TEST(Verify, FlippedByteInTheVaultIsNamed) {
  CaseFixture c;
  c.acquire(c.tmp.write("e/a.log", std::string(5000, 'a')));
  auto r = c.acquire(c.tmp.write("e/b.log", std::string(5000, 'b')));
  const auto& target = r.items[0].item;
  const std::string blob =
      c.dir.vault() + "/" + target.hashes.sha256.substr(0, 2) + "/" + target.hashes.sha256;
  {
    std::fstream f(blob, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(100);
    char ch;
    f.get(ch);
    f.seekp(100);
    f.put(static_cast<char>(ch ^ 1));
  }
  shodo::evidence::VerifyReport v;
  ASSERT_TRUE(shodo::evidence::verify(c.session, v).ok);
  EXPECT_FALSE(v.ok());
  int bad = 0;
  for (const auto& chk : v.items) {
    if (chk.ok) continue;
    ++bad;
    EXPECT_EQ(chk.item.id, target.id);
    EXPECT_NE(chk.error.find("failed authentication"), std::string::npos) << chk.error;
  }
  EXPECT_EQ(bad, 1);
  // Via the CLI: exit 1, the item named.
  auto run = shodo::testing::run_shodo("verify --case " + c.dir.root);
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_NE(run.out.find("MISMATCH #" + std::to_string(target.id)), std::string::npos) << run.out;
}

TEST(Verify, TruncatedVaultFileIsNamed) {
  CaseFixture c;
  auto r = c.acquire(c.tmp.write("e/big.bin", std::string(3 << 20, 'z')));
  const auto& item = r.items[0].item;
  const std::string blob =
      c.dir.vault() + "/" + item.hashes.sha256.substr(0, 2) + "/" + item.hashes.sha256;
  // Drop the last (final) chunk: what remains is a valid prefix of whole chunks.
  fs::resize_file(blob, 48 + 3 * ((1 << 20) + 16));
  shodo::evidence::VerifyReport v;
  ASSERT_TRUE(shodo::evidence::verify(c.session, v).ok);
  ASSERT_EQ(v.items.size(), 1u);
  EXPECT_FALSE(v.items[0].ok);
  EXPECT_NE(v.items[0].error.find("truncated"), std::string::npos) << v.items[0].error;
}

TEST(Export, WritesOriginalBytesInsideTheFolderOnly) {
  CaseFixture c;
  auto r = c.acquire(c.tmp.write("e/..evil name;rm -rf", "payload"));
  const std::string to = (c.tmp.path() / "out").string();
  shodo::evidence::ExportReport x;
  ASSERT_TRUE(shodo::evidence::export_items(c.session, {r.items[0].item}, to, "handover", x).ok);
  ASSERT_EQ(x.files.size(), 1u);
  EXPECT_EQ(fs::path(x.files[0].path).parent_path(), fs::path(to));
  EXPECT_EQ(shodo::testing::read_file(x.files[0].path), "payload");
  auto manifest = nlohmann::json::parse(shodo::testing::read_file(x.manifest_path));
  EXPECT_EQ(manifest["files"][0]["sha256"], r.items[0].item.hashes.sha256);
  // Never over an existing file (or a planted symlink).
  shodo::evidence::ExportReport again;
  EXPECT_FALSE(shodo::evidence::export_items(c.session, {r.items[0].item}, to, "again", again).ok);
  std::vector<shodo::cases::CustodyEvent> events;
  ASSERT_TRUE(c.store->events(r.items[0].item.id, events).ok);
  EXPECT_EQ(events.back().action, "exported");
}

TEST(Custody, ShowFormatsAndVerifyViaCli) {
  CaseFixture c;
  c.acquire(c.tmp.write("e/a=1,\"x\".log", "=cmd|' /C calc'!A0"));
  auto csv = shodo::testing::run_shodo("custody show --format csv --case " + c.dir.root);
  EXPECT_EQ(csv.code, 0) << csv.out;
  EXPECT_NE(csv.out.find("seq,item,action"), std::string::npos);
  auto json = shodo::testing::run_shodo("custody show --format json --case " + c.dir.root);
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j[0]["action"], "acquired");
  auto ok = shodo::testing::run_shodo("custody verify --case " + c.dir.root);
  EXPECT_EQ(ok.code, 0) << ok.out;
}

}  // namespace

// The disk-image back end of fsview on images built at test time. Every
// test hashes the images it opens before and after: opening must never
// modify evidence.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "fsview/fsview.h"
#include "support/disk_images.h"
#include "support/sanitizers.h"
#include "support/temp_dir.h"

using namespace shodo::fsview;
using shodo::testing::file_digest;
using shodo::testing::run_shell;
using shodo::testing::TempDir;

namespace {

std::map<std::string, FileInfo> walk_all(const View& view, bool deleted,
                                         std::vector<Problem>* problems = nullptr) {
  std::map<std::string, FileInfo> out;
  WalkOptions options;
  options.include_deleted = deleted;
  view.walk(
      "/", options,
      [&](const FileInfo& f) {
        out.emplace(f.path, f);
        return Visit::descend;
      },
      [&](const Problem& p) {
        if (problems) problems->push_back(p);
      });
  return out;
}

std::string read_all(const View& view, const FileInfo& f) {
  std::string error;
  auto reader = view.open(f, error);
  if (!reader) return "ERROR " + error;
  std::string out;
  char buf[1000];  // small, to cross block boundaries
  while (size_t n = reader->read(buf, sizeof buf)) out.append(buf, n);
  return reader->error().empty() ? out : "ERROR " + reader->error();
}

class ImageViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    staging_ = shodo::testing::make_linux_staging(dir_.path());
    ext4_ = shodo::testing::make_ext4(dir_.path(), staging_, "root.img", "ROOTFS",
                                      {"/var/www/html/shell.php"});
    ASSERT_FALSE(ext4_.empty()) << "mke2fs/debugfs failed";
    // mke2fs -d keeps whole seconds: give one time nanoseconds (ext4 keeps
    // them in mtime_extra, shifted left by 2 above the epoch bits).
    ASSERT_EQ(run_shell("debugfs -w -R 'sif /etc/hostname mtime_extra 492' '" + ext4_ +
                        "' >/dev/null 2>&1"),
              0);
    before_ = file_digest(ext4_);
  }
  void TearDown() override { EXPECT_EQ(file_digest(ext4_), before_) << "image modified"; }

  TempDir dir_;
  std::filesystem::path staging_;
  std::string ext4_, before_;
};

TEST_F(ImageViewTest, Ext4WithoutPartitionTable) {
  Source source = open_source(ext4_);
  ASSERT_EQ(source.views.size(), 1u);
  EXPECT_TRUE(source.problems.empty());
  EXPECT_TRUE(source.is_image);
  EXPECT_EQ(source.image.format, "raw");
  EXPECT_TRUE(source.image.volume_system.empty());
  const View& view = *source.views[0];
  EXPECT_EQ(view.fs_type(), "ext4");
  ASSERT_NE(view.volume(), nullptr);
  EXPECT_EQ(view.volume()->label, "ROOTFS");
  EXPECT_EQ(view.volume()->partition, -1);
  EXPECT_EQ(view.volume()->block_size * view.volume()->block_count, 16u << 20);

  FileInfo host;
  std::string error;
  ASSERT_TRUE(view.stat("/etc//hostname", host, error)) << error;
  EXPECT_EQ(host.path, "/etc/hostname");
  EXPECT_EQ(host.type, FileType::regular);
  EXPECT_EQ(host.size, 6u);
  EXPECT_NE(host.mtime, kNoTime);
  EXPECT_NE(host.btime, kNoTime);  // ext4 keeps birth times
  EXPECT_EQ(host.mtime % 1000000000, 123) << "nanoseconds are kept";
  EXPECT_EQ(read_all(view, host), "web01\n");
  EXPECT_FALSE(view.stat("/no/such", host, error));

  auto files = walk_all(view, false);
  EXPECT_TRUE(files.count("/var/www/html/index.php"));
  EXPECT_FALSE(files.count("/var/www/html/shell.php"));
  // Raw bytes of hostile names, never rewritten.
  EXPECT_TRUE(files.count("/tmp/names/new\nline"));
  EXPECT_TRUE(files.count("/tmp/names/bad\xff\xfe.txt"));
  EXPECT_TRUE(files.count("/tmp/names/ctrl\x01\x1b[31m"));
  ASSERT_TRUE(files.count("/tmp/names/escape"));
  EXPECT_EQ(files["/tmp/names/escape"].type, FileType::symlink);
  EXPECT_EQ(files["/tmp/names/escape"].link_target, "../../../../etc/passwd");
  const FileInfo& big = files["/data/big.txt"];
  std::string content = read_all(view, big);
  EXPECT_EQ(content.size(), big.size);
  EXPECT_TRUE(content.ends_with("line 19999\n"));
  // Folders come before their content, names in byte order.
  std::vector<std::string> order;
  view.walk(
      "/var", {},
      [&](const FileInfo& f) {
        order.push_back(f.path);
        return f.path == "/var/log" ? Visit::skip : Visit::descend;
      },
      [](const Problem&) {});
  EXPECT_EQ(order, (std::vector<std::string>{"/var", "/var/log", "/var/www", "/var/www/html",
                                             "/var/www/html/index.php"}));
}

TEST_F(ImageViewTest, DeletedFilesAreMarkedAndRecovered) {
  Source source = open_source(ext4_);
  ASSERT_EQ(source.views.size(), 1u);
  auto files = walk_all(*source.views[0], true);
  ASSERT_TRUE(files.count("/var/www/html/shell.php"));
  const FileInfo& shell = files["/var/www/html/shell.php"];
  EXPECT_TRUE(shell.deleted);
  EXPECT_FALSE(files["/var/www/html/index.php"].deleted);
  EXPECT_EQ(read_all(*source.views[0], shell), "<?php system($_GET['c']);\n");
}

TEST_F(ImageViewTest, ConcurrentReadsDuringAWalk) {
  Source source = open_source(ext4_);
  ASSERT_EQ(source.views.size(), 1u);
  const View& view = *source.views[0];
  auto files = walk_all(view, false);
  const std::string expected = read_all(view, files["/data/big.txt"]);
  const size_t with_deleted = walk_all(view, true).size();
  EXPECT_EQ(with_deleted, files.size() + 2);  // shell.php and libtsk's $OrphanFiles
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        if (read_all(view, files["/data/big.txt"]) != expected) ++bad;
        if (walk_all(view, true).size() != with_deleted) ++bad;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

TEST_F(ImageViewTest, GptWithTwoFileSystemsAndTwoItCannotRead) {
  const std::string data = shodo::testing::make_ext4(dir_.path(), staging_, "data.img", "DATA");
  const std::string gpt = shodo::testing::make_gpt(dir_.path(), ext4_, data);
  ASSERT_FALSE(gpt.empty()) << "sfdisk failed";
  const std::string gpt_before = file_digest(gpt);
  {
    Source source = open_source(gpt);
    EXPECT_EQ(source.image.volume_system, "gpt");
    ASSERT_EQ(source.views.size(), 2u);
    EXPECT_EQ(source.views[0]->volume()->label, "ROOTFS");
    EXPECT_EQ(source.views[0]->volume()->offset, 1048576u);
    EXPECT_EQ(source.views[1]->volume()->label, "DATA");
    EXPECT_NE(source.views[0]->description().find("partition"), std::string::npos);
    EXPECT_EQ(source.image.partitions.size(), 4u);
    FileInfo f;
    std::string error;
    EXPECT_TRUE(source.views[1]->stat("/etc/hostname", f, error)) << error;
    ASSERT_EQ(source.problems.size(), 2u);
    const std::string xfs = source.problems[0].path + " " + source.problems[0].reason;
    EXPECT_NE(xfs.find("XFS"), std::string::npos) << xfs;
    EXPECT_NE(xfs.find("byte 34603008"), std::string::npos) << xfs;
    EXPECT_NE(xfs.find("mount"), std::string::npos) << xfs;
    const std::string blank = source.problems[1].path + " " + source.problems[1].reason;
    EXPECT_NE(blank.find("zeros"), std::string::npos) << blank;
    EXPECT_NE(blank.find("byte 38797312"), std::string::npos) << blank;
  }
  EXPECT_EQ(file_digest(gpt), gpt_before);
}

TEST_F(ImageViewTest, E01WithStoredHashes) {
  const std::string e01 = (dir_.path() / "ev").string();
  ASSERT_EQ(run_shell("ewfacquire -u -q -t '" + e01 +
                      "' -c none -d sha1 -C c -D d -e e -E n -N n '" + ext4_ + "' >/dev/null 2>&1"),
            0);
  const std::string md5 = shodo::testing::shell_output("md5sum '" + ext4_ + "' | cut -c1-32");
  const std::string e01_before = file_digest(e01 + ".E01");
  {
    Source source = open_source(e01 + ".E01");
    EXPECT_EQ(source.image.format, "ewf");
    EXPECT_EQ(source.image.size, 16u << 20);
    ASSERT_EQ(source.views.size(), 1u);
    ASSERT_GE(source.image.stored_hashes.size(), 2u);
    EXPECT_EQ(source.image.stored_hashes[0].first, "MD5");
    EXPECT_EQ(source.image.stored_hashes[0].second + "\n", md5);
    EXPECT_EQ(source.image.stored_hashes[1].first, "SHA-1");
    auto files = walk_all(*source.views[0], false);
    EXPECT_EQ(read_all(*source.views[0], files["/etc/hostname"]), "web01\n");
  }
  EXPECT_EQ(file_digest(e01 + ".E01"), e01_before);
}

TEST_F(ImageViewTest, SplitRaw) {
  const std::string base = (dir_.path() / "split.").string();
  ASSERT_EQ(run_shell("split -b 5M -d -a 3 --numeric-suffixes=1 '" + ext4_ + "' '" + base + "'"),
            0);
  Source source = open_source(base + "001");
  EXPECT_EQ(source.image.files.size(), 4u);
  EXPECT_EQ(source.image.size, 16u << 20);
  ASSERT_EQ(source.views.size(), 1u);
  auto files = walk_all(*source.views[0], false);
  EXPECT_TRUE(read_all(*source.views[0], files["/data/big.txt"]).ends_with("line 19999\n"));
}

TEST_F(ImageViewTest, FatWithDeletedFile) {
  const std::string fat = (dir_.path() / "fat.img").string();
  const std::string src = dir_.write("src.txt", "fat content\n");
  ASSERT_EQ(
      run_shell("mkfs.vfat -n WEBDATA -C '" + fat + "' 8192 >/dev/null && mmd -i '" + fat +
                "' ::/www && mcopy -i '" + fat + "' '" + src + "' ::/www/keep.txt && mcopy -i '" +
                fat + "' '" + src + "' ::/www/gone.txt && mdel -i '" + fat + "' ::/www/gone.txt"),
      0);
  const std::string before = file_digest(fat);
  {
    Source source = open_source(fat);
    ASSERT_EQ(source.views.size(), 1u);
    const View& view = *source.views[0];
    EXPECT_EQ(view.fs_type().substr(0, 3), "fat");
    EXPECT_EQ(view.volume()->label, "WEBDATA");
    auto files = walk_all(view, true);
    EXPECT_EQ(read_all(view, files["/www/keep.txt"]), "fat content\n");
    EXPECT_FALSE(files.count("/$FAT1")) << "libtsk's virtual files are not the file system's";
    // FAT overwrites a deleted name's first byte; libtsk shows it as '_'.
    ASSERT_TRUE(files.count("/www/_one.txt"));
    EXPECT_TRUE(files["/www/_one.txt"].deleted);
    EXPECT_EQ(read_all(view, files["/www/_one.txt"]), "fat content\n");
  }
  EXPECT_EQ(file_digest(fat), before);
}

TEST_F(ImageViewTest, Ntfs) {
  const std::string ntfs = (dir_.path() / "ntfs.img").string();
  const std::string src = dir_.write("src.txt", "ntfs content\n");
  if (run_shell("truncate -s 16M '" + ntfs + "' && mkntfs -F -f -q -L WINVOL '" + ntfs +
                "' >/dev/null 2>&1 && ntfscp '" + ntfs + "' '" + src +
                "' web.config >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "mkntfs/ntfscp cannot build an NTFS image on a file here";
  const std::string before = file_digest(ntfs);
  {
    Source source = open_source(ntfs);
    ASSERT_EQ(source.views.size(), 1u);
    const View& view = *source.views[0];
    EXPECT_EQ(view.fs_type(), "ntfs");
    EXPECT_EQ(view.volume()->label, "WINVOL");
    auto files = walk_all(view, false);
    ASSERT_TRUE(files.count("/web.config"));
    EXPECT_EQ(read_all(view, files["/web.config"]), "ntfs content\n");
    EXPECT_NE(files["/web.config"].btime, kNoTime);
  }
  EXPECT_EQ(file_digest(ntfs), before);
}

TEST_F(ImageViewTest, MalformedImagesGiveClearProblems) {
  const std::string garbage = dir_.write("garbage.img", std::string(300000, 'Z'));
  Source g = open_source(garbage);
  EXPECT_TRUE(g.views.empty());
  ASSERT_EQ(g.problems.size(), 1u);
  EXPECT_NE(g.problems[0].reason.find("unknown content"), std::string::npos)
      << g.problems[0].reason;

  const std::string truncated = (dir_.path() / "truncated.img").string();
  ASSERT_EQ(run_shell("head -c 600000 '" + ext4_ + "' > '" + truncated + "'"), 0);
  const std::string before = file_digest(truncated);
  Source t = open_source(truncated);
  std::vector<Problem> problems;
  for (const auto& view : t.views) {
    auto files = walk_all(*view, true, &problems);
    for (const auto& [path, f] : files)
      if (f.type == FileType::regular) read_all(*view, f);  // errors are values, never a crash
  }
  EXPECT_FALSE(t.problems.empty() && t.views.empty() && problems.empty());
  EXPECT_EQ(file_digest(truncated), before);

  const std::string e01 = dir_.write("bad.E01", std::string("EVF\x09\x0d\x0a\xff\x00", 8) + "junk");
  Source e = open_source(e01);
  EXPECT_TRUE(e.views.empty());
  EXPECT_FALSE(e.problems.empty());

  Source missing = open_source((dir_.path() / "none.img").string());
  ASSERT_EQ(missing.problems.size(), 1u);
}

// Inodes whose claimed size libtsk would act on at a cost the image cannot
// justify (found by fuzz_disk_image): the inline-data flag with 1.7 GB (it
// allocates and copies the claim: 3.3 GB of memory from a 20 KB image), one
// named and one unnamed unallocated inode that only the orphan search would
// load; a folder of 128 MiB in a 16 MiB file system (it reads the claim as a
// block list: 32 s for 127 MB); a block-mapped file of 1 GiB.
TEST_F(ImageViewTest, ImplausibleInodeSizesAreNotActedOn) {
  const std::string forged = (dir_.path() / "forged.img").string();
  ASSERT_EQ(run_shell("cp '" + ext4_ + "' '" + forged + "'"), 0);
  const std::string forge =
      "sif /var/www/html/index.php flags 0x10000000\nsif /var/www/html/index.php size 0x66000000\n"
      "sif <100> mode 0100644\nsif <100> ctime 1700000000\nsif <100> flags 0x10000000\n"
      "sif <100> size 0x66000000\nsif /tmp/names size 0x8000000\n"
      "sif /etc/os-release flags 0\nsif /etc/os-release size 0x40000000\n";
  ASSERT_EQ(run_shell("printf '" + forge + "' | debugfs -w -f - '" + forged + "' >/dev/null 2>&1"),
            0);
  const std::string before = file_digest(forged);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const long rss_before_kb = usage.ru_maxrss;

  Source source = open_source(forged);
  ASSERT_EQ(source.views.size(), 1u);
  const View& view = *source.views[0];
  std::vector<Problem> problems;
  auto files = walk_all(view, true, &problems);
  EXPECT_FALSE(files.count("/var/www/html/index.php"));
  EXPECT_TRUE(files.count("/etc/hostname"));
  auto problem_at = [&](const std::string& path) -> std::string {
    for (const Problem& p : problems)
      if (p.path == path) return p.reason;
    return "";
  };
  EXPECT_NE(problem_at("/var/www/html/index.php").find("claims 1711276032 bytes of inline data"),
            std::string::npos)
      << problem_at("/var/www/html/index.php");
  EXPECT_NE(problem_at("/$OrphanFiles").find("3 inode(s) ("), std::string::npos)
      << problem_at("/$OrphanFiles");
  EXPECT_NE(problem_at("/$OrphanFiles").find(", 100)"), std::string::npos);
  // The folder is listed, not entered; the file listed, its content not read.
  ASSERT_TRUE(files.count("/tmp/names"));
  EXPECT_FALSE(files.count("/tmp/names/escape"));
  EXPECT_NE(problem_at("/tmp/names").find("claims 134217728 bytes"), std::string::npos)
      << problem_at("/tmp/names");
  ASSERT_TRUE(files.count("/etc/os-release"));
  EXPECT_NE(read_all(view, files["/etc/os-release"]).find("content not read"), std::string::npos);

  // Without deleted files the orphan search is not asked for: no problem.
  problems.clear();
  files = walk_all(view, false, &problems);
  EXPECT_EQ(problem_at("/$OrphanFiles"), "");
  EXPECT_NE(problem_at("/var/www/html/index.php"), "");

  // Paths are followed name by name: others still open, the forged one not.
  FileInfo host;
  std::string error;
  ASSERT_TRUE(view.stat("/etc/hostname", host, error)) << error;
  EXPECT_EQ(read_all(view, host), "web01\n");
  EXPECT_FALSE(view.stat("/var/www/html/index.php", host, error));
  EXPECT_NE(error.find("inline data"), std::string::npos) << error;
  EXPECT_FALSE(view.stat("/var/www/none", host, error));

  // A fresh view, used without a whole walk: each inode is checked alone.
  Source fresh = open_source(forged);
  ASSERT_EQ(fresh.views.size(), 1u);
  const View& single = *fresh.views[0];
  EXPECT_FALSE(single.stat("/var/www/html/index.php", host, error));
  EXPECT_NE(error.find("inline data"), std::string::npos) << error;
  FileInfo release;
  ASSERT_TRUE(single.stat("/etc/os-release", release, error)) << error;
  EXPECT_NE(read_all(single, release).find("content not read"), std::string::npos);
  problems.clear();
  WalkOptions subtree;
  single.walk(
      "/tmp", subtree, [](const FileInfo&) { return Visit::descend; },
      [&](const Problem& p) { problems.push_back(p); });
  EXPECT_NE(problem_at("/tmp/names").find("not listed"), std::string::npos)
      << problem_at("/tmp/names");

  getrusage(RUSAGE_SELF, &usage);
  EXPECT_LT(usage.ru_maxrss - rss_before_kb, 200L * 1024 * shodo::testing::kMemoryFactor)
      << "KB of peak memory grew";
  EXPECT_EQ(file_digest(forged), before);
}

TEST(ImageSupport, ListsWhatLibtskReads) {
  Support s = image_support();
  auto has = [](const std::vector<std::string>& v, std::string_view prefix) {
    return std::any_of(v.begin(), v.end(),
                       [&](const std::string& x) { return x.starts_with(prefix); });
  };
  EXPECT_TRUE(has(s.image_formats, "raw"));
  EXPECT_TRUE(has(s.image_formats, "ewf"));
  EXPECT_TRUE(has(s.volume_systems, "gpt"));
  EXPECT_TRUE(has(s.file_systems, "ext4"));
  EXPECT_TRUE(has(s.file_systems, "ntfs"));
}

}  // namespace

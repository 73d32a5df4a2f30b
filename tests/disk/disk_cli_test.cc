// `shodo disk` and `shodo hunt IMAGE` end to end, on images built at test
// time; every image is hashed before and after (never modified).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/disk_images.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using shodo::testing::file_digest;
using shodo::testing::shell_output;
using shodo::testing::TempDir;

namespace {

struct CmdResult {
  int code;
  std::string out, err;
};

CmdResult shodo(const std::string& args, const fs::path& scratch) {
  const std::string err_file = (scratch / "stderr.txt").string();
  const std::string cmd = std::string(SHODO_BINARY) + " " + args + " 2>'" + err_file + "'";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int rc = pclose(p);
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, out, shell_output("cat '" + err_file + "'")};
}

// shodo writes invalid UTF-8 bytes as lone surrogates (\udcNN, recoverable);
// nlohmann's parser rejects those, so they are renamed before parsing.
nlohmann::json parse(std::string text) {
  for (size_t at = 0; (at = text.find("\\udc", at)) != std::string::npos; at += 6)
    text.replace(at, 4, "\\u00");
  return nlohmann::json::parse(text);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class DiskCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path staging = shodo::testing::make_linux_staging(dir_.path());
    img_ = shodo::testing::make_ext4(dir_.path(), staging, "root.img", "ROOTFS",
                                     {"/var/www/html/shell.php"});
    ASSERT_FALSE(img_.empty()) << "mke2fs/debugfs failed";
    data_ = shodo::testing::make_ext4(dir_.path(), staging, "data.img", "DATA");
    gpt_ = shodo::testing::make_gpt(dir_.path(), img_, data_);
    ASSERT_FALSE(gpt_.empty()) << "sfdisk failed";
    img_before_ = file_digest(img_);
    gpt_before_ = file_digest(gpt_);
  }
  void TearDown() override {
    EXPECT_EQ(file_digest(img_), img_before_) << "image modified";
    EXPECT_EQ(file_digest(gpt_), gpt_before_) << "image modified";
  }
  CmdResult run(const std::string& args) { return shodo(args, dir_.path()); }

  TempDir dir_;
  std::string img_, data_, gpt_, img_before_, gpt_before_;
};

TEST_F(DiskCliTest, InfoShowsPartitionsSystemsAndWhatCannotBeRead) {
  CmdResult r = run("disk info '" + gpt_ + "' --format json");
  EXPECT_EQ(r.code, 0) << r.err;
  auto j = parse(r.out);
  EXPECT_EQ(j["image"]["format"], "raw");
  EXPECT_EQ(j["volume_system"], "gpt");
  ASSERT_EQ(j["partitions"].size(), 4u);
  EXPECT_EQ(j["partitions"][0]["offset"], 1048576);
  EXPECT_EQ(j["partitions"][0]["description"], "root");
  ASSERT_EQ(j["file_systems"].size(), 2u);
  EXPECT_EQ(j["file_systems"][0]["type"], "ext4");
  EXPECT_EQ(j["file_systems"][0]["label"], "ROOTFS");
  EXPECT_EQ(j["file_systems"][0]["os"], "Debian GNU/Linux 12 (bookworm)");
  EXPECT_EQ(j["file_systems"][0]["hostname"], "web01");
  EXPECT_EQ(j["file_systems"][1]["label"], "DATA");
  ASSERT_EQ(j["problems"].size(), 2u);
  EXPECT_NE(j["problems"][0]["reason"].get<std::string>().find("XFS"), std::string::npos);
  EXPECT_FALSE(j["supported"]["file_systems"].empty());

  r = run("disk info '" + gpt_ + "'");
  EXPECT_EQ(r.code, 0);
  for (const char* part : {"Volume system: gpt", "OS: Debian GNU/Linux 12 (bookworm)",
                           "hostname: web01", "partition 3", "XFS", "zeros", "image formats:"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
}

TEST_F(DiskCliTest, InfoOfAnE01ShowsItsStoredHashes) {
  const std::string e01 = (dir_.path() / "ev").string();
  ASSERT_EQ(shodo::testing::run_shell("ewfacquire -u -q -t '" + e01 +
                                      "' -c none -C c -D d -e e -E n -N n '" + gpt_ +
                                      "' >/dev/null 2>&1"),
            0);
  const std::string md5 = shell_output("md5sum '" + gpt_ + "' | cut -c1-32");
  CmdResult r = run("disk info '" + e01 + ".E01' --format json");
  auto j = parse(r.out);
  EXPECT_EQ(j["image"]["format"], "ewf");
  EXPECT_EQ(j["image"]["stored_hashes"]["MD5"].get<std::string>() + "\n", md5);
  EXPECT_EQ(j["file_systems"].size(), 2u);
}

TEST_F(DiskCliTest, LsShowsMetadataDeletedEntriesAndEscapedNames) {
  CmdResult r = run("disk ls '" + img_ + "' /tmp/names");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("/tmp/names/new\\nline"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/tmp/names/ctrl\\x01\\e[31m"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/tmp/names/bad\\xff\\xfe.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-> ../../../../etc/passwd"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "raw escape reached the terminal";
  EXPECT_EQ(lines_of(r.out).size(), 6u) << r.out;

  r = run("disk ls '" + img_ + "' /var/www/html --format jsonl");
  EXPECT_EQ(lines_of(r.out).size(), 1u) << r.out;
  r = run("disk ls '" + img_ + "' /var/www/html --deleted --format jsonl");
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  auto index = parse(lines[0]);
  auto shell = parse(lines[1]);
  EXPECT_EQ(index["path"], "/var/www/html/index.php");
  EXPECT_EQ(index["owner"], "root");
  EXPECT_EQ(index["mode"], "0644");
  for (const char* t : {"mtime", "atime", "ctime", "btime"}) EXPECT_TRUE(index.contains(t)) << t;
  EXPECT_EQ(index["deleted"], false);
  EXPECT_EQ(shell["path"], "/var/www/html/shell.php");
  EXPECT_EQ(shell["deleted"], true);

  r = run("disk ls '" + gpt_ + "' /etc --partition 2 --format csv");
  lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;  // header, hostname, os-release, passwd
  EXPECT_EQ(lines[1].substr(0, 17), "p2,/etc/hostname,");
  r = run("disk ls '" + img_ + "' / --recursive --format json");
  EXPECT_GT(parse(r.out).size(), 20u);
  EXPECT_EQ(run("disk ls '" + gpt_ + "' / --partition 3").code, 3);
}

TEST_F(DiskCliTest, BodyTimelineIsAcceptedByMactime) {
  CmdResult r = run("disk timeline '" + img_ + "' --format body");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string body = (dir_.path() / "body.txt").string();
  std::FILE* f = std::fopen(body.c_str(), "w");
  std::fwrite(r.out.data(), 1, r.out.size(), f);
  std::fclose(f);
  // As many entries as The Sleuth Kit's own fls lists.
  EXPECT_EQ(lines_of(r.out).size(), std::stoul(shell_output("fls -r -m / '" + img_ + "' | wc -l")));
  const std::string mactime = shell_output("mactime -b '" + body + "' -d -z UTC 2>&1");
  EXPECT_NE(mactime.find("/etc/hostname"), std::string::npos) << mactime;
  EXPECT_NE(mactime.find("/var/www/html/shell.php (deleted)"), std::string::npos) << mactime;
  EXPECT_NE(mactime.find("/tmp/names/new\\nline"), std::string::npos);
  EXPECT_EQ(mactime.find("Error"), std::string::npos) << mactime;
}

TEST_F(DiskCliTest, CsvAndJsonlTimelinesAreSortedWithTimesketchFields) {
  CmdResult r = run("disk timeline '" + gpt_ + "' --format csv");
  EXPECT_EQ(r.code, 3) << "partitions 3 and 4 cannot be read";
  EXPECT_NE(r.err.find("XFS"), std::string::npos) << r.err;
  auto lines = lines_of(r.out);
  ASSERT_GT(lines.size(), 40u);
  EXPECT_EQ(lines[0].substr(0, 40), "datetime,timestamp,timestamp_desc,messag");
  for (size_t i = 2; i < lines.size(); ++i)
    EXPECT_LE(lines[i - 1].substr(0, 30), lines[i].substr(0, 30)) << "not sorted at " << i;
  EXPECT_NE(r.out.find("p1:/var/www/html/shell.php (deleted)"), std::string::npos);
  EXPECT_NE(r.out.find("p2:/etc/hostname"), std::string::npos);

  r = run("disk timeline '" + img_ + "' --format jsonl");
  lines = lines_of(r.out);
  ASSERT_FALSE(lines.empty());
  bool saw_shell = false, saw_shell_written = false;
  for (const std::string& line : lines) {
    auto j = parse(line);
    ASSERT_TRUE(j.contains("datetime") && j.contains("timestamp_desc") && j.contains("message"));
    EXPECT_EQ(j["datetime"].get<std::string>().back(), 'Z');
    if (j["path"] == "/var/www/html/shell.php") {
      saw_shell = true;
      EXPECT_EQ(j["deleted"], true);
      // Its deletion may fall in a later second than its writing (a slow
      // build of the image): then the two are separate rows.
      saw_shell_written |= j["timestamp_desc"].get<std::string>().find(
                               "Content Modification Time") != std::string::npos;
    }
  }
  EXPECT_TRUE(saw_shell);
  EXPECT_TRUE(saw_shell_written);
  r = run("disk timeline '" + img_ + "' --format csv --since 2999-01-01");
  EXPECT_EQ(lines_of(r.out).size(), 1u) << "only the header";
  r = run("disk timeline '" + img_ + "' --format csv --until 1990-01-01");
  EXPECT_EQ(lines_of(r.out).size(), 1u) << r.out;
  EXPECT_EQ(run("disk timeline '" + img_ + "' --since yesterday").code, 2);
}

TEST_F(DiskCliTest, ExtractWritesOnlyInsideTheFolderWithAManifest) {
  const fs::path parent = dir_.path() / "out";
  fs::create_directory(parent);
  const fs::path to = parent / "case1";
  CmdResult r = run("disk extract '" + img_ +
                    "' /tmp/names /var/www/html ../../../etc/hostname --to '" + to.string() + "'");
  EXPECT_EQ(r.code, 0) << r.err;
  // Nothing beside the output folder, no symlink created, every name safe.
  EXPECT_EQ(std::distance(fs::directory_iterator(parent), fs::directory_iterator()), 1);
  for (const auto& e : fs::recursive_directory_iterator(to)) {
    EXPECT_FALSE(e.is_symlink()) << e.path();
    const std::string name = e.path().filename().string();
    for (char c : name) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << e.path();
  }
  const fs::path files = to / "files";
  EXPECT_TRUE(fs::exists(files / "tmp/names/new%0Aline"));
  EXPECT_TRUE(fs::exists(files / "tmp/names/ctrl%01%1B[31m"));
  EXPECT_TRUE(fs::exists(files / "tmp/names/bad%FF%FE.txt"));
  EXPECT_TRUE(fs::exists(files / "tmp/names/back%5Cslash"));
  EXPECT_TRUE(fs::exists(files / "etc/hostname"));
  EXPECT_FALSE(fs::exists(files / "tmp/names/escape"));
  EXPECT_EQ(shell_output("cat '" + (files / "var/www/html/shell.php").string() + "'"),
            "<?php system($_GET['c']);\n");

  auto manifest = parse(shell_output("cat '" + (to / "manifest.json").string() + "'"));
  bool saw_shell = false, saw_link = false;
  for (const auto& e : manifest["entries"]) {
    if (e["path"] == "/var/www/html/shell.php") {
      saw_shell = true;
      EXPECT_EQ(e["deleted"], true);
      EXPECT_EQ(e["written"], "files/var/www/html/shell.php");
      EXPECT_EQ(e["sha256"].get<std::string>() + std::string("  -\n"),
                shell_output("printf \"<?php system(\\$_GET['c']);\\n\" | sha256sum"));
      EXPECT_EQ(e["size"], 26);
    }
    if (e["path"] == "/tmp/names/escape") {
      saw_link = true;
      EXPECT_EQ(e["link_target"], "../../../../etc/passwd");
      EXPECT_FALSE(e.contains("written"));
    }
  }
  EXPECT_TRUE(saw_shell);
  EXPECT_TRUE(saw_link);
  // A second run into the same folder refuses rather than overwrite.
  EXPECT_EQ(run("disk extract '" + img_ + "' /etc --to '" + to.string() + "'").code, 3);
}

TEST_F(DiskCliTest, HuntReadsTheLogsInsideAnImage) {
  CmdResult r = run("hunt '" + gpt_ + "' --no-default-rules --format json -q");
  // Partitions 3 and 4 cannot be read: an input error, after everything else was read.
  EXPECT_EQ(r.code, 3) << r.err << r.out;
  r = run("hunt '" + img_ + "' --format json -q --log-path /data/big.txt -v");
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = parse(r.out);
  const std::string text = j.dump();
  const std::string cite = img_ + ":/var/log/nginx/access.log";
  EXPECT_NE(text.find(cite), std::string::npos) << text.substr(0, 3000);
  for (const char* read : {"/var/log/nginx/access.log.1.gz", "/var/log/auth.log",
                           "/root/.bash_history", "/home/alice/.bash_history", "/data/big.txt"})
    EXPECT_NE(text.find(img_ + ":" + read), std::string::npos) << read;
}

TEST_F(DiskCliTest, GarbageAndTruncatedImagesGiveAClearError) {
  const std::string garbage = dir_.write("garbage.img", std::string(100000, '\x5a'));
  CmdResult r = run("disk ls '" + garbage + "'");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("no file system"), std::string::npos) << r.err;
  const std::string truncated = (dir_.path() / "cut.img").string();
  ASSERT_EQ(shodo::testing::run_shell("head -c 3000000 '" + gpt_ + "' > '" + truncated + "'"), 0);
  for (const char* cmd : {"info", "ls", "timeline"}) {
    r = run(std::string("disk ") + cmd + " '" + truncated + "'");
    EXPECT_TRUE(r.code == 0 || r.code == 3) << cmd << " " << r.code << r.err;
  }
}

}  // namespace

// Archives as views: entries with their stored metadata, content read back,
// hostile names kept inside the view and reported, non-archives refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fsview/fsview.h"
#include "support/temp_dir.h"

namespace shodo::fsview {
namespace {

using shodo::testing::run_shell;
using shodo::testing::TempDir;

std::string read_all(const View& v, const std::string& path) {
  FileInfo f;
  std::string error;
  if (!v.stat(path, f, error)) return "<" + error + ">";
  auto r = v.open(f, error);
  if (!r) return "<" + error + ">";
  std::string out(f.size + 16, '\0');
  size_t got = 0, n;
  while ((n = r->read(out.data() + got, out.size() - got)) > 0) got += n;
  out.resize(got);
  return out;
}

// A tar.gz written by Python's tarfile: exact names, times and modes, including
// the ones no archiver would write from a real folder.
std::string make_tar(const TempDir& dir) {
  const std::string tar = (dir.path() / "site.tar.gz").string();
  const std::string script = dir.write("make.py", R"(import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz", format=tarfile.PAX_FORMAT) as t:
    def add(name, data, mtime=1710003000, mode=0o644, kind=tarfile.REGTYPE, link=""):
        i = tarfile.TarInfo(name); i.size = len(data); i.mtime = mtime; i.mode = mode; i.type = kind; i.linkname = link
        t.addfile(i, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    add("var/www/html/index.php", b"<?php echo 'shop';", mtime=1710003652.5)
    add("var/www/html/uploads/img/cache.php", b"<?php exit; ?>", mode=0o600)
    add("../../etc/cron.d/evil", b"* * * * * root id")
    add("var/www/html/link", b"", kind=tarfile.SYMTYPE, link="/etc/passwd")
)");
  EXPECT_EQ(run_shell("python3 " + script + " " + tar), 0);
  return tar;
}

TEST(ArchiveView, EntriesKeepTheirStoredMetadataAndContent) {
  TempDir dir;
  std::vector<Problem> problems;
  std::string error;
  auto v = open_archive(make_tar(dir), problems, error);
  ASSERT_TRUE(v) << error;
  EXPECT_EQ(v->fs_type(), "tar");
  FileInfo f;
  ASSERT_TRUE(v->stat("/var/www/html/index.php", f, error)) << error;
  EXPECT_EQ(f.type, FileType::regular);
  EXPECT_EQ(f.mtime, 1710003652'500000000);
  EXPECT_EQ(read_all(*v, "/var/www/html/index.php"), "<?php echo 'shop';");
  ASSERT_TRUE(v->stat("/var/www/html/uploads/img/cache.php", f, error));
  EXPECT_EQ(f.mode, 0600u);
  EXPECT_EQ(read_all(*v, "/var/www/html/uploads/img/cache.php"), "<?php exit; ?>");
  ASSERT_TRUE(v->stat("/var/www/html/link", f, error));
  EXPECT_EQ(f.type, FileType::symlink);
  EXPECT_EQ(f.link_target, "/etc/passwd");
  // Folders the archive did not store are made up, so walks reach everything.
  std::vector<std::string> walked;
  v->walk(
      "/var/www", {},
      [&](const FileInfo& e) {
        walked.push_back(e.path);
        return Visit::descend;
      },
      [](const Problem&) {});
  EXPECT_EQ(walked, (std::vector<std::string>{"/var/www", "/var/www/html",
                                              "/var/www/html/index.php", "/var/www/html/link",
                                              "/var/www/html/uploads", "/var/www/html/uploads/img",
                                              "/var/www/html/uploads/img/cache.php"}));
}

TEST(ArchiveView, ClimbingNamesStayInsideAndAreReported) {
  TempDir dir;
  std::vector<Problem> problems;
  std::string error;
  auto v = open_archive(make_tar(dir), problems, error);
  ASSERT_TRUE(v) << error;
  FileInfo f;
  EXPECT_TRUE(v->stat("/etc/cron.d/evil", f, error)) << error;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "../../etc/cron.d/evil");
  EXPECT_NE(problems[0].reason.find("climbs out"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "etc"));  // nothing written from a name
}

TEST(ArchiveView, APlainFileIsNoArchive) {
  TempDir dir;
  std::vector<Problem> problems;
  std::string error;
  const std::string log = dir.write(
      "access.log", "192.0.2.1 - - [10/Mar/2024:01:00:00 +0900] \"GET / HTTP/1.1\" 200 1\n");
  EXPECT_FALSE(open_archive(log, problems, error));
  EXPECT_NE(error.find("not a readable archive"), std::string::npos) << error;
  EXPECT_TRUE(looks_like_archive_name("x/webroot.tar.gz"));
  EXPECT_TRUE(looks_like_archive_name("SITE.ZIP"));
  EXPECT_FALSE(looks_like_archive_name("access.log.2.gz"));
  EXPECT_FALSE(looks_like_archive_name(".tar"));
}

}  // namespace
}  // namespace shodo::fsview

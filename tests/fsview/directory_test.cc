#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fsview/fsview.h"

namespace fs = std::filesystem;
using namespace shodo::fsview;

namespace {

class DirectoryViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("shodo-fsview-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "www" / "uploads");
    std::ofstream(root_ / "www" / "index.php") << "<?php echo 1;";
    std::ofstream(root_ / "www" / "uploads" / "a.jpg") << "JPEG";
    fs::create_directory_symlink("/etc", root_ / "www" / "etc-link");
    ::mkfifo((root_ / "www" / "pipe").c_str(), 0600);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<std::string> walk_paths(const View& view, const std::string& from = "/") {
    std::vector<std::string> paths;
    view.walk(
        from, {},
        [&](const FileInfo& f) {
          paths.push_back(f.path);
          return Visit::descend;
        },
        [](const Problem&) {});
    return paths;
  }

  fs::path root_;
};

TEST_F(DirectoryViewTest, WalksInNameOrderWithoutFollowingSymlinks) {
  std::string error;
  auto view = open_directory(root_.string(), error);
  ASSERT_TRUE(view) << error;
  EXPECT_EQ(walk_paths(*view),
            (std::vector<std::string>{"/", "/www", "/www/etc-link", "/www/index.php", "/www/pipe",
                                      "/www/uploads", "/www/uploads/a.jpg"}));
  FileInfo link;
  ASSERT_TRUE(view->stat("/www/etc-link", link, error)) << error;
  EXPECT_EQ(link.type, FileType::symlink);
  EXPECT_EQ(link.link_target, "/etc");
  EXPECT_EQ(walk_paths(*view, "/www/etc-link"), std::vector<std::string>{"/www/etc-link"});
}

TEST_F(DirectoryViewTest, SymlinkedFoldersOnThePathAreNotFollowed) {
  std::string error;
  auto view = open_directory(root_.string(), error);
  ASSERT_TRUE(view) << error;
  FileInfo f;
  // /www/etc-link -> /etc: /www/etc-link/passwd would be the analyst's own file.
  EXPECT_FALSE(view->stat("/www/etc-link/passwd", f, error));
  EXPECT_NE(error.find("symbolic link"), std::string::npos) << error;
  f.path = "/www/etc-link/passwd";
  f.type = FileType::regular;
  EXPECT_EQ(view->open(f, error), nullptr);
}

TEST_F(DirectoryViewTest, DotDotNeverLeavesTheRoot) {
  std::string error;
  auto view = open_directory((root_ / "www").string(), error);
  ASSERT_TRUE(view) << error;
  FileInfo f;
  ASSERT_TRUE(view->stat("/../../index.php", f, error)) << error;
  EXPECT_EQ(f.path, "/index.php");
  EXPECT_EQ(f.name(), "index.php");
}

TEST_F(DirectoryViewTest, ReadsRegularFilesOnly) {
  std::string error;
  auto view = open_directory(root_.string(), error);
  ASSERT_TRUE(view) << error;
  FileInfo f;
  ASSERT_TRUE(view->stat("/www/index.php", f, error));
  EXPECT_EQ(f.size, 13u);
  EXPECT_NE(f.mtime, kNoTime);
  auto reader = view->open(f, error);
  ASSERT_TRUE(reader) << error;
  char buf[64];
  size_t n = reader->read(buf, sizeof buf);
  EXPECT_EQ(std::string(buf, n), "<?php echo 1;");
  EXPECT_EQ(reader->read(buf, sizeof buf), 0u);

  ASSERT_TRUE(view->stat("/www/pipe", f, error));
  EXPECT_EQ(f.type, FileType::fifo);
  EXPECT_EQ(view->open(f, error), nullptr);
  EXPECT_NE(error.find("fifo"), std::string::npos);
}

TEST_F(DirectoryViewTest, ReportsFoldersDeeperThanTheLimit) {
  std::string error;
  auto view = open_directory(root_.string(), error);
  ASSERT_TRUE(view) << error;
  std::vector<Problem> problems;
  WalkOptions options;
  options.max_depth = 1;
  view->walk(
      "/", options, [](const FileInfo&) { return Visit::descend; },
      [&](const Problem& p) { problems.push_back(p); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "/www");
}

TEST(OpenSource, DirectoryGivesOneView) {
  Source s = open_source(fs::temp_directory_path().string());
  EXPECT_FALSE(s.is_image);
  EXPECT_EQ(s.views.size(), 1u);
  Source missing = open_source("/nonexistent/shodo");
  EXPECT_TRUE(missing.views.empty());
  EXPECT_EQ(missing.problems.size(), 1u);
}

}  // namespace

// Several shodo processes on one case: an acquisition killed midway, and two
// acquisitions at once.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "evidence/evidence_fixture.h"

namespace {

using shodo::testing::CaseFixture;
namespace fs = std::filesystem;

pid_t spawn_acquire(const std::string& case_dir, const std::string& source, const char* stall) {
  pid_t pid = fork();
  if (pid == 0) {
    if (stall) setenv("SHODO_TEST_STALL_AFTER_CHUNKS", stall, 1);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(SHODO_BINARY, SHODO_BINARY, "acquire", "--case", case_dir.c_str(), source.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

size_t count_files(const std::string& dir) {
  size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file()) ++n;
  return n;
}

TEST(Interrupted, KilledAcquisitionLeavesNoHalfItemAndResumes) {
  CaseFixture c;
  const std::string src = c.tmp.write("e/disk.img", std::string(6 << 20, 'd'));
  pid_t pid = spawn_acquire(c.dir.root, src, "2");
  // Wait until the temp file holds the first chunks, then kill -9.
  for (int i = 0; i < 3000 && count_files(c.dir.vault() + "/tmp") == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(count_files(c.dir.vault() + "/tmp"), 1u);
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  std::vector<shodo::cases::Item> items;
  ASSERT_TRUE(c.store->items(items).ok);
  EXPECT_TRUE(items.empty());
  EXPECT_EQ(count_files(c.dir.vault()), 1u);  // only the temp file, no stored content

  auto again = shodo::testing::run_shodo("acquire --case " + c.dir.root + " " + src);
  EXPECT_EQ(again.code, 0) << again.out;
  ASSERT_TRUE(c.store->items(items).ok);
  EXPECT_EQ(items.size(), 1u);
  EXPECT_EQ(count_files(c.dir.vault() + "/tmp"), 0u);  // the stale temp file is gone
  auto twice = shodo::testing::run_shodo("acquire --case " + c.dir.root + " " + src);
  EXPECT_NE(twice.out.find("already in the case"), std::string::npos) << twice.out;
  ASSERT_TRUE(c.store->items(items).ok);
  EXPECT_EQ(items.size(), 1u);
  auto v = shodo::testing::run_shodo("verify --case " + c.dir.root);
  EXPECT_EQ(v.code, 0) << v.out;
}

TEST(Concurrent, TwoProcessesAcquiringIntoOneCase) {
  CaseFixture c;
  std::vector<pid_t> pids;
  for (int p = 0; p < 2; ++p) {
    for (int f = 0; f < 20; ++f)
      c.tmp.write("src" + std::to_string(p) + "/f" + std::to_string(f),
                  "process " + std::to_string(p) + " file " + std::to_string(f));
    pids.push_back(
        spawn_acquire(c.dir.root, (c.tmp.path() / ("src" + std::to_string(p))).string(), nullptr));
  }
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::vector<shodo::cases::Item> items;
  ASSERT_TRUE(c.store->items(items).ok);
  EXPECT_EQ(items.size(), 40u);
  auto chain = shodo::testing::run_shodo("custody verify --case " + c.dir.root);
  EXPECT_EQ(chain.code, 0) << chain.out;
  auto v = shodo::testing::run_shodo("verify --case " + c.dir.root);
  EXPECT_EQ(v.code, 0) << v.out;
}

}  // namespace

// Inputs made to exhaust the reader: compression bombs, a 10 GB sparse file,
// a 500 MB line, a million distinct client addresses. Each must end in
// bounded time and memory, be reported, and not stop the rest of the run.
// They are made here, in a temporary folder, never committed.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "fsview/fsview.h"
#include "support/sanitizers.h"
#include "support/shodo_cli.h"
#include "support/temp_dir.h"

namespace shodo::testing {
namespace {

namespace fs = std::filesystem;

using shodo::testing::kMemoryFactor;

// One request the shipped rules flag (a scanner's agent), to show that the
// files read after a hostile one still are.
const std::string kScannerLine =
    "203.0.113.66 - - [10/Mar/2024:03:00:00 +0900] \"GET /index.php?id=1 HTTP/1.1\" 200 512 "
    "\"-\" \"sqlmap/1.7\"\n";

// The largest resident size of any child this process has waited for, in
// MiB (each test runs in its own process under ctest).
struct Timed {
  CliRun run;
  double seconds;
  long peak_mib;  // of this run alone (a test binary's earlier children aside)
};
Timed timed_shodo(const std::string& args) {
  const auto start = std::chrono::steady_clock::now();
  long peak_kib = 0;
  CliRun r = run_shodo(args, &peak_kib);
  return {std::move(r),
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          peak_kib / 1024};
}

// A compression bomb made cheaply: 16 MiB of zeros compressed once, the
// member (gzip) or frame (zstd) repeated 64 times: 1 GiB expanded.
std::string make_bomb(const TempDir& dir, const std::string& tool, const std::string& name) {
  const fs::path zeros = dir.path() / "zeros";
  const fs::path member = dir.path() / "member";
  const fs::path bomb = dir.path() / "logs" / name;
  fs::create_directories(bomb.parent_path());
  EXPECT_EQ(run_shell("truncate -s 16M " + zeros.string() + " && " + tool + " -c " +
                      zeros.string() + " > " + member.string() + " && for i in $(seq 64); do cat " +
                      member.string() + "; done > " + bomb.string()),
            0);
  return bomb.string();
}

class CompressionBomb : public ::testing::TestWithParam<const char*> {};

TEST_P(CompressionBomb, StopsAtTheLimitAndTheRunGoesOn) {
  TempDir dir;
  const std::string tool = GetParam();
  const std::string bomb = make_bomb(dir, tool + " -q -1", "access.log.1." + tool);
  const std::string log = dir.write("logs/access.log", kScannerLine);
  const Timed t = timed_shodo("hunt -v --tz UTC " + bomb + " " + log);
  EXPECT_EQ(t.run.code, 3) << t.run.out;  // an input error, and the rest was read
  EXPECT_NE(t.run.out.find("compression bomb"), std::string::npos) << t.run.out;
  EXPECT_NE(t.run.out.find("sqlmap"), std::string::npos) << t.run.out;
  EXPECT_LT(t.seconds, 60.0);
  EXPECT_LT(t.peak_mib, 400 * kMemoryFactor);
}

INSTANTIATE_TEST_SUITE_P(Codecs, CompressionBomb, ::testing::Values("gzip", "zstd"));

TEST(ArchiveBomb, ContentIsCutAndSaidSo) {
  TempDir dir;
  const fs::path tree = dir.path() / "tree";
  fs::create_directories(tree);
  // GNU tar stores the zeros (bsdtar would store a sparse entry: no bomb);
  // 64 MiB against a 1 MiB floor keeps the test fast.
  ASSERT_EQ(run_shell("cd " + tree.string() + " && truncate -s 64M big.sql && echo x > small.php" +
                      " && tar --zstd -cf ../bomb.tar.zst big.sql small.php"),
            0);
  std::vector<fsview::Problem> problems;
  std::string error;
  const util::ExpansionLimit limit{200, 1u << 20};
  const auto view =
      fsview::open_archive((dir.path() / "bomb.tar.zst").string(), problems, error, limit);
  ASSERT_TRUE(view) << error;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("compression bomb"), std::string::npos) << problems[0].reason;
  fsview::FileInfo big;
  ASSERT_TRUE(view->stat("/big.sql", big, error)) << error;
  EXPECT_LT(big.size, 4u << 20);  // what was spooled before the limit
  EXPECT_FALSE(view->stat("/small.php", big, error)) << "entries after the bomb are not read";
}

TEST(SparseFile, TenGigabytesOfHoleAreNotRead) {
  TempDir dir;
  const std::string log = dir.write("logs/access.log", kScannerLine);
  const fs::path sparse = dir.path() / "logs" / "huge.log";
  ASSERT_EQ(run_shell("truncate -s 10G " + sparse.string()), 0);
  const Timed t = timed_shodo("hunt -v --tz UTC " + (dir.path() / "logs").string());
  EXPECT_EQ(t.run.code, 1) << t.run.out;  // the finding in access.log
  // No line in it: skipped as no log, its size all accounted for.
  EXPECT_NE(t.run.out.find("huge.log: format not recognized"), std::string::npos) << t.run.out;
  EXPECT_NE(t.run.out.find("10.0 GiB read"), std::string::npos) << t.run.out;
  EXPECT_LT(t.seconds, 30.0) << "the hole was read";
}

TEST(SparseFile, WebrootScanReadsABoundedPrefix) {
  TempDir dir;
  dir.write("www/index.php", "<?php echo 'shop'; ?>\n");
  dir.write("www/up/s.php", "<?php eval($_POST['x']); ?>\n");
  ASSERT_EQ(run_shell("truncate -s 10G " + (dir.path() / "www/huge.bin").string()), 0);
  const Timed t = timed_shodo("scan -q " + (dir.path() / "www").string());
  EXPECT_EQ(t.run.code, 3) << t.run.out;  // a file not read whole; the rest was scanned
  EXPECT_NE(t.run.out.find("/up/s.php"), std::string::npos) << t.run.out;  // the webshell
  EXPECT_NE(t.run.out.find("/huge.bin: larger than 16 MiB: only the start was scanned"),
            std::string::npos)
      << t.run.out;
  EXPECT_LT(t.seconds, 30.0) << "the whole file was read";
}

TEST(LongLine, FiveHundredMegabytesAreSkippedNotHeld) {
  TempDir dir;
  const fs::path path = dir.path() / "access.log";
  {
    std::ofstream out(path, std::ios::binary);
    out << kScannerLine;
    const std::string chunk(1u << 20, 'A');
    for (int i = 0; i < 500; ++i) out << chunk;
    out << "\n" << kScannerLine;
  }
  const Timed t = timed_shodo("hunt -v --tz UTC --format text " + path.string());
  fs::remove(path);
  EXPECT_EQ(t.run.code, 1) << t.run.out.substr(0, 4000);
  EXPECT_NE(t.run.out.find("line of 524288000 bytes is longer than the limit"), std::string::npos)
      << t.run.out.substr(0, 4000);
  EXPECT_NE(t.run.out.find("access.log:3"), std::string::npos) << "the line after it is read";
  EXPECT_LT(t.peak_mib, 300 * kMemoryFactor);
}

TEST(ManyClients, AMillionDistinctAddresses) {
  TempDir dir;
  const fs::path path = dir.path() / "access.log";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_TRUE(f);
    for (unsigned i = 0; i < 1000000; ++i)
      std::fprintf(f,
                   "10.%u.%u.%u - - [10/Mar/2024:03:%02u:%02u +0900] \"GET /p%u HTTP/1.1\" 404 10 "
                   "\"-\" \"Mozilla/5.0\"\n",
                   i >> 16, (i >> 8) & 255, i & 255, (i / 60) % 60, i % 60, i % 1000);
    std::fputs(kScannerLine.c_str(), f);
    std::fclose(f);
  }
  // Per-client state is bounded by --max-clients (default 1,000,000, about
  // 360 bytes each: docs/limits.md); past it addresses are not followed, and
  // the run says so and goes on.
  const Timed t =
      timed_shodo("hunt -q --tz UTC --format text --max-clients 100000 " + path.string());
  EXPECT_EQ(t.run.code, 1) << t.run.out.substr(0, 4000);
  EXPECT_NE(t.run.out.find("sqlmap"), std::string::npos);
  EXPECT_NE(t.run.out.find("limit reached: scanning, per-client floods and exfiltration (client "
                           "addresses): more than 100000 distinct keys"),
            std::string::npos)
      << t.run.out.substr(0, 4000);
  EXPECT_LT(t.peak_mib, 400 * kMemoryFactor);
}

}  // namespace
}  // namespace shodo::testing

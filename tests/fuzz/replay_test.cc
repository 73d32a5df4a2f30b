// Every fuzz target replays its seed corpus (fuzz/corpus/<target>/) and the
// inputs that once crashed it (tests/data/fuzz-regressions/<target>/), so
// the normal and the sanitizer builds keep both working. A regression case
// is the input file libFuzzer wrote, named after what it broke.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// By path: the test build's include folders stay those of the other tests.
#include "../../fuzz/targets.h"

namespace shodo::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

class Replay : public ::testing::TestWithParam<NamedTarget> {};

TEST_P(Replay, SeedsAndPastCrashesRunCleanly) {
  const NamedTarget t = GetParam();
  const auto seeds = files_in(fs::path(SHODO_TEST_DATA) / "../../fuzz/corpus" / t.name);
  EXPECT_FALSE(seeds.empty()) << "no seed corpus for " << t.name;
  // libFuzzer's first input: no bytes, at a null pointer (under UBSan a
  // memcpy from it is a report; the pii_scan harness once did that).
  EXPECT_EQ(t.run(nullptr, 0), 0);
  auto all = seeds;
  for (const auto& f : files_in(fs::path(SHODO_TEST_DATA) / "fuzz-regressions" / t.name))
    all.push_back(f);
  for (const auto& f : all) {
    SCOPED_TRACE(f.string());
    std::ifstream in(f, std::ios::binary);
    const std::string data{std::istreambuf_iterator<char>(in), {}};
    EXPECT_EQ(t.run(reinterpret_cast<const uint8_t*>(data.data()), data.size()), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Fuzz, Replay,
                         ::testing::ValuesIn(all_targets().begin(), all_targets().end()),
                         [](const auto& info) { return std::string(info.param.name); });

// The regression folders name targets that exist.
TEST(FuzzRegressions, FoldersNameTargets) {
  const fs::path root = fs::path(SHODO_TEST_DATA) / "fuzz-regressions";
  for (const auto& e : fs::directory_iterator(root)) {
    if (!e.is_directory()) continue;
    bool known = false;
    for (const NamedTarget& t : all_targets()) known |= e.path().filename() == t.name;
    EXPECT_TRUE(known) << e.path();
  }
}

}  // namespace
}  // namespace shodo::fuzz

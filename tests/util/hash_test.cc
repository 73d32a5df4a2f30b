// The value hash: distinct values give distinct hashes across every length
// and layout its code paths split on (up to 8, 9-16, 17-32, longer in lanes).
#include "util/hash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace shodo::util {
namespace {

TEST(HashBytes, RelatedValuesOfEveryLengthHashApart) {
  std::unordered_set<uint64_t> seen;
  size_t values = 0;
  const auto add = [&](const std::string& v) {
    const uint64_t h = hash_bytes(0, v);
    ASSERT_NE(h, 0u);
    ASSERT_TRUE(seen.insert(h).second) << "collision at \"" << v << "\"";
    ++values;
  };
  for (size_t len = 0; len <= 100; ++len) {
    const std::string zeros(len, '\0');
    add(zeros);
    // One byte changed at every position, and one bit flipped.
    for (size_t at = 0; at < len; ++at) {
      std::string v = zeros;
      v[at] = 'a';
      add(v);
      v[at] = '\x80';
      add(v);
    }
  }
  // Two 8-byte words swapped between lanes, and between a lane and the tail.
  std::string base(72, 'x');
  for (size_t w = 0; w < 9; ++w) base[w * 8] = static_cast<char>('0' + w);
  for (size_t i = 0; i < 9; ++i)
    for (size_t j = i + 1; j < 9; ++j) {
      std::string v = base;
      std::swap(v[i * 8], v[j * 8]);
      add(v);
    }
  EXPECT_EQ(seen.size(), values);
}

TEST(HashBytes, SeedsKeepKindsOfValuesApart) {
  for (const std::string& v :
       std::vector<std::string>{"", "a", "203.0.113.7", "/index.php?id=1", std::string(40, 'u')})
    EXPECT_NE(hash_bytes(0, v), hash_bytes(1, v)) << v;
}

TEST(TableSeed, IsTheSameForTheWholeProcessAndApartByDomain) {
  EXPECT_EQ(table_seed(2), table_seed(2));
  EXPECT_NE(table_seed(1), table_seed(2));
  EXPECT_NE(hash_bytes(table_seed(1), "/a"), hash_bytes(table_seed(2), "/a"));
}

TEST(TableSeed, ValuesWrittenToShareASlotDoNotShareOneUnderIt) {
  // What a log's author can do with a seed they know: pick paths that all
  // land in slot 0 of a 4,096-slot table.
  constexpr uint64_t kKnownSeed = 2, kMask = 4095;
  std::vector<std::string> crafted;
  for (uint64_t n = 0; crafted.size() < 256; ++n) {
    const std::string path = "/item/" + std::to_string(n);
    if ((hash_bytes(kKnownSeed, path) & kMask) == 0) crafted.push_back(path);
  }
  // Under the process's random seed they spread like any other values
  // (256 values in 4,096 slots: a slot holding 7 of them happens about
  // once in 10^8 runs).
  std::vector<int> per_slot(kMask + 1);
  int most = 0;
  for (const std::string& path : crafted)
    most = std::max(most, ++per_slot[hash_bytes(table_seed(2), path) & kMask]);
  EXPECT_LE(most, 6);
}

}  // namespace
}  // namespace shodo::util

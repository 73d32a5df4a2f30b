// The value hash: distinct values give distinct hashes across every length
// and layout its code paths split on (up to 8, 9-16, 17-32, longer in lanes).
#include "util/hash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "util/related_values.h"

namespace shodo::util {
namespace {

TEST(HashBytes, RelatedValuesOfEveryLengthHashApart) {
  // 8-byte words: swapped between lanes, and between a lane and the tail.
  expect_related_values_hash_apart([](const std::string& v) { return hash_bytes(0, v); }, 8, 9);
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

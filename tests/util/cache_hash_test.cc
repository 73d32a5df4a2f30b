// The cache hash: distinct values hash apart across every length and layout
// its code splits on (up to 16, 17-32, longer in two lanes with an
// overlapping tail), it never reads past a value, and the key matters.
#include "util/cache_hash.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "util/related_values.h"

namespace shodo::util {
namespace {

// The value in a buffer of exactly its size: a read past it is an error
// under the address sanitizer.
uint64_t hash_exact(const CacheHashKey& key, const std::string& v) {
  const auto bytes = std::make_unique<char[]>(v.size());
  std::copy(v.begin(), v.end(), bytes.get());
  return cache_hash(key, {bytes.get(), v.size()});
}

TEST(CacheHash, RelatedValuesOfEveryLengthHashApart) {
  // 16-byte blocks: swapped between the two lanes and with the tail. Each
  // value in a buffer of exactly its size, which catches a read past it.
  const CacheHashKey key = cache_hash_key(1);
  expect_related_values_hash_apart([&](const std::string& v) { return hash_exact(key, v); }, 16, 7);
}

TEST(CacheHash, TheKeyDecides) {
  const CacheHashKey a = cache_hash_key(1), b = cache_hash_key(2);
  for (const std::string& v : {std::string(), std::string("/"), std::string("203.0.113.7"),
                               std::string("/index.php?id=1"), std::string(90, 'u')})
    EXPECT_NE(cache_hash(a, v), cache_hash(b, v)) << v;
  EXPECT_EQ(cache_hash<5>("/a"), cache_hash<5>("/a"));
}

TEST(CacheHash, SpreadsOverSlots) {
  // 4,096 paths into 4,096 slots: a random spread leaves about 1/e of the
  // slots empty; a weak mix of short values leaves far more.
  const CacheHashKey key = cache_hash_key(3);
  std::vector<int> used(4096);
  for (int i = 0; i < 4096; ++i) used[cache_hash(key, "/item/" + std::to_string(i)) & 4095] = 1;
  int empty = 0;
  for (int u : used) empty += u == 0;
  EXPECT_LT(empty, 1700);  // 1/e of 4,096 is 1,507
}

}  // namespace
}  // namespace shodo::util

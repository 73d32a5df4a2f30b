// The cache hash: distinct values hash apart across every length and layout
// its code splits on (up to 16, 17-32, longer in two lanes with an
// overlapping tail), it never reads past a value, and the key matters.
#include "util/cache_hash.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <utility>

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
  const CacheHashKey key = cache_hash_key(1);
  std::unordered_set<uint64_t> seen;
  size_t values = 0;
  const auto add = [&](const std::string& v) {
    const uint64_t h = hash_exact(key, v);
    ASSERT_NE(h, 0u);
    ASSERT_TRUE(seen.insert(h).second) << "collision at length " << v.size();
    ++values;
  };
  for (size_t len = 0; len <= 100; ++len) {
    const std::string zeros(len, '\0');
    add(zeros);
    for (size_t at = 0; at < len; ++at) {
      std::string v = zeros;
      v[at] = 'a';
      add(v);
      v[at] = '\x80';
      add(v);
    }
  }
  // 16-byte blocks swapped between the two lanes and with the tail.
  std::string base(112, 'x');
  for (size_t b = 0; b < 7; ++b) base[b * 16] = static_cast<char>('0' + b);
  for (size_t i = 0; i < 7; ++i)
    for (size_t j = i + 1; j < 7; ++j) {
      std::string v = base;
      std::swap(v[i * 16], v[j * 16]);
      add(v);
    }
  EXPECT_EQ(seen.size(), values);
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

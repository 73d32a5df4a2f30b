// What a hash of byte strings must keep apart across the layouts its code
// splits on: values of every length up to 100 that differ from all zeros in
// one byte (two ways), and words of a longer value swapped between places.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>
#include <utility>

namespace shodo::util {

// `hash(value)` for every such value: never 0 and never the same twice.
// `word` and `words` shape the swapped values (a lane's load size and count).
template <typename Hash>
void expect_related_values_hash_apart(Hash hash, size_t word, size_t words) {
  std::unordered_set<uint64_t> seen;
  size_t values = 0;
  const auto add = [&](const std::string& v) {
    const uint64_t h = hash(v);
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
  std::string base(word * words, 'x');
  for (size_t w = 0; w < words; ++w) base[w * word] = static_cast<char>('0' + w);
  for (size_t i = 0; i < words; ++i)
    for (size_t j = i + 1; j < words; ++j) {
      std::string v = base;
      std::swap(v[i * word], v[j * word]);
      add(v);
    }
  EXPECT_EQ(seen.size(), values);
}

}  // namespace shodo::util

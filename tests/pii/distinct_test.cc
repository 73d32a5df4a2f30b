// The keys and sets the distinct counts and the person count rest on.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "pii/hash_set.h"
#include "pii/persons.h"

namespace shodo::pii {
namespace {

TEST(ValueKey, EveryByteAndTheLengthCount) {
  // Strings of 0 to 40 bytes, each also with one byte changed and with a
  // NUL added: a key that skipped a byte or the length would repeat.
  std::set<std::string> strings;
  for (size_t n = 0; n <= 40; ++n) {
    std::string s(n, 'a');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
    strings.insert(s);
    strings.insert(s + '\0');
    for (size_t i = 0; i < n; ++i) {
      std::string t = s;
      t[i] = static_cast<char>(t[i] ^ 0x80);
      strings.insert(t);
    }
  }
  std::set<uint64_t> keys;
  for (const std::string& s : strings) {
    const uint64_t k = value_key(1, s);
    EXPECT_NE(k, 0u);
    keys.insert(k);
  }
  EXPECT_EQ(keys.size(), strings.size());
  // Numbers of 1 to 7 digits: values of other lengths must not meet.
  std::vector<uint64_t> numbers;
  for (uint32_t k = 0; k < 2000000; ++k) numbers.push_back(value_key(3, std::to_string(k)));
  std::sort(numbers.begin(), numbers.end());
  EXPECT_EQ(std::unique(numbers.begin(), numbers.end()), numbers.end());
  // The same value of another kind is another key.
  EXPECT_NE(value_key(1, "0312345678"), value_key(2, "0312345678"));
}

TEST(HashSet64, CountsDistinctKeysAcrossGrowth) {
  HashSet64 set;
  for (uint64_t k = 1; k <= 100000; ++k) set.add(value_key(3, std::to_string(k % 60000)));
  EXPECT_EQ(set.size(), 60000u);
  EXPECT_FALSE(set.insert(value_key(3, "59999")));
  EXPECT_TRUE(set.insert(value_key(3, "60000")));
  size_t seen = 0;
  set.for_each([&](uint64_t) { ++seen; });
  EXPECT_EQ(seen, 60001u);
}

TEST(PersonIndex, RowsSharingAKeyAreOnePersonTransitively) {
  PersonIndex index;
  // {1,2} {3} {2,4} {5,6} {6,3} {7}: 1-2-4, 3-5-6, 7 → three persons.
  std::vector<uint64_t> rows = {1, 2, 0, 3, 0, 2, 4, 0, 5, 6, 0, 6, 3, 0, 7, 0};
  index.add_rows(rows);
  EXPECT_EQ(index.persons(), 3u);
  // Many rows in one batch, past several table growths: row r holds keys
  // 10r+1 and 10(r-1)+1, so all rows chain into one person.
  std::vector<uint64_t> chain;
  for (uint64_t r = 1000; r < 200000; ++r) {
    chain.insert(chain.end(), {10 * r + 1, 10 * (r - 1) + 1, 0});
  }
  index.add_rows(chain);
  EXPECT_EQ(index.persons(), 4u);
}

}  // namespace
}  // namespace shodo::pii

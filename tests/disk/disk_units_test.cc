// The disk component's pieces that need no image: safe names and the
// bounded-memory sort behind sorted timelines.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "disk/external_sort.h"
#include "disk/safe_name.h"

using shodo::disk::ExternalSorter;
using shodo::disk::safe_name;

TEST(SafeName, NeverNamesAnotherFolderOrHidesBytes) {
  EXPECT_EQ(safe_name("index.php"), "index.php");
  EXPECT_EQ(safe_name(".."), "%2E%2E");
  EXPECT_EQ(safe_name("."), "%2E");
  EXPECT_EQ(safe_name(""), "%");
  EXPECT_EQ(safe_name("../etc"), "..%2Fetc");
  EXPECT_EQ(safe_name("a\nb"), "a%0Ab");
  EXPECT_EQ(safe_name("\x1b[31m"), "%1B[31m");
  EXPECT_EQ(safe_name("bad\xff\xfe"), "bad%FF%FE");
  EXPECT_EQ(safe_name("c1\xc2\x85"), "c1%C2%85");
  EXPECT_EQ(safe_name("50%"), "50%25");  // '%' itself, so decoding is unambiguous
  EXPECT_EQ(safe_name("back\\slash"), "back%5Cslash");
  EXPECT_EQ(safe_name("日本語.txt"), "日本語.txt");
  const std::string a = safe_name(std::string(300, 'a') + "1");
  const std::string b = safe_name(std::string(300, 'a') + "2");
  EXPECT_LE(a.size(), 200u);
  EXPECT_NE(a, b);
}

TEST(ExternalSorter, MergesSpilledRunsInOrderAndKeepsTiesInInputOrder) {
  ExternalSorter sorter(256);  // a few rows per run: many runs
  std::mt19937 rng(7);
  std::vector<std::pair<int64_t, std::string>> rows;
  for (int i = 0; i < 2000; ++i) {
    const int64_t key = static_cast<int64_t>(rng() % 100) - 50;
    rows.emplace_back(key, std::to_string(key) + "#" + std::to_string(i) + "\n");
    ASSERT_TRUE(sorter.add(key, rows.back().second)) << sorter.error();
  }
  std::string out;
  ASSERT_TRUE(sorter.finish([&](std::string_view s) { out += s; })) << sorter.error();
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string expected;
  for (const auto& [key, text] : rows) expected += text;
  EXPECT_EQ(out, expected);
}

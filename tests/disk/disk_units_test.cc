// The disk component's pieces that need no image: safe names and the
// bounded-memory sort behind sorted timelines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "disk/safe_name.h"

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


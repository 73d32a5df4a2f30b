#include "detect/engine/rare_bytes.h"

#include <gtest/gtest.h>

namespace shodo::detect::engine {
namespace {

TEST(RareBytes, LogPunctuationIsNotRare) {
  const std::string line =
      "203.0.113.9 - - [10/Oct/2026:13:55:36 +0900] \"GET /a/b.php?q=x&y=1%20z HTTP/1.1\" 200 "
      "512 \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101\"\t";
  for (char c : line) EXPECT_FALSE(rare_in_logs(static_cast<unsigned char>(c))) << c;
  for (char c : std::string_view("{$#@`|<>\\\x01\x7f"))
    EXPECT_TRUE(rare_in_logs(static_cast<unsigned char>(c))) << c;
  EXPECT_FALSE(rare_in_logs(0xe3));  // UTF-8
}

TEST(RareBytes, AFewBytesCoverEveryLiteral) {
  EXPECT_EQ(rare_byte_cover({"${jndi:", "${${", "() {", "#_memberaccess", "@ognl"}, 4), "${#@");
  EXPECT_EQ(rare_byte_cover({"() {", "${jndi:", "%{(#", "#_memberaccess", "@ognl"}, 4), "{#@");
  EXPECT_EQ(rare_byte_cover({"() {", "(){"}, 1), "{");
  EXPECT_EQ(rare_byte_cover({}, 4), "");
}

TEST(RareBytes, NoCoverWhenALiteralHasNoRareByte) {
  EXPECT_EQ(rare_byte_cover({"${jndi:", "jndi:ldap"}, 4), "");
  EXPECT_EQ(rare_byte_cover({"{", "$", "#", "@", "`"}, 4), "");  // five needed
}

}  // namespace
}  // namespace shodo::detect::engine

#include "detect/decode/http_decode.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace shodo::detect::decode {
namespace {

// The normalized form, or "(unchanged)" when decode_request says nothing changed.
std::string norm(std::string_view in) {
  std::string out;
  return decode_request(in, out) ? out : "(unchanged)";
}

TEST(DecodeRequest, PlainTextIsUnchangedAndUntouched) {
  std::string out = "sentinel";
  EXPECT_FALSE(decode_request("/products/shoes?id=42&sort=price", out));
  EXPECT_EQ(out, "sentinel");
  EXPECT_FALSE(decode_request("", out));
  EXPECT_FALSE(decode_request("a=1&b=2&lt=5&amplifier=3", out));  // '&' that is no reference
  EXPECT_FALSE(decode_request("100%zz and 50% off \\d C:\\path", out));
  EXPECT_FALSE(decode_request("抹茶 セール", out));  // UTF-8 text is not overlong
  EXPECT_EQ(out, "sentinel");
}

TEST(DecodeRequest, PercentDecodingRepeatsUntilStable) {
  EXPECT_EQ(norm("id=1%27%20UNION%20SELECT"), "id=1' UNION SELECT");
  EXPECT_EQ(norm("%252e%252e%252f"), "../");        // double
  EXPECT_EQ(norm("%25252e%25252e%25252f"), "../");  // triple
  EXPECT_EQ(norm("%2525252e"), "%2e");              // a fourth level stays
  EXPECT_EQ(norm("%zz%2"), "(unchanged)");
  EXPECT_EQ(norm("50%%20off%"), "50% off%");
  EXPECT_EQ(norm("a%00b"), std::string("a\0b", 3));
  EXPECT_EQ(norm("%E6%8A%B9%E8%8C%B6"), "抹茶");
}

TEST(DecodeRequest, PlusIsSpaceOnlyAsWritten) {
  EXPECT_EQ(norm("q=red+dress"), "q=red dress");
  EXPECT_EQ(norm("q=1%2B1"), "q=1+1");
  EXPECT_EQ(norm("q=1%252B1"), "q=1+1");
}

TEST(DecodeRequest, IisUnicodeEscapes) {
  EXPECT_EQ(norm("%u003cscript%u003E"), "<script>");
  EXPECT_EQ(norm("%u2215"), "\xe2\x88\x95");
  EXPECT_EQ(norm("%uD83D%uDE00"), "\xf0\x9f\x98\x80");
  EXPECT_EQ(norm("%uD83D"), "(unchanged)");  // lone surrogate kept literally
  EXPECT_EQ(norm("%u00zz"), "(unchanged)");
}

TEST(DecodeRequest, FullwidthFormsOfAsciiBecomeAscii) {
  EXPECT_EQ(norm("1%EF%BC%87%20or%201=1"), "1' or 1=1");  // U+FF07
  EXPECT_EQ(norm("%uFF1Cscript%uff1E"), "<script>");      // U+FF1C, U+FF1E
  EXPECT_EQ(norm("\xef\xbc\x8e\xef\xbc\x8e/"), "../");    // raw U+FF0E
  EXPECT_EQ(norm("%EF%BD%9E%EF%BC%81"), "~!");            // the block's two ends
  EXPECT_EQ(norm("%25EF%25BC%25BC"), "\\");               // double-encoded U+FF3C
  // Neighbours of the block are characters of their own.
  EXPECT_EQ(norm("%EF%BC%80"), "\xef\xbc\x80");                // U+FF00 (unassigned)
  EXPECT_EQ(norm("%EF%BD%9F"), "\xef\xbd\x9f");                // U+FF5F
  EXPECT_EQ(norm("%EF%BD%B1"), "\xef\xbd\xb1");                // halfwidth katakana
  EXPECT_EQ(norm("\xef\xbd\xb1\xef\xbe\x9d"), "(unchanged)");  // raw halfwidth katakana
  EXPECT_EQ(norm("%uFF00"), "\xef\xbc\x80");
}

TEST(DecodeRequest, OverlongUtf8OfAsciiBecomesAscii) {
  EXPECT_EQ(norm("%c0%ae%c0%ae%c0%af"), "../");
  EXPECT_EQ(norm("%C1%9C"), "\\");
  EXPECT_EQ(norm("%e0%80%af"), "/");
  EXPECT_EQ(norm("%f0%80%80%af"), "/");
  EXPECT_EQ(norm("\xc0\xaf\xe0\x80\xae"), "/.");
  EXPECT_EQ(norm("%25c0%25af"), "/");            // double-encoded overlong
  EXPECT_EQ(norm("%e0%a4%85"), "\xe0\xa4\x85");  // a real character (अ)
  EXPECT_EQ(norm("\xc0"), "(unchanged)");
}

TEST(DecodeRequest, HtmlCharacterReferences) {
  EXPECT_EQ(norm("&lt;svg onload=alert(1)&gt;"), "<svg onload=alert(1)>");
  EXPECT_EQ(norm("&LT;a&quot;b&apos;c&amp;d"), "<a\"b'c&d");
  EXPECT_EQ(norm("&lt script"), "< script");
  EXPECT_EQ(norm("&#60;&#x3c;&#X3C;&#0000060;&#x0003c"), "<<<<<");
  EXPECT_EQ(norm("&#106&#97&#118&#97"), "java");
  EXPECT_EQ(norm("&#12354;"), "あ");
  EXPECT_EQ(norm("&amp;lt;"), "<");  // nested
  EXPECT_EQ(norm("&#;&#x;&#99999999999;&#xD800;"), "(unchanged)");
  EXPECT_EQ(norm("AT&T&lt=3"), "(unchanged)");
}

TEST(DecodeRequest, BackslashEscapes) {
  EXPECT_EQ(norm("\\x3cscript\\x3e"), "<script>");
  EXPECT_EQ(norm("\\u003cimg\\u003E"), "<img>");
  EXPECT_EQ(norm("<\\/script>"), "</script>");
  EXPECT_EQ(norm("\\ud83d\\ude00"), "\xf0\x9f\x98\x80");
  EXPECT_EQ(norm("%5Cx3c"), "<");
  EXPECT_EQ(norm("..\\..\\windows\\win.ini"), "(unchanged)");
}

TEST(DecodeRequest, MixedLayers) {
  EXPECT_EQ(norm("%26lt%3Bscript%26gt%3B"), "<script>");
  EXPECT_EQ(norm("%5Cu0027%20or%201=1"), "' or 1=1");
  EXPECT_EQ(norm("${%6Andi:ldap://x}"), "${jndi:ldap://x}");
}

TEST(DecodeRequest, OutputIsReusedBuffer) {
  std::string out;
  ASSERT_TRUE(decode_request("%41%42", out));
  EXPECT_EQ(out, "AB");
  ASSERT_TRUE(decode_request("x+y", out));
  EXPECT_EQ(out, "x y");
}

// Random bytes biased towards escape introducers: never crashes, never
// grows, and decoding is a pure function of the input.
TEST(DecodeRequest, RandomInputIsBoundedAndDeterministic) {
  std::mt19937_64 rng(20260312);
  const std::string alphabet =
      "%%%&&#;\\\\+uUxX0123456789abcdefABCDEFltgqmp\xc0\xc1\xe0\xf0\x80\xaf\xbf";
  std::string in, out, again;
  for (int round = 0; round < 20000; ++round) {
    in.resize(rng() % 64);
    for (char& c : in) {
      c = rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    const bool changed = decode_request(in, out);
    if (!changed) continue;
    EXPECT_LE(out.size(), in.size());
    ASSERT_TRUE(decode_request(in, again));
    EXPECT_EQ(out, again);
  }
}

// A sequence is found wherever it sits in a long text (the search for one
// goes 16 bytes a step), and a lone '&' or '-' is none.
TEST(DecodeRequest, FindsASequenceAnywhereInALongText) {
  const std::string plain(40, 'q');
  std::string out;
  for (size_t at = 0; at < plain.size(); ++at)
    for (std::string_view seq : {"%41", "+", "&lt;", "\\x41", "\xc0\xaf"}) {
      std::string text = plain;
      text.replace(at, seq.size(), seq);
      EXPECT_TRUE(decode_request(text, out)) << text;
      text = plain;
      text[at] = seq[0] == '+' ? '-' : '&';
      EXPECT_FALSE(decode_request(text, out)) << text;
    }
  // UTF-8 text is high bytes throughout, none of them a sequence.
  const std::string japanese = "/検索?q=日本語のテキストと長い説明文";
  EXPECT_FALSE(decode_request(japanese, out));
  ASSERT_TRUE(decode_request(japanese + "%41", out));
  EXPECT_EQ(out, japanese + "A");
  ASSERT_TRUE(decode_request(japanese + "\xc0\xaf", out));  // an overlong '/' after it
  EXPECT_EQ(out, japanese + "/");
}

TEST(DecodeRequest, LongInputIsLinear) {
  std::string in;
  for (int i = 0; i < 100000; ++i) in += "%25%u0025&amp;\\x25";
  std::string out;
  ASSERT_TRUE(decode_request(in, out));
  EXPECT_LE(out.size(), in.size());
}

}  // namespace
}  // namespace shodo::detect::decode

#include "util/escape.h"

#include <gtest/gtest.h>

namespace shodo::util {
namespace {

TEST(EscapeTerminal, ControlsAndEscapeSequencesAreShownNotActedOn) {
  EXPECT_EQ(escape_terminal("ok"), "ok");
  EXPECT_EQ(escape_terminal("\x1b[2J\x1b]0;pwned\x07"), "\\e[2J\\e]0;pwned\\x07");
  EXPECT_EQ(escape_terminal("a\rb\nc\td"), "a\\rb\\nc\\td");
  EXPECT_EQ(escape_terminal(std::string("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(escape_terminal("\x7f"), "\\x7f");
  // C1 control CSI (U+009B) encoded in UTF-8.
  EXPECT_EQ(escape_terminal("\xc2\x9b"
                            "31m"),
            "\\xc2\\x9b31m");
  EXPECT_EQ(escape_terminal("back\\slash"), "back\\\\slash");
}

TEST(EscapeTerminal, ValidUtf8PassesInvalidBytesAreHex) {
  EXPECT_EQ(escape_terminal("抹茶 café"), "抹茶 café");
  EXPECT_EQ(escape_terminal("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(escape_terminal("\xc0\xaf"), "\\xc0\\xaf");           // overlong '/'
  EXPECT_EQ(escape_terminal("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // surrogate
  EXPECT_EQ(escape_terminal("\xe6\x8a"), "\\xe6\\x8a");           // cut short
}

TEST(JsonString, AlwaysValidUtf8WithRawBytesRecoverable) {
  std::string out;
  append_json_string(out, "a\"b\\c\n\x01 抹茶 \xff");
  EXPECT_EQ(out, "a\\\"b\\\\c\\n\\u0001 抹茶 \\udcff");
}

TEST(CsvCell, FormulaInjectionIsNeutralized) {
  auto cell = [](std::string_view s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
  };
  EXPECT_EQ(cell("plain"), "plain");
  EXPECT_EQ(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(cell("+1"), "\"'+1\"");
  EXPECT_EQ(cell("-2"), "\"'-2\"");
  EXPECT_EQ(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(cell("\tx"), "\"'\\tx\"");
  EXPECT_EQ(cell("a,b"), "\"a,b\"");
  EXPECT_EQ(cell("line\nbreak"), "line\\nbreak");
  EXPECT_EQ(cell("\x1b]0;pwned\x07"), "\\e]0;pwned\\x07");
  EXPECT_EQ(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace
}  // namespace shodo::util

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
  out.clear();
  append_json_string(out,
                     "\xc2\x9b"
                     "31m\xc2\xa0");  // C1 CSI escaped, NBSP kept
  EXPECT_EQ(out, "\\u009b31m\xc2\xa0");
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

TEST(CsvCell, EveryFormulaStartAndQuotingCase) {
  auto cell = [](std::string_view s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
  };
  // The classic DDE payload: neutralized, its quote doubled, still one cell.
  EXPECT_EQ(cell("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
  EXPECT_EQ(cell("\r=1"), "\"'\\r=1\"");
  // Full-width forms, which Japanese spreadsheets also take as formulas.
  EXPECT_EQ(cell("\xef\xbc\x9dSUM(A1)"), "\"'\xef\xbc\x9dSUM(A1)\"");
  EXPECT_EQ(cell("\xef\xbc\xa0x"), "\"'\xef\xbc\xa0x\"");
  EXPECT_EQ(cell(" =1"), " =1");  // not at the start: text for every spreadsheet
  EXPECT_EQ(cell(""), "");
  EXPECT_EQ(cell("\""), "\"\"\"\"");
  // A raw newline never reaches the file, so every row is one line.
  EXPECT_EQ(cell("a\r\nb,c"), "\"a\\r\\nb,c\"");
  EXPECT_EQ(cell("\xff"), "\\xff");
}

TEST(Html, TextAndAttributeContexts) {
  auto html = [](std::string_view s) {
    std::string out;
    append_html(out, s);
    return out;
  };
  EXPECT_EQ(html("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  EXPECT_EQ(html("\" onmouseover=\"x"), "&quot; onmouseover=&quot;x");
  EXPECT_EQ(html("a&amp;b"), "a&amp;amp;b");
  EXPECT_EQ(html("\x1b[31m\xff\n抹茶"), "\\e[31m\\xff\\n抹茶");
}

TEST(Html, ScriptDataIslandCannotCloseTheElement) {
  auto island = [](std::string_view s) {
    std::string out;
    append_script_json_string(out, s);
    return out;
  };
  EXPECT_EQ(island("</script><script>alert(1)</script>"),
            "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
  EXPECT_EQ(island("<!--"), "\\u003c!--");
  EXPECT_EQ(island("a&b\"\\"), "a\\u0026b\\\"\\\\");
  EXPECT_EQ(island("\xe2\x80\xa8\xe2\x80\xa9"), "\\u2028\\u2029");
  EXPECT_EQ(island("\xff"), "\\udcff");
}

TEST(Html, SafeUrlKeepsWebLinksOnly) {
  for (std::string_view ok :
       {"http://example.com/a?b#c", "HTTPS://x", "mailto:a@example.com", "/relative/path",
        "page.html", "?q=1", "#top", "a b", "", "java\0script:alert(1)"})
    EXPECT_EQ(safe_url(ok), ok) << ok;
  for (std::string_view bad : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
                               "\x01javascript:x", "java\tscript:x", "jav\r\nascript:x",
                               "data:text/html,<script>", "vbscript:msgbox", "file:///etc/passwd"})
    EXPECT_EQ(safe_url(bad), kUnsafeUrl) << bad;
}

}  // namespace
}  // namespace shodo::util

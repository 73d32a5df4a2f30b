#include "report/text_format.h"

#include <gtest/gtest.h>

#include "report/hunt_fixture.h"

namespace shodo::report {
namespace {

using testing::utc;

TEST(FindingsTextFormat, LocalTimeInTheEventsOwnOffset) {
  EXPECT_EQ(local_time_or_dash(utc(2024, 3, 9, 16, 33, 5), 9 * 3600), "2024-03-10T01:33:05+09:00");
  EXPECT_EQ(local_time_or_dash(utc(2024, 3, 9, 1, 0, 0, 250000), -(5 * 3600 + 30 * 60)),
            "2024-03-08T19:30:00.250-05:30");
  EXPECT_EQ(local_time_or_dash(utc(2024, 3, 9, 1, 0, 0, 1), 0), "2024-03-09T01:00:00.000001+00:00");
  EXPECT_EQ(local_time_or_dash(ingest::kNoTime, 0), "-");
}

TEST(FindingsTextFormat, TruncatesByCharactersAndEscapes) {
  EXPECT_EQ(escape_truncated("abcdef", 3), "abc...");
  EXPECT_EQ(escape_truncated("abc", 3), "abc");
  EXPECT_EQ(escape_truncated("抹茶ラテ", 2), "抹茶...");
  // An escape is never cut in half; an invalid byte counts as one character.
  EXPECT_EQ(escape_truncated("\x1b[2J", 1), "\\e...");
  EXPECT_EQ(escape_truncated("\xff\xfe!", 2), "\\xff\\xfe...");
}

TEST(FindingsTextFormat, WidthsAndPadding) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("成功"), 4u);
  EXPECT_EQ(display_width("café"), 4u);
  EXPECT_EQ(pad_right("成功", 6), "成功  ");
  EXPECT_EQ(pad_left("12", 4), "  12");
  EXPECT_EQ(pad_right("toolong", 3), "toolong");
  EXPECT_EQ(grouped(1234567), "1,234,567");
}

}  // namespace
}  // namespace shodo::report

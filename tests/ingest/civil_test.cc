#include "ingest/time/civil.h"

#include <gtest/gtest.h>

#include "ingest/time/zone.h"

namespace shodo::ingest {
namespace {

TEST(Civil, DaysFromCivil) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
}

TEST(Civil, ClfTimeWithOffset) {
  CivilTime t;
  size_t n = 0;
  ASSERT_TRUE(parse_clf_time("10/Oct/2000:13:55:36 -0700]", t, n));
  EXPECT_EQ(n, 26u);
  EXPECT_EQ(t.year, 2000);
  EXPECT_EQ(t.month, 10);
  EXPECT_EQ(t.day, 10);
  EXPECT_EQ(t.hour, 13);
  ASSERT_TRUE(t.utc_offset_s.has_value());
  EXPECT_EQ(*t.utc_offset_s, -7 * 3600);
}

TEST(Civil, RejectsImpossibleDates) {
  CivilTime t;
  size_t n = 0;
  EXPECT_FALSE(parse_clf_time("31/Feb/2000:13:55:36 -0700", t, n));
  EXPECT_FALSE(parse_clf_time("29/Feb/2023:13:55:36 +0000", t, n));
  EXPECT_TRUE(parse_clf_time("29/Feb/2024:13:55:36 +0000", t, n));
  EXPECT_FALSE(parse_iso8601("2024-13-01T00:00:00Z", t, n));
  EXPECT_FALSE(parse_clf_time("10/Xyz/2000:13:55:36 -0700", t, n));
}

TEST(Civil, Iso8601Forms) {
  CivilTime t;
  size_t n = 0;
  ASSERT_TRUE(parse_iso8601("2024-01-02T03:04:05.123456+09:00 rest", t, n));
  EXPECT_EQ(t.micros, 123456);
  EXPECT_EQ(*t.utc_offset_s, 9 * 3600);
  EXPECT_EQ(n, 32u);
  ASSERT_TRUE(parse_iso8601("2024-01-02 03:04:05Z", t, n));
  EXPECT_EQ(*t.utc_offset_s, 0);
  ASSERT_TRUE(parse_iso8601("2024-01-02T03:04:05.5", t, n));
  EXPECT_EQ(t.micros, 500000);
  EXPECT_FALSE(t.utc_offset_s.has_value());
}

TEST(Civil, SyslogAndOthers) {
  CivilTime t;
  size_t n = 0;
  ASSERT_TRUE(parse_syslog_time("Jan  5 22:14:15 host", t, n));
  EXPECT_EQ(t.day, 5);
  EXPECT_EQ(n, 15u);
  ASSERT_TRUE(parse_ctime("Wed Oct 11 14:32:52.123456 2000]", t, n));
  EXPECT_EQ(t.year, 2000);
  EXPECT_EQ(t.micros, 123456);
  ASSERT_TRUE(parse_slash_datetime("2024/01/02 03:04:05 [error]", t, n));
  ASSERT_TRUE(parse_dmy_dash_time("02-Jan-2024 03:04:05]", t, n));
  TimeUs us = 0;
  ASSERT_TRUE(parse_epoch("1700000000.25", us, n));
  EXPECT_EQ(us, 1700000000250000);
  int64_t v = 0;
  ASSERT_TRUE(parse_decimal_scaled("0.25", 6, v));
  EXPECT_EQ(v, 250000);
  EXPECT_FALSE(parse_decimal_scaled("1.2.3", 6, v));
  EXPECT_FALSE(parse_decimal_scaled("999999999999999.5", 6, v));  // would overflow int64
  ASSERT_TRUE(parse_decimal_scaled("9000000000000", 6, v));
  EXPECT_EQ(v, 9000000000000000000LL);
}

TEST(Zone, DstGapAndOverlapInNewYork) {
  std::string err;
  auto ny = Zone::locate("America/New_York", err);
  ASSERT_TRUE(ny) << err;
  ZoneCache cache(ny.get());
  Event ev;
  CivilTime t{2024, 3, 10, 2, 30, 0, 0, std::nullopt};  // does not exist
  cache.apply(t, ev);
  EXPECT_EQ(ev.utc_offset_s, -5 * 3600);  // read with the offset before the gap
  EXPECT_TRUE(ev.offset_assumed);
  CivilTime amb{2024, 11, 3, 1, 30, 0, 0, std::nullopt};  // happens twice
  cache.apply(amb, ev);
  EXPECT_EQ(ev.utc_offset_s, -4 * 3600);  // the earlier instant (EDT)
  CivilTime winter{2024, 1, 15, 12, 0, 0, 0, std::nullopt};
  cache.apply(winter, ev);
  EXPECT_EQ(ev.utc_offset_s, -5 * 3600);
  CivilTime summer{2024, 7, 15, 12, 0, 0, 0, std::nullopt};
  cache.apply(summer, ev);
  EXPECT_EQ(ev.utc_offset_s, -4 * 3600);
  EXPECT_EQ(ev.time, (days_from_civil(2024, 7, 15) * 86400 + 16 * 3600) * 1000000LL);
}

TEST(Zone, FixedOffsetsAndUnknownNames) {
  std::string err;
  auto z = Zone::locate("+09:00", err);
  ASSERT_TRUE(z);
  Event ev;
  ZoneCache cache(z.get());
  cache.apply(CivilTime{2024, 1, 1, 9, 0, 0, 0, std::nullopt}, ev);
  EXPECT_EQ(ev.time, days_from_civil(2024, 1, 1) * 86400 * 1000000LL);
  EXPECT_FALSE(Zone::locate("Mars/Olympus", err));
  EXPECT_NE(err.find("Mars/Olympus"), std::string::npos);
}

TEST(Zone, OwnOffsetWins) {
  std::string err;
  auto tokyo = Zone::locate("Asia/Tokyo", err);
  ZoneCache cache(tokyo.get());
  Event ev;
  cache.apply(CivilTime{2024, 1, 1, 0, 0, 0, 0, 0}, ev);
  EXPECT_EQ(ev.utc_offset_s, 0);
  EXPECT_FALSE(ev.offset_assumed);
}

}  // namespace
}  // namespace shodo::ingest

// Calendar arithmetic and the timestamp shapes logs use, parsed without
// allocation (hot path: every event goes through here).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "ingest/event.h"

namespace shodo::ingest {

// A wall-clock reading as written in a log, before any zone is applied.
struct CivilTime {
  int year = 0, month = 0, day = 0;  // month 1-12
  int hour = 0, minute = 0, second = 0;
  int32_t micros = 0;
  // Offset east of UTC in seconds when the text carried one ("+0900", "Z").
  std::optional<int32_t> utc_offset_s;
};

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t days_from_civil(int y, int m, int d);
// The proleptic Gregorian date of a day number (inverse of days_from_civil).
void civil_from_days(int64_t days, int& y, int& m, int& d);
// Seconds since the epoch of the civil time read as UTC (offset ignored).
int64_t civil_to_epoch_seconds(const CivilTime& t);
bool civil_is_valid(const CivilTime& t);

// "Jan".."Dec" (case-insensitive) to 1..12, 0 when not a month.
int month_from_abbrev(std::string_view s);

// Each parser reads from the start of `s`, sets `consumed` to the bytes read
// and returns false on anything malformed. They accept only what the named
// shape allows; callers pick the shape from the format.

// 10/Oct/2000:13:55:36 -0700 (Apache %t without brackets, Nginx $time_local);
// the offset is optional, a fraction after the seconds is accepted.
bool parse_clf_time(std::string_view s, CivilTime& out, size_t& consumed);
// 2000-10-10T13:55:36.123+09:00, with ' ' or 'T', optional fraction,
// optional Z / +hh:mm / +hhmm / +hh.
bool parse_iso8601(std::string_view s, CivilTime& out, size_t& consumed);
// Oct 11 22:14:15 (syslog RFC 3164; no year: year stays 0). Day may be
// space-padded. A fraction after the seconds is accepted.
bool parse_syslog_time(std::string_view s, CivilTime& out, size_t& consumed);
// Wed Oct 11 14:32:52.123456 2000 (Apache error log, ctime-like).
bool parse_ctime(std::string_view s, CivilTime& out, size_t& consumed);
// 2024/01/02 03:04:05 (Nginx error log).
bool parse_slash_datetime(std::string_view s, CivilTime& out, size_t& consumed);
// 02-Jan-2024 03:04:05 (PHP / PHP-FPM).
bool parse_dmy_dash_time(std::string_view s, CivilTime& out, size_t& consumed);
// Epoch seconds with an optional fraction ("1700000000.123"): UTC micros.
bool parse_epoch(std::string_view s, TimeUs& out, size_t& consumed);
// A signed decimal integer filling all of `s`.
bool parse_int(std::string_view s, int64_t& out);
// A non-negative decimal number with optional fraction filling all of `s`,
// scaled by 10^scale_digits ("0.25" with 6 -> 250000).
bool parse_decimal_scaled(std::string_view s, int scale_digits, int64_t& out);

}  // namespace shodo::ingest

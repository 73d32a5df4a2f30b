// Time fields of access-log templates: the fixed shapes (CLF, ISO 8601,
// epoch numbers) and strftime patterns, read into parts that together give
// the event's time (Apache may split one time over several %{...}t fields).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/event.h"
#include "ingest/time/civil.h"
#include "ingest/time/zone.h"

namespace shodo::ingest::tpl {

enum class TimeShape : uint8_t {
  clf_bracketed,  // [10/Oct/2000:13:55:36 -0700] (Apache %t)
  clf,            // 10/Oct/2000:13:55:36 -0700 (Nginx $time_local)
  iso8601,        // 2000-10-10T13:55:36-07:00 (Nginx $time_iso8601)
  epoch_decimal,  // 1700000000.123 (Nginx $msec)
  strftime,       // Apache %{format}t
  sec,            // Apache %{sec}t, %{msec}t, %{usec}t: epoch in whole units
  msec,
  usec,
  msec_frac,  // Apache %{msec_frac}t, %{usec_frac}t: the sub-second part
  usec_frac,
};

// What the time fields of one line said, before it is turned into UTC.
struct TimeParts {
  CivilTime civil;            // year, month and day stay 0 until a field sets them
  int yday = 0;               // %j; resolved once the year is known
  int pm = -1;                // %p: 0 AM, 1 PM; -1 for a 24-hour clock
  int32_t frac_us = -1;       // msec_frac / usec_frac
  TimeUs epoch_us = kNoTime;  // an epoch count, when a field gave one
  bool epoch_whole_seconds = false;
};

struct StrftimeStep {
  enum class Op : uint8_t {
    literal,
    year4,
    year2,
    month2,
    day2,
    day_space,  // %e: " 5" or "15"
    hour2,
    hour_space,    // %k
    hour12,        // %I
    hour12_space,  // %l
    minute2,
    second2,
    yday3,
    month_abbr,
    month_name,
    weekday_abbr,
    weekday_name,
    weekday_digit,
    am_pm,
    utc_offset,  // %z: +hhmm or +hh:mm
    zone_name,   // %Z
    epoch,       // %s
  };
  Op op;
  char c = 0;  // the character of a literal step
};

using StrftimeFormat = std::vector<StrftimeStep>;

// Compiles a strftime pattern; false with `error` for conversions that
// cannot be read back (week numbers, locale forms other than C).
bool compile_strftime(std::string_view pattern, StrftimeFormat& out, std::string& error);

// Reads a time of the given shape from the start of `s` into `parts`.
// `strftime` is the pattern when shape is TimeShape::strftime. On success
// `consumed` is the length read; no reader looks more than kTimeLookahead
// bytes past it, so equal text plus lookahead reads the same.
bool read_time(TimeShape shape, const StrftimeFormat* strftime, std::string_view s,
               TimeParts& parts, size_t& consumed);
inline constexpr size_t kTimeLookahead = 4;

// Sets the event's time from the parts (the zone fills in a missing offset).
// Without a date the event simply has no time; false when the date or time
// cannot exist.
bool finish_time(TimeParts& parts, ZoneCache& zone, Event& ev);

}  // namespace shodo::ingest::tpl

// RFC 3164 times carry no year: it comes from the file's modification time.
#include <chrono>

#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {
namespace {

// UTC year and month of an epoch second (Howard Hinnant's civil_from_days).
void year_month(int64_t epoch_s, int& year, int& month) {
  int64_t days = epoch_s / 86400;
  if (epoch_s % 86400 < 0) --days;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2));
}

}  // namespace

bool place_in_year(CivilTime t, const FileContext* file, ZoneCache& zone, Event& ev) {
  // Without a file (a bare parser) the reference is now.
  const int64_t ref = file ? file->mtime_s
                           : std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
  int ref_year = 0, ref_month = 0;
  year_month(ref, ref_year, ref_month);
  // A line may be at most a day newer than the file's last write (clock
  // skew, zones); anything later belongs to an earlier year. The year after
  // the mtime's UTC year is only possible for early-January lines in a file
  // written on 31 December UTC but already in January locally.
  const int64_t limit_us = (ref + 86400) * 1000000;
  const int newest = t.month == 1 && ref_month == 12 ? ref_year + 1 : ref_year;
  // Four years back reaches a leap year for 29 February.
  for (int year = newest; year >= ref_year - 4; --year) {
    t.year = year;
    if (!civil_is_valid(t)) continue;
    zone.apply(t, ev);
    if (ev.time <= limit_us) return true;
  }
  return false;
}

}  // namespace shodo::ingest::syslog

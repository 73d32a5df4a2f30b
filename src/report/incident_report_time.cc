// Times and dates in the reports: instants in the case's display zone, and
// the calendar arithmetic behind the legal deadlines.
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>

#include "ingest/event_json.h"
#include "ingest/time/civil.h"
#include "ingest/time/zone.h"
#include "report/incident_report_internal.h"

namespace shodo::report::incident {

DisplayZone::DisplayZone(const std::string& name) : name_(name.empty() ? "UTC" : name) {
  // date answers "offset at this UTC instant" for IANA names; the ingest
  // zones already read the fixed offsets ("+09:00", "UTC+9").
  try {
    iana_ = date::locate_zone(name_);
    return;
  } catch (const std::exception&) {
  }
  std::string error;
  if (auto fixed = ingest::Zone::locate(name_, error)) {
    int64_t from, until;
    fixed_offset_s_ = fixed->offset_at_local(0, from, until);
  } else {
    name_ = "UTC";
  }
}

int32_t DisplayZone::offset_at(TimeUs t) const {
  if (!iana_) return fixed_offset_s_;
  const date::sys_seconds at{
      std::chrono::floor<std::chrono::seconds>(std::chrono::microseconds{t})};
  return static_cast<int32_t>(iana_->get_info(at).offset.count());
}

std::string DisplayZone::format(TimeUs t) const {
  constexpr TimeUs kSecond = 1'000'000;
  const int32_t offset = offset_at(t);
  const TimeUs whole_second = t - ((t % kSecond) + kSecond) % kSecond;
  std::string s = ingest::format_utc(whole_second + TimeUs{offset} * kSecond);
  s.pop_back();  // the 'Z'
  s[10] = ' ';   // the 'T'
  return s + ' ' + ingest::format_offset(offset);
}

TimeUs parse_utc(std::string_view iso) {
  ingest::CivilTime t;
  size_t consumed = 0;
  if (!ingest::parse_iso8601(iso, t, consumed) || consumed != iso.size())
    return investigate::kNoTime;
  return (ingest::civil_to_epoch_seconds(t) - t.utc_offset_s.value_or(0)) * 1'000'000 + t.micros;
}

}  // namespace shodo::report::incident

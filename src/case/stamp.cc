// Who did something, when (UTC and the case's zone), on which host.
#include <date/tz.h>
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "case/case.h"

namespace shodo::cases {
namespace {

// "+09:00" / "-05:30" → seconds east of UTC.
bool parse_offset(std::string_view z, int& seconds) {
  if (z.size() != 6 || (z[0] != '+' && z[0] != '-') || z[3] != ':') return false;
  for (size_t i : {1, 2, 4, 5})
    if (z[i] < '0' || z[i] > '9') return false;
  int h = (z[1] - '0') * 10 + (z[2] - '0'), m = (z[4] - '0') * 10 + (z[5] - '0');
  if (h > 14 || m > 59) return false;
  seconds = (h * 3600 + m * 60) * (z[0] == '-' ? -1 : 1);
  return true;
}

// Offset of `zone` at a UTC instant; false for an unknown zone.
bool offset_at(std::string_view zone, std::chrono::sys_seconds t, int& seconds) {
  if (zone.empty() || zone == "UTC") {
    seconds = 0;
    return true;
  }
  if (parse_offset(zone, seconds)) return true;
  try {
    const date::time_zone* tz = date::locate_zone(zone);
    seconds =
        static_cast<int>(tz->get_info(date::sys_seconds{t.time_since_epoch()}).offset.count());
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

bool valid_zone(std::string_view zone) {
  int s;
  return offset_at(zone, std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
                   s);
}

Stamp stamp_now(const std::string& zone) {
  using namespace std::chrono;
  const auto now = time_point_cast<milliseconds>(system_clock::now());
  const auto secs = floor<seconds>(now);
  const auto ms = (now - secs).count();
  Stamp st;
  int off = 0;
  st.zone = offset_at(zone, secs, off) ? (zone.empty() ? "UTC" : zone) : "UTC";
  auto civil = [&](int offset) {
    const auto t = secs + seconds{offset};
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}", int(ymd.year()),
                       unsigned(ymd.month()), unsigned(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), ms);
  };
  st.utc = civil(0) + "Z";
  const int a = off < 0 ? -off : off;
  st.local =
      civil(off) + fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+', a / 3600, a % 3600 / 60);
  return st;
}

std::string examiner_name(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SHODO_EXAMINER"); env && *env) return env;
  struct passwd pw, *res = nullptr;
  char buf[4096];
  if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &res) == 0 && res) return res->pw_name;
  return "uid " + std::to_string(getuid());
}

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

}  // namespace shodo::cases

#include "ingest/formats/template/time_fields.h"

#include <array>

namespace shodo::ingest::tpl {
namespace {

using Op = StrftimeStep::Op;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
}

// Exactly n digits at s[pos].
bool fixed_digits(std::string_view s, size_t pos, int n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    if (!is_digit(s[pos + i])) return false;
    v = v * 10 + (s[pos + i] - '0');
  }
  out = v;
  return true;
}

// Two digits, the first of which may be a space (%e, %k, %l).
bool padded_digits(std::string_view s, size_t pos, int& out) {
  if (pos + 2 > s.size()) return false;
  if (s[pos] == ' ') return fixed_digits(s, pos + 1, 1, out);
  return fixed_digits(s, pos, 2, out);
}

// 1 to max_digits digits at s[pos]; returns the count read (0: none or too many).
size_t run_of_digits(std::string_view s, size_t pos, size_t max_digits, int64_t& out) {
  size_t p = pos;
  int64_t v = 0;
  while (p < s.size() && is_digit(s[p])) {
    if (p - pos == max_digits) return 0;
    v = v * 10 + (s[p++] - '0');
  }
  out = v;
  return p - pos;
}

size_t run_of_letters(std::string_view s, size_t pos) {
  size_t p = pos;
  while (p < s.size() && is_alpha(s[p])) ++p;
  return p - pos;
}

bool equal_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool read_step(const StrftimeStep& step, std::string_view s, size_t& p, TimeParts& t) {
  CivilTime& c = t.civil;
  int v = 0;
  switch (step.op) {
    case Op::literal:
      if (p >= s.size() || s[p] != step.c) return false;
      ++p;
      return true;
    case Op::year4:
      if (!fixed_digits(s, p, 4, c.year)) return false;
      p += 4;
      return true;
    case Op::year2:
      if (!fixed_digits(s, p, 2, v)) return false;
      c.year = v < 69 ? 2000 + v : 1900 + v;  // the POSIX pivot for %y
      p += 2;
      return true;
    case Op::month2:
      if (!fixed_digits(s, p, 2, c.month)) return false;
      p += 2;
      return true;
    case Op::day2:
      if (!fixed_digits(s, p, 2, c.day)) return false;
      p += 2;
      return true;
    case Op::day_space:
      if (!padded_digits(s, p, c.day)) return false;
      p += 2;
      return true;
    case Op::hour2:
    case Op::hour12:
      if (!fixed_digits(s, p, 2, c.hour)) return false;
      p += 2;
      return true;
    case Op::hour_space:
    case Op::hour12_space:
      if (!padded_digits(s, p, c.hour)) return false;
      p += 2;
      return true;
    case Op::minute2:
      if (!fixed_digits(s, p, 2, c.minute)) return false;
      p += 2;
      return true;
    case Op::second2:
      if (!fixed_digits(s, p, 2, c.second)) return false;
      p += 2;
      return true;
    case Op::yday3:
      if (!fixed_digits(s, p, 3, t.yday) || t.yday < 1 || t.yday > 366) return false;
      p += 3;
      return true;
    case Op::month_abbr:
      if (p + 3 > s.size() || (c.month = month_from_abbrev(s.substr(p, 3))) == 0) return false;
      p += 3;
      return true;
    case Op::month_name: {
      const size_t n = run_of_letters(s, p);
      for (size_t m = 0; m < kMonthNames.size(); ++m) {
        if (equal_nocase(s.substr(p, n), kMonthNames[m])) {
          c.month = static_cast<int>(m) + 1;
          p += n;
          return true;
        }
      }
      return false;
    }
    case Op::weekday_abbr:
      if (p + 3 > s.size() || run_of_letters(s, p) < 3) return false;
      p += 3;
      return true;
    case Op::weekday_name: {
      const size_t n = run_of_letters(s, p);
      if (n < 6) return false;  // the shortest is "Monday"
      p += n;
      return true;
    }
    case Op::weekday_digit:
      if (p >= s.size() || !is_digit(s[p])) return false;
      ++p;
      return true;
    case Op::am_pm:
      if (p + 2 > s.size() || lower(s[p + 1]) != 'm') return false;
      if (lower(s[p]) == 'a') {
        t.pm = 0;
      } else if (lower(s[p]) == 'p') {
        t.pm = 1;
      } else {
        return false;
      }
      p += 2;
      return true;
    case Op::utc_offset: {
      if (p >= s.size() || (s[p] != '+' && s[p] != '-')) return false;
      const int sign = s[p] == '-' ? -1 : 1;
      int h = 0, m = 0;
      if (!fixed_digits(s, p + 1, 2, h)) return false;
      size_t q = p + 3;
      if (q < s.size() && s[q] == ':') ++q;
      if (!fixed_digits(s, q, 2, m) || h > 23 || m > 59) return false;
      c.utc_offset_s = sign * (h * 3600 + m * 60);
      p = q + 2;
      return true;
    }
    case Op::zone_name: {
      const size_t n = run_of_letters(s, p);
      if (n == 0 || n > 6) return false;
      // Only names that mean UTC are certain; others (CST, IST) are ambiguous
      // and leave the offset to the zone.
      const std::string_view name = s.substr(p, n);
      if (equal_nocase(name, "UTC") || equal_nocase(name, "GMT") || equal_nocase(name, "UT") ||
          equal_nocase(name, "Z"))
        c.utc_offset_s = 0;
      p += n;
      return true;
    }
    case Op::epoch: {
      int64_t secs = 0;
      const size_t n = run_of_digits(s, p, 12, secs);
      if (n == 0) return false;
      t.epoch_us = secs * 1000000;
      t.epoch_whole_seconds = true;
      p += n;
      return true;
    }
  }
  return false;
}

bool compile_into(std::string_view pattern, StrftimeFormat& out, std::string& error) {
  auto lit = [&](char ch) { out.push_back({Op::literal, ch}); };
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      lit(pattern[i]);
      continue;
    }
    if (++i == pattern.size()) {
      error = "strftime pattern ends with a lone '%'";
      return false;
    }
    const char conv = pattern[i];
    // Composite conversions, as the C locale writes them.
    std::string_view expands;
    switch (conv) {
      case 'T': expands = "%H:%M:%S"; break;
      case 'D': expands = "%m/%d/%y"; break;
      case 'F': expands = "%Y-%m-%d"; break;
      case 'R': expands = "%H:%M"; break;
      case 'r': expands = "%I:%M:%S %p"; break;
      case 'c': expands = "%a %b %e %H:%M:%S %Y"; break;
      case 'x': expands = "%m/%d/%y"; break;
      case 'X': expands = "%H:%M:%S"; break;
      default: break;
    }
    if (!expands.empty()) {
      if (!compile_into(expands, out, error)) return false;
      continue;
    }
    Op op;
    switch (conv) {
      case '%': lit('%'); continue;
      case 'n': lit('\n'); continue;
      case 't': lit('\t'); continue;
      case 'Y': op = Op::year4; break;
      case 'y': op = Op::year2; break;
      case 'm': op = Op::month2; break;
      case 'd': op = Op::day2; break;
      case 'e': op = Op::day_space; break;
      case 'H': op = Op::hour2; break;
      case 'k': op = Op::hour_space; break;
      case 'I': op = Op::hour12; break;
      case 'l': op = Op::hour12_space; break;
      case 'M': op = Op::minute2; break;
      case 'S': op = Op::second2; break;
      case 'j': op = Op::yday3; break;
      case 'b':
      case 'h': op = Op::month_abbr; break;
      case 'B': op = Op::month_name; break;
      case 'a': op = Op::weekday_abbr; break;
      case 'A': op = Op::weekday_name; break;
      case 'u':
      case 'w': op = Op::weekday_digit; break;
      case 'p':
      case 'P': op = Op::am_pm; break;
      case 'z': op = Op::utc_offset; break;
      case 'Z': op = Op::zone_name; break;
      case 's': op = Op::epoch; break;
      default:
        error = std::string("strftime conversion %") + conv + " is not supported in time fields";
        return false;
    }
    out.push_back({op});
  }
  return true;
}

// Month and day of the yday-th day (1-based) of a year.
bool month_day_from_yday(int year, int yday, int& month, int& day) {
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 0; m < 12; ++m) {
    const int n = kDays[m] + (m == 1 && leap ? 1 : 0);
    if (yday <= n) {
      month = m + 1;
      day = yday;
      return true;
    }
    yday -= n;
  }
  return false;
}

}  // namespace

bool compile_strftime(std::string_view pattern, StrftimeFormat& out, std::string& error) {
  out.clear();
  return compile_into(pattern, out, error);
}

bool read_time(TimeShape shape, const StrftimeFormat* strftime, std::string_view s, TimeParts& t,
               size_t& consumed) {
  int64_t v = 0;
  size_t n = 0;
  switch (shape) {
    case TimeShape::clf_bracketed:
      if (s.empty() || s[0] != '[' || !parse_clf_time(s.substr(1), t.civil, n)) return false;
      if (n + 1 >= s.size() || s[n + 1] != ']') return false;
      consumed = n + 2;
      return true;
    case TimeShape::clf: return parse_clf_time(s, t.civil, consumed);
    case TimeShape::iso8601: return parse_iso8601(s, t.civil, consumed);
    case TimeShape::epoch_decimal:
      t.epoch_whole_seconds = false;
      return parse_epoch(s, t.epoch_us, consumed);
    case TimeShape::strftime: {
      size_t p = 0;
      for (const StrftimeStep& step : *strftime)
        if (!read_step(step, s, p, t)) return false;
      consumed = p;
      return true;
    }
    // Digit limits keep the microsecond count inside int64.
    case TimeShape::sec:
      if ((n = run_of_digits(s, 0, 12, v)) == 0) return false;
      t.epoch_us = v * 1000000;
      t.epoch_whole_seconds = true;
      break;
    case TimeShape::msec:
      if ((n = run_of_digits(s, 0, 15, v)) == 0) return false;
      t.epoch_us = v * 1000;
      t.epoch_whole_seconds = false;
      break;
    case TimeShape::usec:
      if ((n = run_of_digits(s, 0, 18, v)) == 0) return false;
      t.epoch_us = v;
      t.epoch_whole_seconds = false;
      break;
    case TimeShape::msec_frac: {
      int ms = 0;
      if (!fixed_digits(s, 0, 3, ms)) return false;
      t.frac_us = ms * 1000;
      n = 3;
      break;
    }
    case TimeShape::usec_frac: {
      int us = 0;
      if (!fixed_digits(s, 0, 6, us)) return false;
      t.frac_us = us;
      n = 6;
      break;
    }
  }
  consumed = n;
  return true;
}

bool finish_time(TimeParts& t, ZoneCache& zone, Event& ev) {
  if (t.epoch_us != kNoTime) {
    ev.time = t.epoch_us + (t.epoch_whole_seconds && t.frac_us > 0 ? t.frac_us : 0);
    ev.utc_offset_s = t.civil.utc_offset_s.value_or(0);
    ev.offset_assumed = false;
    return true;
  }
  CivilTime& c = t.civil;
  if (c.year == 0) return true;
  if (t.yday > 0 && c.month == 0 && !month_day_from_yday(c.year, t.yday, c.month, c.day))
    return false;
  if (c.month == 0 || c.day == 0) return true;
  if (t.pm >= 0) {
    if (c.hour < 1 || c.hour > 12) return false;
    c.hour = c.hour % 12 + (t.pm ? 12 : 0);
  }
  if (t.frac_us >= 0) c.micros = t.frac_us;
  if (!civil_is_valid(c)) return false;
  zone.apply(c, ev);
  return true;
}

}  // namespace shodo::ingest::tpl

#include "ingest/time/civil.h"

#include <cstdint>

namespace shodo::ingest {
namespace {

inline bool digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads exactly n digits at s[pos].
inline bool digits(std::string_view s, size_t pos, int n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// Reads ".123456" style fractions (any number of digits, kept to micros).
inline size_t fraction(std::string_view s, size_t pos, int32_t& micros) {
  if (pos >= s.size() || (s[pos] != '.' && s[pos] != ',')) return pos;
  size_t p = pos + 1;
  int32_t v = 0;
  int n = 0;
  while (p < s.size() && digit(s[p])) {
    if (n < 6) {
      v = v * 10 + (s[p] - '0');
      ++n;
    }
    ++p;
  }
  if (p == pos + 1) return pos;  // a lone '.' is not a fraction
  while (n < 6) {
    v *= 10;
    ++n;
  }
  micros = v;
  return p;
}

inline bool hms(std::string_view s, size_t pos, CivilTime& t) {
  return digits(s, pos, 2, t.hour) && pos + 2 < s.size() && s[pos + 2] == ':' &&
         digits(s, pos + 3, 2, t.minute) && pos + 5 < s.size() && s[pos + 5] == ':' &&
         digits(s, pos + 6, 2, t.second);
}

// Offset forms: Z, +hh:mm, +hhmm, +hh. Returns the new position, or pos when
// there is none.
size_t offset(std::string_view s, size_t pos, std::optional<int32_t>& out) {
  if (pos >= s.size()) return pos;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    out = 0;
    return pos + 1;
  }
  if (s[pos] != '+' && s[pos] != '-') return pos;
  int sign = s[pos] == '-' ? -1 : 1;
  int h = 0, m = 0;
  if (!digits(s, pos + 1, 2, h)) return pos;
  size_t p = pos + 3;
  if (p < s.size() && s[p] == ':' && digits(s, p + 1, 2, m)) {
    p += 3;
  } else if (digits(s, p, 2, m)) {
    p += 2;
  }
  if (h > 23 || m > 59) return pos;
  out = sign * (h * 3600 + m * 60);
  return p;
}

}  // namespace

int64_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil algorithm.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t days, int& y, int& m, int& d) {
  // Howard Hinnant's civil_from_days algorithm.
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2));
}

int64_t civil_to_epoch_seconds(const CivilTime& t) {
  return days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

bool civil_is_valid(const CivilTime& t) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > kDays[t.month - 1]) return false;
  if (t.month == 2 && t.day == 29) {
    bool leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0;
    if (!leap && t.year != 0) return false;  // year 0: not yet known (syslog)
  }
  return t.hour < 24 && t.minute < 60 && t.second <= 60;  // 60: leap second
}

int month_from_abbrev(std::string_view s) {
  if (s.size() < 3) return 0;
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  const char a = lower(s[0]), b = lower(s[1]), c = lower(s[2]);
  switch (a) {
    case 'j':
      if (b == 'a' && c == 'n') return 1;
      if (b == 'u' && c == 'n') return 6;
      if (b == 'u' && c == 'l') return 7;
      return 0;
    case 'f': return b == 'e' && c == 'b' ? 2 : 0;
    case 'm':
      if (b == 'a' && c == 'r') return 3;
      if (b == 'a' && c == 'y') return 5;
      return 0;
    case 'a':
      if (b == 'p' && c == 'r') return 4;
      if (b == 'u' && c == 'g') return 8;
      return 0;
    case 's': return b == 'e' && c == 'p' ? 9 : 0;
    case 'o': return b == 'c' && c == 't' ? 10 : 0;
    case 'n': return b == 'o' && c == 'v' ? 11 : 0;
    case 'd': return b == 'e' && c == 'c' ? 12 : 0;
  }
  return 0;
}

bool parse_clf_time(std::string_view s, CivilTime& t, size_t& consumed) {
  // dd/Mon/yyyy:hh:mm:ss[.frac][ +zzzz]
  if (s.size() < 20) return false;
  if (!digits(s, 0, 2, t.day) || s[2] != '/') return false;
  t.month = month_from_abbrev(s.substr(3, 3));
  if (t.month == 0 || s[6] != '/' || !digits(s, 7, 4, t.year) || s[11] != ':') return false;
  if (!hms(s, 12, t)) return false;
  size_t p = fraction(s, 20, t.micros);
  t.utc_offset_s.reset();
  if (p + 1 < s.size() && s[p] == ' ' && (s[p + 1] == '+' || s[p + 1] == '-')) {
    size_t q = offset(s, p + 1, t.utc_offset_s);
    if (q == p + 1) return false;
    p = q;
  }
  consumed = p;
  return civil_is_valid(t);
}

bool parse_iso8601(std::string_view s, CivilTime& t, size_t& consumed) {
  if (s.size() < 19) return false;
  if (!digits(s, 0, 4, t.year) || s[4] != '-' || !digits(s, 5, 2, t.month) || s[7] != '-' ||
      !digits(s, 8, 2, t.day) || (s[10] != 'T' && s[10] != ' ' && s[10] != 't'))
    return false;
  if (!hms(s, 11, t)) return false;
  size_t p = fraction(s, 19, t.micros);
  t.utc_offset_s.reset();
  p = offset(s, p, t.utc_offset_s);
  consumed = p;
  return civil_is_valid(t);
}

bool parse_syslog_time(std::string_view s, CivilTime& t, size_t& consumed) {
  // Mmm dd hh:mm:ss  (dd may be " 1")
  if (s.size() < 15 || s[3] != ' ') return false;
  t.month = month_from_abbrev(s);
  if (t.month == 0) return false;
  if (s[4] == ' ') {
    if (!digits(s, 5, 1, t.day)) return false;
  } else if (!digits(s, 4, 2, t.day)) {
    return false;
  }
  if (s[6] != ' ' || !hms(s, 7, t)) return false;
  t.year = 0;
  t.utc_offset_s.reset();
  consumed = fraction(s, 15, t.micros);
  return civil_is_valid(t);
}

bool parse_ctime(std::string_view s, CivilTime& t, size_t& consumed) {
  // Www Mmm dd hh:mm:ss[.frac] yyyy
  if (s.size() < 24 || s[3] != ' ') return false;
  size_t used = 0;
  if (!parse_syslog_time(s.substr(4), t, used)) return false;
  size_t p = 4 + used;
  if (p >= s.size() || s[p] != ' ' || !digits(s, p + 1, 4, t.year)) return false;
  consumed = p + 5;
  return civil_is_valid(t);
}

bool parse_slash_datetime(std::string_view s, CivilTime& t, size_t& consumed) {
  if (s.size() < 19) return false;
  if (!digits(s, 0, 4, t.year) || s[4] != '/' || !digits(s, 5, 2, t.month) || s[7] != '/' ||
      !digits(s, 8, 2, t.day) || s[10] != ' ' || !hms(s, 11, t))
    return false;
  t.utc_offset_s.reset();
  consumed = fraction(s, 19, t.micros);
  return civil_is_valid(t);
}

bool parse_dmy_dash_time(std::string_view s, CivilTime& t, size_t& consumed) {
  if (s.size() < 20) return false;
  if (!digits(s, 0, 2, t.day) || s[2] != '-') return false;
  t.month = month_from_abbrev(s.substr(3, 3));
  if (t.month == 0 || s[6] != '-' || !digits(s, 7, 4, t.year) || s[11] != ' ' || !hms(s, 12, t))
    return false;
  t.utc_offset_s.reset();
  consumed = fraction(s, 20, t.micros);
  return civil_is_valid(t);
}

bool parse_epoch(std::string_view s, TimeUs& out, size_t& consumed) {
  size_t p = 0;
  int64_t secs = 0;
  while (p < s.size() && digit(s[p]) && p < 12) secs = secs * 10 + (s[p++] - '0');
  if (p == 0 || p >= 12) return false;
  int32_t micros = 0;
  p = fraction(s, p, micros);
  out = secs * 1000000 + micros;
  consumed = p;
  return true;
}

bool parse_int(std::string_view s, int64_t& out) {
  if (s.empty()) return false;
  size_t p = 0;
  bool neg = false;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    p = 1;
  }
  if (p == s.size() || s.size() - p > 18) return false;
  int64_t v = 0;
  for (; p < s.size(); ++p) {
    if (!digit(s[p])) return false;
    v = v * 10 + (s[p] - '0');
  }
  out = neg ? -v : v;
  return true;
}

bool parse_decimal_scaled(std::string_view s, int scale_digits, int64_t& out) {
  size_t p = 0;
  int64_t whole = 0;
  while (p < s.size() && digit(s[p]) && p < 15) whole = whole * 10 + (s[p++] - '0');
  if (p == 0) return false;
  int64_t frac = 0;
  int n = 0;
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && digit(s[p])) {
      if (n < scale_digits) {
        frac = frac * 10 + (s[p] - '0');
        ++n;
      }
      ++p;
    }
  }
  if (p != s.size()) return false;
  int64_t scale = 1;
  for (int i = 0; i < scale_digits; ++i) scale *= 10;
  if (whole > INT64_MAX / scale - 1) return false;  // would overflow
  for (; n < scale_digits; ++n) frac *= 10;
  out = whole * scale + frac;
  return true;
}

}  // namespace shodo::ingest

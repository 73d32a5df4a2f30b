#include "ingest/formats/json/conversions.h"

#include <limits>

namespace shodo::ingest::mapping {
namespace {

inline bool digit(char c) {
  return c >= '0' && c <= '9';
}

// An unsigned decimal with an optional fraction, the fraction kept to
// nanoseconds. 19 digits always fit in uint64_t.
struct Decimal {
  uint64_t whole = 0;
  uint64_t frac_ns = 0;
};

bool parse_decimal(std::string_view s, Decimal& d) {
  size_t p = 0;
  d = {};
  while (p < s.size() && digit(s[p])) {
    if (p == 19) return false;
    d.whole = d.whole * 10 + static_cast<uint64_t>(s[p] - '0');
    ++p;
  }
  if (p == 0) return false;
  if (p < s.size() && s[p] == '.') {
    const size_t start = ++p;
    int kept = 0;
    while (p < s.size() && digit(s[p])) {
      if (kept < 9) {
        d.frac_ns = d.frac_ns * 10 + static_cast<uint64_t>(s[p] - '0');
        ++kept;
      }
      ++p;
    }
    if (p == start) return false;
    for (; kept < 9; ++kept) d.frac_ns *= 10;
  }
  return p == s.size();
}

// Microseconds of `d` read in `unit`; false when they overflow int64_t.
bool to_micros(const Decimal& d, Unit unit, int64_t& out) {
  constexpr uint64_t kMax = std::numeric_limits<int64_t>::max();
  switch (unit) {
    case Unit::s:
      if (d.whole > kMax / 1000000 - 1) return false;
      out = static_cast<int64_t>(d.whole * 1000000 + d.frac_ns / 1000);
      return true;
    case Unit::ms:
      if (d.whole > kMax / 1000 - 1) return false;
      out = static_cast<int64_t>(d.whole * 1000 + d.frac_ns / 1000000);
      return true;
    case Unit::us:
      if (d.whole > kMax) return false;
      out = static_cast<int64_t>(d.whole);
      return true;
    case Unit::ns: out = static_cast<int64_t>(d.whole / 1000); return true;
  }
  return false;
}

bool read_digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!digit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

bool parse_count(std::string_view s, int64_t max, int64_t& out) {
  Decimal d;
  if (s.find('.') != std::string_view::npos || !parse_decimal(s, d)) return false;
  if (d.whole > static_cast<uint64_t>(max)) return false;
  out = static_cast<int64_t>(d.whole);
  return true;
}

bool parse_epoch_in(std::string_view s, Unit unit, TimeUs& out) {
  Decimal d;
  return parse_decimal(s, d) && to_micros(d, unit, out);
}

bool parse_epoch_auto(std::string_view s, TimeUs& out) {
  Decimal d;
  if (!parse_decimal(s, d)) return false;
  const Unit unit = d.whole < 100'000'000'000ULL           ? Unit::s
                    : d.whole < 100'000'000'000'000ULL     ? Unit::ms
                    : d.whole < 100'000'000'000'000'000ULL ? Unit::us
                                                           : Unit::ns;
  return to_micros(d, unit, out);
}

bool parse_duration_in(std::string_view s, Unit unit, int64_t& out_us) {
  Decimal d;
  return parse_decimal(s, d) && to_micros(d, unit, out_us);
}

bool parse_duration_auto(std::string_view s, int64_t& out_us) {
  struct Suffix {
    std::string_view text;
    Unit unit;
  };
  // Longest first: "ms" must not be read as "s".
  static constexpr Suffix kSuffixes[] = {
      {"ns", Unit::ns},        {"us", Unit::us}, {"\xC2\xB5s", Unit::us},
      {"\xCE\xBCs", Unit::us}, {"ms", Unit::ms}, {"s", Unit::s},
  };
  for (const Suffix& x : kSuffixes) {
    if (s.size() > x.text.size() && s.ends_with(x.text))
      return parse_duration_in(s.substr(0, s.size() - x.text.size()), x.unit, out_us);
  }
  const bool fraction = s.find('.') != std::string_view::npos;
  return parse_duration_in(s, fraction ? Unit::s : Unit::ms, out_us);
}

bool parse_ymd(std::string_view s, CivilTime& out) {
  CivilTime t = out;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !read_digits(s, 0, 4, t.year) ||
      !read_digits(s, 5, 2, t.month) || !read_digits(s, 8, 2, t.day))
    return false;
  t.hour = t.minute = t.second = 0;
  if (!civil_is_valid(t)) return false;
  out.year = t.year;
  out.month = t.month;
  out.day = t.day;
  return true;
}

bool parse_clock(std::string_view s, CivilTime& out) {
  const size_t h = s.size() > 1 && s[1] == ':' ? 1 : 2;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(s, 0, h, hour) || s.size() < h + 6 || s[h] != ':' ||
      !read_digits(s, h + 1, 2, minute) || s[h + 3] != ':' || !read_digits(s, h + 4, 2, second))
    return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  int32_t micros = 0;
  size_t p = h + 6;
  if (p < s.size()) {
    if (s[p] != '.' || p + 1 == s.size()) return false;
    int kept = 0;
    for (++p; p < s.size(); ++p) {
      if (!digit(s[p])) return false;
      if (kept < 6) {
        micros = micros * 10 + (s[p] - '0');
        ++kept;
      }
    }
    for (; kept < 6; ++kept) micros *= 10;
  }
  out.hour = hour;
  out.minute = minute;
  out.second = second;
  out.micros = micros;
  return true;
}

}  // namespace shodo::ingest::mapping

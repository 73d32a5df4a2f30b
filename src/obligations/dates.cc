#include <fmt/format.h>

#include "ingest/time/civil.h"
#include "obligations/obligations.h"

namespace shodo::obligations {
namespace {

// YYYY-MM-DD exactly, and a real day.
bool parse_date(std::string_view s, ingest::CivilTime& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f)
    for (char c : s.substr(starts[f], lengths[f])) {
      if (c < '0' || c > '9') return false;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  out.year = fields[0];
  out.month = fields[1];
  out.day = fields[2];
  return ingest::civil_is_valid(out);
}

}  // namespace

std::string add_days(std::string_view date, int days) {
  ingest::CivilTime day;
  if (!parse_date(date, day)) return {};
  int y, m, d;
  ingest::civil_from_days(ingest::days_from_civil(day.year, day.month, day.day) + days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string period_end(std::string_view date, int days) {
  return add_days(date, days - 1);
}

}  // namespace shodo::obligations

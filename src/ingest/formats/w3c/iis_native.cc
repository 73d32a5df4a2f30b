#include "ingest/formats/w3c/iis_native.h"

#include <array>

#include "ingest/formats/json/conversions.h"
#include "ingest/formats/json/field_sink.h"

namespace shodo::ingest::w3c {
namespace {

using mapping::Conv;
using mapping::kSpecific;
using mapping::Target;

constexpr size_t kFields = 15;
constexpr size_t kDate = 2, kTime = 3;

// Columns in order; date and time are read apart. Extras take the names the
// same data has in W3C logs, so rules see one name for both formats.
struct Column {
  std::string_view name;
  Target target;
};
constexpr std::array<Column, kFields> kColumns = {{
    {"c-ip", {Field::client_ip, Conv::text, kSpecific}},
    {"cs-username", {Field::user, Conv::text, kSpecific}},
    {"date", {}},
    {"time", {}},
    {"s-sitename", {}},
    {"s-computername", {Field::host, Conv::text, kSpecific}},
    {"s-ip", {Field::server_ip, Conv::text, kSpecific}},
    {"time-taken", {Field::duration, Conv::duration_ms, kSpecific}},
    {"cs-bytes", {Field::bytes_received, Conv::count, kSpecific}},
    {"sc-bytes", {Field::bytes_total, Conv::count, kSpecific}},
    {"sc-status", {Field::status, Conv::count, kSpecific}},
    {"sc-win32-status", {}},
    {"cs-method", {Field::method, Conv::text, kSpecific}},
    {"cs-uri-stem", {Field::path, Conv::text, kSpecific}},
    {"cs-uri-query", {Field::query, Conv::text, kSpecific}},
}};

// M/D/YY or MM/DD/YYYY; two-digit years are 1970-2069.
bool parse_mdy(std::string_view s, CivilTime& t) {
  int part[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0};
  int k = 0;
  for (char c : s) {
    if (c == '/') {
      if (++k == 3) return false;
    } else if (c >= '0' && c <= '9' && digits[k] < 4) {
      part[k] = part[k] * 10 + (c - '0');
      ++digits[k];
    } else {
      return false;
    }
  }
  if (k != 2 || digits[0] == 0 || digits[0] > 2 || digits[1] == 0 || digits[1] > 2 ||
      (digits[2] != 2 && digits[2] != 4))
    return false;
  t.month = part[0];
  t.day = part[1];
  t.year = digits[2] == 4 ? part[2] : part[2] + (part[2] < 70 ? 2000 : 1900);
  return true;
}

class IisNativeParser final : public LineParser {
 public:
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return LineResult::meta;
    // Each field ends with ", " and the last with a lone ','.
    std::array<std::string_view, kFields> f;
    std::string_view rest = line;
    for (size_t i = 0; i + 1 < kFields; ++i) {
      const size_t comma = rest.find(", ");
      if (comma == std::string_view::npos) return bad(ctx, "too few fields");
      f[i] = rest.substr(0, comma);
      rest.remove_prefix(comma + 2);
    }
    if (rest.ends_with(',')) rest.remove_suffix(1);
    if (rest.find(", ") != std::string_view::npos) return bad(ctx, "too many fields");
    f[kFields - 1] = rest;

    CivilTime t;
    if (!parse_mdy(f[kDate], t) || !mapping::parse_clock(f[kTime], t) || !civil_is_valid(t))
      return bad(ctx, "bad date or time");
    ctx.zone.apply(t, ev);

    mapping::FieldSink sink(ev, ctx);
    for (size_t i = 0; i < kFields; ++i) {
      if (i == kDate || i == kTime || f[i].empty() || f[i] == "-") continue;
      if (!sink.set(kColumns[i].target, kColumns[i].name, f[i])) return LineResult::bad;
    }
    sink.finish();
    return LineResult::event;
  }

  std::unique_ptr<LineParser> clone() const override { return std::make_unique<IisNativeParser>(); }

 private:
  static LineResult bad(ParseContext& ctx, std::string_view why) {
    ctx.error = why;
    return LineResult::bad;
  }
};

}  // namespace

std::unique_ptr<LineParser> make_iis_native_parser() {
  return std::make_unique<IisNativeParser>();
}

}  // namespace shodo::ingest::w3c

#include "ingest/formats/w3c/dialect.h"

#include <algorithm>

namespace shodo::ingest::w3c {
namespace {

using mapping::Conv;
using mapping::kSpecific;
using mapping::Target;

// IIS's default selection, what it writes when logging is left as installed.
constexpr std::string_view kIisDefault[] = {
    "date",         "time",
    "s-ip",         "cs-method",
    "cs-uri-stem",  "cs-uri-query",
    "s-port",       "cs-username",
    "c-ip",         "cs(User-Agent)",
    "cs(Referer)",  "sc-status",
    "sc-substatus", "sc-win32-status",
    "time-taken",
};

// The other fields IIS can log.
constexpr std::string_view kIisOptional[] = {
    "s-sitename",    "s-computername", "sc-bytes",       "cs-bytes",
    "cs-version",    "cs-host",        "cs(Cookie)",     "X-Forwarded-For",
    "s-event",       "s-process-type", "s-user-time",    "s-kernel-time",
    "s-page-faults", "s-total-procs",  "s-active-procs", "s-stopped-procs",
};

// CloudFront standard logs, in the documented order.
constexpr std::string_view kCloudFrontDefault[] = {
    "date",
    "time",
    "x-edge-location",
    "sc-bytes",
    "c-ip",
    "cs-method",
    "cs(Host)",
    "cs-uri-stem",
    "sc-status",
    "cs(Referer)",
    "cs(User-Agent)",
    "cs-uri-query",
    "cs(Cookie)",
    "x-edge-result-type",
    "x-edge-request-id",
    "x-host-header",
    "cs-protocol",
    "cs-bytes",
    "time-taken",
    "x-forwarded-for",
    "ssl-protocol",
    "ssl-cipher",
    "x-edge-response-result-type",
    "cs-protocol-version",
    "fle-status",
    "fle-encrypted-fields",
    "c-port",
    "time-to-first-byte",
    "x-edge-detailed-result-type",
    "sc-content-type",
    "sc-content-len",
    "sc-range-start",
    "sc-range-end",
};

// IIS writes spaces as '+' in free-text fields. cs-uri-query keeps its '+'
// (it is the query's own encoding), as do cookies and referers, which are
// URL-encoded already.
constexpr FieldRule kIisRules[] = {
    {"time-taken", Target{Field::duration, Conv::duration_ms, kSpecific}, Decode::none},
    {"cs(User-Agent)", std::nullopt, Decode::plus},
    {"cs-username", std::nullopt, Decode::plus},
    {"X-Forwarded-For", std::nullopt, Decode::plus},
    {"cs(X-Forwarded-For)", std::nullopt, Decode::plus},
};

// CloudFront URL-encodes field values; the display fields are decoded once,
// as its documentation says to (a user agent may stay encoded once more).
// The URI stem and query stay as the client sent them.
constexpr FieldRule kCloudFrontRules[] = {
    {"time-taken", Target{Field::duration, Conv::duration_s, kSpecific}, Decode::none},
    {"cs(User-Agent)", std::nullopt, Decode::percent},
    {"cs(Referer)", std::nullopt, Decode::percent},
    {"x-forwarded-for", std::nullopt, Decode::percent},
};

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

const Dialect& iis_dialect() {
  static constexpr Dialect d{' ', kIisDefault, std::size(kIisDefault), kIisRules};
  return d;
}

const Dialect& cloudfront_dialect() {
  // The first CloudFront logs had twelve fields, up to cs-uri-query.
  static constexpr Dialect d{'\t', kCloudFrontDefault, 12, kCloudFrontRules};
  return d;
}

const FieldRule* find_rule(const Dialect& dialect, std::string_view name) {
  for (const FieldRule& r : dialect.rules)
    if (same_name(r.name, name)) return &r;
  return nullptr;
}

std::string_view known_field(std::string_view name) {
  for (const auto& list : {std::span<const std::string_view>(kIisDefault),
                           std::span<const std::string_view>(kIisOptional),
                           std::span<const std::string_view>(kCloudFrontDefault)}) {
    for (std::string_view known : list)
      if (known == name) return known;
  }
  return {};
}

}  // namespace shodo::ingest::w3c

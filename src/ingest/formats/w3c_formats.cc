// W3C extended logs (IIS, CloudFront) and IIS's native comma format.
#include "ingest/formats/registry.h"
#include "ingest/formats/w3c/dialect.h"
#include "ingest/formats/w3c/iis_native.h"
#include "ingest/formats/w3c/w3c_parser.h"

namespace shodo::ingest {
// Specificity: a W3C file parses under one dialect only (the separators
// differ), so these rarely tie; they sit above the Apache/Nginx templates.
void register_w3c_formats(FormatRegistry& r) {
  r.add(
      "iis", LogKind::web_access,
      "IIS W3C extended log: space-separated, columns from #Fields (IIS's default set "
      "before any), times in UTC",
      [] { return w3c::make_w3c_parser(w3c::iis_dialect()); }, 50);
  r.add(
      "cloudfront", LogKind::web_access,
      "Amazon CloudFront standard log: W3C with tabs, URL-encoded values, time-taken in seconds",
      [] { return w3c::make_w3c_parser(w3c::cloudfront_dialect()); }, 60);
  r.add(
      "iis_native", LogKind::web_access,
      "IIS log file format (comma-separated, M/D/YY dates in local time)",
      [] { return w3c::make_iis_native_parser(); }, 50);
}

}  // namespace shodo::ingest

// IIS's own comma-separated "IIS log file format" (preset "iis_native"):
//   192.0.2.1, -, 3/20/24, 7:55:20, W3SVC2, WEB1, 198.51.100.7, 4502, 163,
//   3223, 200, 0, GET, /logo.gif, -,
// Times are the server's local time.
#pragma once

#include <memory>

#include "ingest/parser.h"

namespace shodo::ingest::w3c {

std::unique_ptr<LineParser> make_iis_native_parser();

}  // namespace shodo::ingest::w3c

// The W3C extended log engine behind the "iis" and "cloudfront" presets:
// columns come from the latest #Fields directive (it may change mid-file),
// or from the dialect's default layout before any.
#pragma once

#include <memory>

#include "ingest/formats/w3c/dialect.h"
#include "ingest/parser.h"

namespace shodo::ingest::w3c {

std::unique_ptr<LineParser> make_w3c_parser(const Dialect& dialect);

}  // namespace shodo::ingest::w3c

// The parser a field map describes (see field_map.h).
#pragma once

#include <memory>

#include "ingest/formats/json/field_map.h"
#include "ingest/parser.h"

namespace shodo::ingest::json {

// Mapped values that do not convert (a time not in the declared format)
// make the line bad: the map promised what they are.
std::unique_ptr<LineParser> make_mapped_parser(std::shared_ptr<const FieldMapSpec> spec);

}  // namespace shodo::ingest::json

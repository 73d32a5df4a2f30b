// JSON lines access logs (preset "json"): one object per line, keys mapped
// onto the Event by name (see source_names.h).
#pragma once

#include <memory>

#include "ingest/parser.h"

namespace shodo::ingest::json {

std::unique_ptr<LineParser> make_json_lines_parser();

// Blank lines are meta in every JSON-based format; a UTF-8 byte order mark
// before the first object is not part of it.
bool is_blank(std::string_view line);
std::string_view strip_bom(std::string_view line);

}  // namespace shodo::ingest::json

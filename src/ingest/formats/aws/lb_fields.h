// Splitting an Elastic Load Balancing access log line into its fields.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/arena.h"

namespace shodo::ingest::aws {

// Fields are separated by single spaces; a field in double quotes may hold
// spaces, and \" or \\ (decoded into the arena). A quote only closes a field
// before a space or the end of the line. At most `max` fields are split off;
// the rest of the line is ignored. False with `error` set on an unterminated
// quote.
bool split_fields(std::string_view line, size_t max, Arena& arena,
                  std::vector<std::string_view>& out, std::string_view& error);

}  // namespace shodo::ingest::aws

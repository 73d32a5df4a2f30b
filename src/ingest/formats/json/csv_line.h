// Splitting one line of CSV (RFC 4180 quoting) or TSV into cells.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/arena.h"

namespace shodo::ingest::json {

// CSV: a cell in double quotes may hold commas and doubled quotes (decoded
// into the arena). A quote left open means the record continues on the next
// line, which reading line by line cannot follow: the line is bad. TSV:
// cells are split at tabs, quotes are text. False with `error` set on a
// malformed line.
bool split_delimited(std::string_view line, char separator, bool quoting, Arena& arena,
                     std::vector<std::string_view>& cells, std::string_view& error);

}  // namespace shodo::ingest::json

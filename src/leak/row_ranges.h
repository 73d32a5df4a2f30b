// Internal: counting distinct rows addressed by many LIMIT a,b ranges.
#pragma once

#include <cstdint>
#include <vector>

#include "leak/leak.h"

namespace shodo::leak {

// Sorts and merges overlapping or touching ranges.
std::vector<RowRange> merge_ranges(std::vector<RowRange> ranges);
// Rows covered by merged ranges (saturating).
uint64_t rows_in(const std::vector<RowRange>& merged);

}  // namespace shodo::leak

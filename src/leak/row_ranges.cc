#include "leak/row_ranges.h"

#include <algorithm>
#include <limits>

namespace shodo::leak {

namespace {

constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();

// One past the last row, saturating: LIMIT 18446744073709551615,5 is input.
uint64_t end_of(const RowRange& r) {
  return r.count > kMax - r.first ? kMax : r.first + r.count;
}

}  // namespace

std::vector<RowRange> merge_ranges(std::vector<RowRange> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](const RowRange& a, const RowRange& b) {
    return a.first != b.first ? a.first < b.first : a.count < b.count;
  });
  std::vector<RowRange> out;
  for (const RowRange& r : ranges) {
    if (r.count == 0) continue;
    if (!out.empty() && r.first <= end_of(out.back())) {
      const uint64_t end = std::max(end_of(out.back()), end_of(r));
      out.back().count = end - out.back().first;
    } else {
      out.push_back(r);
    }
  }
  return out;
}

uint64_t rows_in(const std::vector<RowRange>& merged) {
  uint64_t n = 0;
  for (const RowRange& r : merged) n = r.count > kMax - n ? kMax : n + r.count;
  return n;
}

}  // namespace shodo::leak

// The time-sorted matches one correlation group keeps, and the searches for
// a window of `span` that satisfies a condition and contains the newest
// arrival. Hits are kept sorted by time, not arrival, so files read out of
// time order still meet in the same window.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "detect/finding.h"
#include "ingest/event.h"

namespace shodo::detect::correlation {

struct Hit {
  ingest::TimeUs time = 0;
  uint64_t value = 0;  // value_count: hash of the counted value; temporal: rule position
  Citation cite;
  int32_t utc_offset_s = 0;
};

// Hits [begin, end) of a group's vector.
struct Range {
  size_t begin = 0, end = 0;
  size_t size() const { return end - begin; }
};

void insert_sorted(std::vector<Hit>& hits, const Hit& hit);
// value_count: one hit per value, the latest. False when `hit` is older than
// the one kept (nothing changed).
bool upsert_value(std::vector<Hit>& hits, const Hit& hit);
// Drops hits older than t - span (they can no longer share a window with
// anything at or after t), then the oldest beyond `cap`.
void evict(std::vector<Hit>& hits, ingest::TimeUs t, ingest::TimeUs span, size_t cap);

// The window of length `span` with the most hits among those containing t.
Range densest_window(const std::vector<Hit>& hits, ingest::TimeUs t, ingest::TimeUs span);
// A window of length `span` containing t in which every position
// 0..positions-1 has a hit.
std::optional<Range> window_with_all(const std::vector<Hit>& hits, ingest::TimeUs t,
                                     ingest::TimeUs span, uint32_t positions);
// The same with the hits in position order (times non-decreasing), the hit
// at t taking position `at`.
std::optional<Range> window_in_order(const std::vector<Hit>& hits, ingest::TimeUs t, uint32_t at,
                                     ingest::TimeUs span, uint32_t positions);

}  // namespace shodo::detect::correlation

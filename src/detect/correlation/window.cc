#include "detect/correlation/window.h"

#include <algorithm>

namespace shodo::detect::correlation {

namespace {

bool earlier(const Hit& a, ingest::TimeUs t) {
  return a.time < t;
}

size_t first_at_or_after(const std::vector<Hit>& hits, ingest::TimeUs t) {
  return static_cast<size_t>(std::lower_bound(hits.begin(), hits.end(), t, earlier) - hits.begin());
}

size_t first_after(const std::vector<Hit>& hits, ingest::TimeUs t) {
  return static_cast<size_t>(
      std::upper_bound(hits.begin(), hits.end(), t,
                       [](ingest::TimeUs v, const Hit& h) { return v < h.time; }) -
      hits.begin());
}

// The earliest hit of `position` in [from, until], or nullopt.
std::optional<ingest::TimeUs> earliest_of(const std::vector<Hit>& hits, uint32_t position,
                                          ingest::TimeUs from, ingest::TimeUs until) {
  for (size_t i = first_at_or_after(hits, from); i < hits.size() && hits[i].time <= until; ++i) {
    if (hits[i].value == position) return hits[i].time;
  }
  return std::nullopt;
}

Range range_of(const std::vector<Hit>& hits, ingest::TimeUs from, ingest::TimeUs until) {
  return {first_at_or_after(hits, from), first_after(hits, until)};
}

}  // namespace

void insert_sorted(std::vector<Hit>& hits, const Hit& hit) {
  // In-order input appends; only out-of-order hits pay for the search.
  if (hits.empty() || hits.back().time <= hit.time) {
    hits.push_back(hit);
    return;
  }
  hits.insert(hits.begin() + static_cast<ptrdiff_t>(first_after(hits, hit.time)), hit);
}

bool upsert_value(std::vector<Hit>& hits, const Hit& hit) {
  const auto same =
      std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.value == hit.value; });
  if (same != hits.end()) {
    if (same->time > hit.time) return false;
    hits.erase(same);
  }
  insert_sorted(hits, hit);
  return true;
}

void evict(std::vector<Hit>& hits, ingest::TimeUs t, ingest::TimeUs span, size_t cap) {
  size_t drop = first_at_or_after(hits, t - span);
  if (hits.size() - drop > cap) drop = hits.size() - cap;
  hits.erase(hits.begin(), hits.begin() + static_cast<ptrdiff_t>(drop));
}

Range densest_window(const std::vector<Hit>& hits, ingest::TimeUs t, ingest::TimeUs span) {
  // Windows [hits[i].time, hits[i].time + span] with hits[i].time in [t - span, t].
  Range best;
  const size_t last_start = first_after(hits, t);
  size_t end = first_at_or_after(hits, t - span);
  for (size_t i = end; i < last_start; ++i) {
    end = std::max(end, i);
    while (end < hits.size() && hits[end].time <= hits[i].time + span) ++end;
    if (end - i > best.size()) best = {i, end};
  }
  return best;
}

std::optional<Range> window_with_all(const std::vector<Hit>& hits, ingest::TimeUs t,
                                     ingest::TimeUs span, uint32_t positions) {
  // The window can start at any hit in [t - span, t].
  for (size_t i = first_at_or_after(hits, t - span); i < hits.size() && hits[i].time <= t; ++i) {
    const ingest::TimeUs start = hits[i].time;
    bool all = true;
    for (uint32_t p = 0; p < positions && all; ++p) {
      all = earliest_of(hits, p, start, start + span).has_value();
    }
    if (all) return range_of(hits, start, start + span);
  }
  return std::nullopt;
}

std::optional<Range> window_in_order(const std::vector<Hit>& hits, ingest::TimeUs t, uint32_t at,
                                     ingest::TimeUs span, uint32_t positions) {
  for (size_t i = first_at_or_after(hits, t - span); i < hits.size() && hits[i].time <= t; ++i) {
    if (hits[i].value != 0) continue;
    const ingest::TimeUs start = hits[i].time;
    if (at == 0 && start != t) continue;
    // Greedy: the earliest hit of each position after the previous one.
    ingest::TimeUs previous = start;
    bool chain = true;
    for (uint32_t p = 1; p < positions && chain; ++p) {
      if (p == at) {
        chain = previous <= t;
        previous = t;
        continue;
      }
      const auto next = earliest_of(hits, p, previous, start + span);
      chain = next.has_value();
      if (chain) previous = *next;
    }
    if (chain) return range_of(hits, start, previous);
  }
  return std::nullopt;
}

}  // namespace shodo::detect::correlation

// Internal: bounded keeping that does not depend on the order events arrive
// in, nor on how they were split among trackers: what is kept of a bounded
// collection is always its earliest items by (time, file, line, offset).
#pragma once

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

#include "leak/leak.h"

namespace shodo::leak {

inline auto order_key(TimeUs time, const Cite& c) {
  return std::make_tuple(time, c.file_index, c.line, c.offset);
}

struct Stamp {
  TimeUs time = ingest::kNoTime;
  Cite cite;
  bool operator<(const Stamp& o) const { return order_key(time, cite) < order_key(o.time, o.cite); }
};

// First and last of a group, and its earliest few citations.
struct Span {
  uint64_t count = 0;
  Stamp first, last;
  std::vector<Stamp> examples;  // sorted, at most `max` of them

  void add(const Stamp& s, size_t max) {
    if (count == 0 || s < first) first = s;
    if (count == 0 || last < s) last = s;
    ++count;
    const auto at = std::upper_bound(examples.begin(), examples.end(), s);
    if (static_cast<size_t>(at - examples.begin()) < max) {
      examples.insert(at, s);
      if (examples.size() > max) examples.pop_back();
    }
  }
  void merge(const Span& o, size_t max) {
    if (o.count == 0) return;
    if (count == 0 || o.first < first) first = o.first;
    if (count == 0 || last < o.last) last = o.last;
    count += o.count;
    std::vector<Stamp> all;
    std::merge(examples.begin(), examples.end(), o.examples.begin(), o.examples.end(),
               std::back_inserter(all));
    if (all.size() > max) all.resize(max);
    examples = std::move(all);
  }
  std::vector<Cite> cites() const {
    std::vector<Cite> out;
    for (const Stamp& s : examples) out.push_back(s.cite);
    return out;
  }
};

// Records with `time` and `cite`: at most `max` kept, the earliest; `seen`
// counts them all. Trimming waits until twice the bound, so adding stays
// amortized constant.
template <typename T>
class EarliestRecords {
 public:
  void add(T record, size_t max) {
    ++seen_;
    items_.push_back(std::move(record));
    if (items_.size() >= 2 * std::max<size_t>(max, 1)) trim(max);
  }
  void merge(EarliestRecords&& o, size_t max) {
    seen_ += o.seen_;
    for (T& r : o.items_) items_.push_back(std::move(r));
    if (items_.size() >= 2 * std::max<size_t>(max, 1)) trim(max);
  }
  // The kept records in time order, and how many were left out.
  std::vector<T> take(size_t max, uint64_t& dropped) && {
    trim(max);
    dropped = seen_ - items_.size();
    return std::move(items_);
  }

 private:
  void trim(size_t max) {
    std::stable_sort(items_.begin(), items_.end(), [](const T& a, const T& b) {
      return order_key(a.time, a.cite) < order_key(b.time, b.cite);
    });
    if (items_.size() > max) items_.resize(max);
  }
  std::vector<T> items_;
  uint64_t seen_ = 0;
};

}  // namespace shodo::leak

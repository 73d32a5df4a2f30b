#include "pii/persons.h"

namespace shodo::pii {
namespace {

// Keys fetched this far ahead of the one being joined.
constexpr size_t kPrefetchDistance = 16;

}  // namespace

void PersonIndex::add_row(const uint64_t* keys, size_t n) {
  if (n == 0) return;
  uint32_t first = root(node(keys[0]));
  for (size_t i = 1; i < n; ++i) {
    const uint32_t r = root(node(keys[i]));
    if (r == first) continue;
    parent_[r] = first;
    --components_;
  }
}

void PersonIndex::add_rows(const std::vector<uint64_t>& rows) {
  if (slots_.empty()) grow();
  size_t begin = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i + kPrefetchDistance < rows.size())
      __builtin_prefetch(&slots_[rows[i + kPrefetchDistance] & (slots_.size() - 1)]);
    if (rows[i] != 0) continue;
    add_row(rows.data() + begin, i - begin);
    begin = i + 1;
  }
}

uint32_t PersonIndex::node(uint64_t key) {
  if ((used_ + 1) * 2 > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.key == key) return s.node;
    if (s.key == 0) {
      s.key = key;
      s.node = static_cast<uint32_t>(parent_.size());
      parent_.push_back(s.node);
      ++used_;
      ++components_;
      return s.node;
    }
  }
}

uint32_t PersonIndex::root(uint32_t n) {
  while (parent_[n] != n) {
    parent_[n] = parent_[parent_[n]];  // path halving
    n = parent_[n];
  }
  return n;
}

void PersonIndex::grow() {
  ZeroedArray<Slot> old = std::move(slots_);
  slots_ = ZeroedArray<Slot>(old.empty() ? 1024 : old.size() * 2);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.key) continue;
    for (size_t i = s.key & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == 0) {
        slots_[i] = s;
        break;
      }
    }
  }
}

}  // namespace shodo::pii

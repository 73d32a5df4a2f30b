#include "pii/persons.h"

namespace shodo::pii {

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

uint32_t PersonIndex::node(uint64_t key) {
  if ((used_ + 1) * 2 > keys_.size()) grow();
  const size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return nodes_[i];
    if (keys_[i] == 0) {
      keys_[i] = key;
      nodes_[i] = static_cast<uint32_t>(parent_.size());
      parent_.push_back(nodes_[i]);
      ++used_;
      ++components_;
      return nodes_[i];
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
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_nodes = std::move(nodes_);
  const size_t size = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(size, 0);
  nodes_.assign(size, 0);
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (!old_keys[j]) continue;
    for (size_t i = old_keys[j] & (size - 1);; i = (i + 1) & (size - 1)) {
      if (keys_[i] == 0) {
        keys_[i] = old_keys[j];
        nodes_[i] = old_nodes[j];
        break;
      }
    }
  }
}

}  // namespace shodo::pii

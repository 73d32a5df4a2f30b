// Open addressing with linear probing, as the in-memory indexes keyed by a
// hash use it (client addresses, path baselines): slots hold their key's
// hash, and a table is never more than half full.
#pragma once

#include <cstddef>
#include <vector>

namespace shodo::util {

// Doubles `slots` (a power of two), each used slot moving to the first free
// one from its hash. `used(slot)` tells a used slot from a free one.
template <typename Slot, typename Used>
void double_open_table(std::vector<Slot>& slots, Used used) {
  std::vector<Slot> old(slots.size() * 2);
  old.swap(slots);
  const size_t mask = slots.size() - 1;
  for (const Slot& s : old) {
    if (!used(s)) continue;
    size_t i = s.hash & mask;
    while (used(slots[i])) i = (i + 1) & mask;
    slots[i] = s;
  }
}

}  // namespace shodo::util

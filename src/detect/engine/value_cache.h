// What a field's value makes true, remembered per value. Web logs repeat the
// same paths, user agents and referers on most lines, and the atoms a value
// makes true depend on the value alone, so a value that repeats is scanned
// twice instead of on every line that carries it. Direct-mapped and bounded
// in size: memory does not grow with the input, and a slot simply goes to
// the last value that mapped to it.
//
// A cache starts small and grows only when a larger one would have answered
// more than a few of its misses. User agents and referers mostly come from a
// few hundred values, which a small table holds in the core's cache; paths
// and queries carry ids and search terms, and need the larger one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/cache_hash.h"

namespace shodo::detect::engine {

class ValueCache {
 public:
  // Longer values are not kept: they are rarely repeated.
  static constexpr size_t kMaxValue = 256;
  // Look-ups between two checks of whether to grow; a check grows the
  // cache when more than one in kGrowRatio of those look-ups missed a value
  // a cache of the largest size would have held.
  static constexpr uint32_t kAdaptEvery = 1u << 16;
  static constexpr uint32_t kGrowRatio = 128;

  // `slots` at first, at most `max_slots` (both rounded up to a power of two).
  explicit ValueCache(size_t slots, size_t max_slots = 0);

  // Keyed, so values do not share slots by their text alone. A collision
  // costs only a miss (find() compares the value), so the faster cache hash
  // serves, although with it a value's author can still write another that
  // collides with it (see cache_hash.h).
  static uint64_t hash(std::string_view value) { return util::cache_hash<3>(value); }

  // The atoms remembered for `value`, or nullptr.
  const std::vector<uint32_t>* find(std::string_view value, uint64_t hash) const;

  // What find() gave (atoms or nullptr), usable later without looking the
  // value up again for as long as its slot is not stored to.
  struct Found {
    const std::vector<uint32_t>* atoms = nullptr;
    uint32_t slot = 0, stamp = 0;
  };
  Found find_kept(std::string_view value, uint64_t hash);
  // find() now, for the value and hash `f` was kept for: what find_kept()
  // gave when nothing was stored to the slot since.
  const std::vector<uint32_t>* again(const Found& f, std::string_view value, uint64_t hash) const {
    return slots_[f.slot].stamp == f.stamp ? f.atoms : find(value, hash);
  }
  // What find_kept() gave, when it gave atoms and nothing was stored to the
  // slot since; else nullptr (then again() tells).
  const std::vector<uint32_t>* still(const Found& f) const {
    return f.atoms && slots_[f.slot].stamp == f.stamp ? f.atoms : nullptr;
  }
  // Remembers `atoms` for `value` the second time it is offered: most
  // values seen once are never seen again (a product id, a search), and
  // keeping them would only push out the ones that repeat.
  void store(std::string_view value, uint64_t hash, const std::vector<uint32_t>& atoms);

  // Grows the cache (forgetting what it holds) when the last kAdaptEvery
  // look-ups call for it. Only between uses of find_kept()'s answers: they
  // do not survive a growth.
  void adapt();
  size_t slots() const { return slots_.size(); }

 private:
  void resize(size_t slots);

  // Tags apart from the values, eight slots to a cache line: a look-up for
  // a value not kept touches only this array, once.
  struct Slot {
    uint32_t tag = 0;    // tag_of() the kept value's hash; 0: empty
    uint32_t stamp = 0;  // how many times the slot was stored to
  };
  std::vector<Slot> slots_;
  // Per slot, tag_of() the hash last offered: another value mistaken for it
  // once in 2^31 is only kept a little early.
  std::vector<uint32_t> offered_;
  struct Entry {
    std::string value;
    std::vector<uint32_t> atoms;
  };
  std::vector<Entry> entries_;
  size_t mask_ = 0;

  // A cache of the largest size kept by the same rule, tags only (both empty
  // once at that size): the value last offered to each slot and the value
  // kept in it; and the misses it would have answered since the last check.
  std::vector<uint32_t> larger_offered_, larger_kept_;
  uint32_t lookups_ = 0, larger_would_hit_ = 0;
};

}  // namespace shodo::detect::engine

#include "detect/engine/value_cache.h"

#include <bit>

namespace shodo::detect::engine {

namespace {

size_t power_of_two(size_t n) {
  return std::bit_ceil(n < 1 ? size_t{1} : n);
}

// The high half of the hash, never 0 (an empty slot).
uint32_t tag_of(uint64_t hash) {
  return static_cast<uint32_t>(hash >> 32) | 1u;
}

}  // namespace

ValueCache::ValueCache(size_t slots, size_t max_slots) {
  const size_t first = power_of_two(slots), largest = power_of_two(max_slots);
  resize(first);
  if (largest > first) {
    larger_offered_.assign(largest, 0);
    larger_kept_.assign(largest, 0);
  }
}

void ValueCache::resize(size_t slots) {
  slots_.assign(slots, {});
  offered_.assign(slots, 0);
  entries_.assign(slots, {});
  mask_ = slots - 1;
}

const std::vector<uint32_t>* ValueCache::find(std::string_view value, uint64_t hash) const {
  const size_t i = hash & mask_;
  if (slots_[i].tag != tag_of(hash) || entries_[i].value != value) return nullptr;
  return &entries_[i].atoms;
}

ValueCache::Found ValueCache::find_kept(std::string_view value, uint64_t hash) {
  const auto slot = static_cast<uint32_t>(hash & mask_);
  const Found found{find(value, hash), slot, slots_[slot].stamp};
  if (!larger_kept_.empty()) {
    ++lookups_;
    if (!found.atoms && larger_kept_[hash & (larger_kept_.size() - 1)] == tag_of(hash))
      ++larger_would_hit_;
  }
  return found;
}

void ValueCache::store(std::string_view value, uint64_t hash, const std::vector<uint32_t>& atoms) {
  if (value.size() > kMaxValue) return;
  const uint32_t tag = tag_of(hash);
  if (!larger_kept_.empty()) {  // the same offer to the larger cache
    const size_t j = hash & (larger_kept_.size() - 1);
    if (larger_offered_[j] != tag)
      larger_offered_[j] = tag;
    else
      larger_kept_[j] = tag;
  }
  const size_t i = hash & mask_;
  if (offered_[i] != tag) {
    offered_[i] = tag;
    return;
  }
  Slot& slot = slots_[i];
  slot.tag = tag;
  ++slot.stamp;
  entries_[i].value.assign(value);
  entries_[i].atoms.assign(atoms.begin(), atoms.end());
}

void ValueCache::adapt() {
  if (lookups_ < kAdaptEvery) return;
  const bool grow = uint64_t{larger_would_hit_} * kGrowRatio > lookups_;
  lookups_ = larger_would_hit_ = 0;
  if (!grow) return;
  resize(larger_kept_.size());
  larger_offered_ = {};
  larger_kept_ = {};
}

}  // namespace shodo::detect::engine

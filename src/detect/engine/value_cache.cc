#include "detect/engine/value_cache.h"

#include <bit>

#include "util/hash.h"

namespace shodo::detect::engine {

ValueCache::ValueCache(size_t slots)
    : slots_(std::bit_ceil(slots < 1 ? size_t{1} : slots)), entries_(slots_.size()) {
  mask_ = slots_.size() - 1;
}

uint64_t ValueCache::hash(std::string_view value) {
  return util::hash_bytes(0, value);
}

const std::vector<uint32_t>* ValueCache::find(std::string_view value, uint64_t hash) const {
  const size_t i = hash & mask_;
  if (slots_[i].hash != hash || entries_[i].value != value) return nullptr;
  return &entries_[i].atoms;
}

ValueCache::Found ValueCache::find_kept(std::string_view value, uint64_t hash) const {
  const auto slot = static_cast<uint32_t>(hash & mask_);
  return {find(value, hash), slot, slots_[slot].stamp};
}

void ValueCache::store(std::string_view value, uint64_t hash, const std::vector<uint32_t>& atoms) {
  if (value.size() > kMaxValue) return;
  const size_t i = hash & mask_;
  Slot& slot = slots_[i];
  if (const auto high = static_cast<uint32_t>(hash >> 32); slot.offered != high) {
    slot.offered = high;
    return;
  }
  slot.hash = hash;
  ++slot.stamp;
  entries_[i].value.assign(value);
  entries_[i].atoms.assign(atoms.begin(), atoms.end());
}

}  // namespace shodo::detect::engine

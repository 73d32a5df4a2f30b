#include "pii/hash_set.h"

#include "util/hash.h"

namespace shodo::pii {

uint64_t value_key(uint32_t domain, std::string_view normalized) {
  // Keyed per process, the domain on top: values are counted as distinct by
  // this key alone, and a file's author must not be able to make many values
  // count as one or pile them into one slot. (The seed is drawn once, not per
  // value.)
  static const uint64_t seed = util::table_seed(0x100);
  return util::hash_bytes(seed ^ domain, normalized);
}

bool HashSet64::insert(uint64_t key) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i] == key) return false;
    if (slots_[i] == 0) {
      slots_[i] = key;
      ++size_;
      return true;
    }
  }
}

void HashSet64::flush() {
  if (pending_size_ == 0) return;
  if ((size_ + pending_size_) * 2 > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = 0; i < pending_size_; ++i) __builtin_prefetch(&slots_[pending_[i] & mask]);
  const size_t n = pending_size_;
  pending_size_ = 0;
  for (size_t i = 0; i < n; ++i) insert(pending_[i]);
}

void HashSet64::grow() {
  ZeroedArray<uint64_t> old = std::move(slots_);
  slots_ = ZeroedArray<uint64_t>(old.empty() ? 64 : old.size() * 2);
  size_ = 0;
  for (uint64_t k : old)
    if (k) insert(k);
}

}  // namespace shodo::pii

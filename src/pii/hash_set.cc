#include "pii/hash_set.h"

#include <functional>

namespace shodo::pii {

uint64_t value_key(uint32_t domain, std::string_view normalized) {
  // std::hash spreads the bytes; the splitmix64 finalizer mixes in the kind.
  uint64_t h = std::hash<std::string_view>{}(normalized) + (uint64_t{domain} << 56);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h ? h : 1;
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
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
  size_ = 0;
  for (uint64_t k : old)
    if (k) insert(k);
}

}  // namespace shodo::pii

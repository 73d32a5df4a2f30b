#include "pii/hash_set.h"

#include <bit>
#include <cstring>

namespace shodo::pii {

namespace {

// splitmix64's finalizer: a bijection that spreads every input bit.
uint64_t mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

uint64_t load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
uint64_t load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// 0 to 8 bytes in one word, every byte in it (overlapping loads: with the
// length, which the key holds, no two strings give the same word).
uint64_t load_short(const char* p, size_t n) {
  if (n >= 4) return load4(p) | load4(p + n - 4) << 32;
  if (n == 0) return 0;
  const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
  return byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
}

}  // namespace

uint64_t value_key(uint32_t domain, std::string_view normalized) {
  // The kind and length start it, mixed on their own: xored into the first
  // word, they would make a longer value equal to a shorter one. Then 8
  // bytes a step, each step a bijection of the word and of the state with
  // one multiply on the chain (values are short: an e-mail address, 16 card
  // digits), and a full mix of the last word.
  constexpr uint64_t k1 = 0x87c37b91114253d5ull, k2 = 0x4cf5ad432745937full;
  const char* p = normalized.data();
  size_t n = normalized.size();
  uint64_t h = mix(0x9e3779b97f4a7c15ull ^ (uint64_t{domain} << 40) ^ n);
  for (; n > 8; p += 8, n -= 8) h = std::rotl(h ^ (load8(p) * k1), 31) * k2;
  h = mix(h ^ load_short(p, n));
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
  ZeroedArray<uint64_t> old = std::move(slots_);
  slots_ = ZeroedArray<uint64_t>(old.empty() ? 64 : old.size() * 2);
  size_ = 0;
  for (uint64_t k : old)
    if (k) insert(k);
}

}  // namespace shodo::pii

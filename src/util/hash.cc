#include "util/hash.h"

#include <bit>
#include <cstring>

namespace shodo::util {

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
// length, which the hash holds, no two strings give the same word).
uint64_t load_short(const char* p, size_t n) {
  if (n >= 4) return load4(p) | load4(p + n - 4) << 32;
  if (n == 0) return 0;
  const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
  return byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
}

}  // namespace

uint64_t hash_bytes(uint64_t seed, std::string_view bytes) {
  // The seed and length start it, mixed on their own: xored into the first
  // word, they would make a longer value equal to a shorter one. Then 8
  // bytes a step, each step a bijection of the word and of the state with
  // one multiply on the chain, and a full mix of the last word.
  constexpr uint64_t k1 = 0x87c37b91114253d5ull, k2 = 0x4cf5ad432745937full;
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t h = mix(0x9e3779b97f4a7c15ull ^ (seed << 40) ^ n);
  if (n > 8 && n <= 16) {
    // One step and the last 8 bytes, overlapping: addresses and other short
    // keys are most of what is hashed.
    h = std::rotl(h ^ (load8(p) * k1), 31) * k2;
    h = mix(h ^ load8(p + n - 8));
    return h ? h : 1;
  }
  for (; n > 8; p += 8, n -= 8) h = std::rotl(h ^ (load8(p) * k1), 31) * k2;
  h = mix(h ^ load_short(p, n));
  return h ? h : 1;
}

}  // namespace shodo::util

// Unaligned little words of a byte string, for the hashes (hash.cc,
// cache_hash.cc): loads that never read past the bytes they are given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace shodo::util {

inline uint64_t load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint64_t load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// 0 to 8 bytes in one word, every byte in it (overlapping loads: with the
// length, which the hashes hold, no two strings give the same word).
inline uint64_t load_upto8(const char* p, size_t n) {
  if (n >= 4) return load4(p) | load4(p + n - 4) << 32;
  if (n == 0) return 0;
  const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
  return byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
}

}  // namespace shodo::util

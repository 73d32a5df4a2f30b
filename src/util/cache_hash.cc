#include "util/cache_hash.h"

#include "util/hash.h"
#include "util/load_bytes.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace shodo::util {

CacheHashKey cache_hash_key(uint64_t domain) {
  CacheHashKey key{};
  for (uint64_t i = 0; i < 6; ++i) key.words[i] = table_seed(domain ^ (i + 1) << 56);
  return key;
}

#if defined(__x86_64__)

namespace {

#define SHODO_AES_TARGET __attribute__((target("aes,sse4.1")))

SHODO_AES_TARGET __m128i load16(const char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// 0 to 16 bytes in one block, without reading past them: overlapping loads,
// which the length (mixed in first) makes unambiguous.
SHODO_AES_TARGET __m128i load_short(const char* p, size_t n) {
  const uint64_t lo = n >= 8 ? load8(p) : load_upto8(p, n);
  const uint64_t hi = n >= 8 ? load8(p + n - 8) : 0;
  return _mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo));
}

// One AES round absorbs each block (the state is xored with it first, so
// what came before runs through the S-boxes with it); three more rounds
// spread the last block over every bit. Longer values run in two lanes
// whose rounds do not wait on each other.
SHODO_AES_TARGET uint64_t aes_hash(const CacheHashKey& key, std::string_view bytes) {
  const auto* words = reinterpret_cast<const char*>(key.words);
  const __m128i k0 = load16(words), k1 = load16(words + 16), k2 = load16(words + 32);
  const char* p = bytes.data();
  size_t n = bytes.size();
  // The length through a round of its own before any byte: xored in with
  // the first block, a byte could undo a difference in length.
  __m128i s = _mm_aesenc_si128(_mm_xor_si128(k0, _mm_cvtsi64_si128(static_cast<long long>(n))), k1);
  if (n <= 16) {
    s = _mm_aesenc_si128(_mm_xor_si128(s, load_short(p, n)), k1);
  } else if (n <= 32) {
    s = _mm_aesenc_si128(_mm_xor_si128(s, load16(p)), k1);
    s = _mm_aesenc_si128(_mm_xor_si128(s, load16(p + n - 16)), k2);
  } else {
    __m128i t = _mm_xor_si128(s, k2);
    const char* const end = p + n;
    for (; end - p > 32; p += 32) {
      s = _mm_aesenc_si128(_mm_xor_si128(s, load16(p)), k1);
      t = _mm_aesenc_si128(_mm_xor_si128(t, load16(p + 16)), k1);
    }
    // The last 32 bytes, overlapping what the loop took.
    s = _mm_aesenc_si128(_mm_xor_si128(s, load16(end - 32)), k1);
    t = _mm_aesenc_si128(_mm_xor_si128(t, load16(end - 16)), k1);
    s = _mm_xor_si128(_mm_aesenc_si128(s, k2), t);
  }
  s = _mm_aesenc_si128(s, k2);
  s = _mm_aesenc_si128(s, k1);
  s = _mm_aesenc_si128(s, k0);
  const uint64_t h =
      static_cast<uint64_t>(_mm_cvtsi128_si64(s)) ^ static_cast<uint64_t>(_mm_extract_epi64(s, 1));
  return h ? h : 1;
}

bool has_aes() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("aes") && __builtin_cpu_supports("sse4.1");
}

// Settled before main(): no guard to check on every call.
const bool kHasAes = has_aes();

}  // namespace

uint64_t cache_hash(const CacheHashKey& key, std::string_view bytes) {
  return kHasAes ? aes_hash(key, bytes) : hash_bytes(key.words[0], bytes);
}

#else

uint64_t cache_hash(const CacheHashKey& key, std::string_view bytes) {
  return hash_bytes(key.words[0], bytes);
}

#endif

}  // namespace shodo::util

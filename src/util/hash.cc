#include "util/hash.h"

#include <bit>
#include <chrono>
#include <random>

#include "util/load_bytes.h"

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

constexpr uint64_t kFold1 = 0x87c37b91114253d5ull, kFold2 = 0x4cf5ad432745937full;

// One word into the state: a bijection of each, one multiply on the chain.
uint64_t fold(uint64_t state, uint64_t word) {
  return std::rotl(state ^ (word * kFold1), 31) * kFold2;
}

}  // namespace

uint64_t hash_bytes(uint64_t seed, std::string_view bytes) {
  // The seed and length start it, mixed on their own: xored into the first
  // word, they would make a longer value equal to a shorter one. Then 8
  // bytes a step, each step a bijection of the word and of the state with
  // one multiply on the chain, and a full mix of the last word.
  const char* p = bytes.data();
  size_t n = bytes.size();
  // (Rotated rather than shifted: all of a random seed counts, and seeds
  // below 2^24 hash as they always did, which the disk cache's checksums
  // rely on.)
  uint64_t h = mix(0x9e3779b97f4a7c15ull ^ std::rotl(seed, 40) ^ n);
  if (n > 8 && n <= 16) {
    // One step and the last 8 bytes, overlapping: addresses and other short
    // keys are most of what is hashed.
    h = mix(fold(h, load8(p)) ^ load8(p + n - 8));
    return h ? h : 1;
  }
  if (n > 32) {
    // Longer values (user agents, request targets) in four lanes, 32 bytes
    // a step: each lane's multiplies wait on each other, not on the other
    // lanes'. The lanes start apart and are folded in order, so words
    // swapped between lanes change the hash.
    uint64_t a = h, b = h + kFold1, c = h + kFold2, d = h - kFold1;
    for (; n > 32; p += 32, n -= 32) {
      a = fold(a, load8(p));
      b = fold(b, load8(p + 8));
      c = fold(c, load8(p + 16));
      d = fold(d, load8(p + 24));
    }
    h = fold(fold(fold(a, b), c), d);
  }
  for (; n > 8; p += 8, n -= 8) h = fold(h, load8(p));
  h = mix(h ^ load_upto8(p, n));
  return h ? h : 1;
}

uint64_t table_seed(uint64_t domain) {
  static const uint64_t process_key = [] {
    uint64_t key = 0;
    try {
      std::random_device device;
      key = (uint64_t{device()} << 32) ^ device();
    } catch (const std::exception&) {
      // No entropy source: the address of a local and the clock still
      // differ from run to run.
      key = reinterpret_cast<uintptr_t>(&key) ^
            static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    return key;
  }();
  return mix(process_key ^ mix(domain + 0x9e3779b97f4a7c15ull));
}

}  // namespace shodo::util

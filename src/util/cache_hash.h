// A keyed hash for caches that compare the values they keep: a collision
// there costs a miss, never a wrong answer, so speed matters more than the
// strength table_hash() gives tables that a flood of colliding keys would
// slow down quadratically. With x86-64's AES instructions it takes one AES
// round per 16 bytes and three to finish, several times fewer instructions
// than hash_bytes() on user agents and request targets; without them it is
// hash_bytes(). The key is drawn per process like table_seed(): values are
// placed differently on every run, and nothing written to disk may depend
// on it. One round between blocks is weak against a chosen second value:
// whoever knows a value can write another of the same length that collides
// with it in a few hundred tries, without the key. In a cache that costs
// the misses values that never repeat cost anyway; use table_hash() where
// a collision costs more.
#pragma once

#include <cstdint>
#include <string_view>

namespace shodo::util {

struct CacheHashKey {
  uint64_t words[6];
};
// The process's key for `domain` (from table_seed()).
CacheHashKey cache_hash_key(uint64_t domain);
// Never returns 0.
uint64_t cache_hash(const CacheHashKey& key, std::string_view bytes);

// cache_hash() under the process's key for kDomain, drawn once.
template <uint64_t kDomain>
uint64_t cache_hash(std::string_view bytes) {
  static const CacheHashKey key = cache_hash_key(kDomain);
  return cache_hash(key, bytes);
}

}  // namespace shodo::util

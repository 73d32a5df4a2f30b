// A fast 64-bit hash of short byte strings (values, keys of in-memory
// tables). Its steps can be inverted, so whoever knows the seed can write
// values that share a hash or a table slot. Tables keyed by evidence text
// (an attacker writes log lines) therefore hash with a table_seed(): drawn
// at random per process, it leaves the author of a log unable to pile values
// into one slot (hash flooding makes every look-up walk them all) or to pass
// distinct values off as one where only hashes are compared.
#pragma once

#include <cstdint>
#include <string_view>

namespace shodo::util {

// `seed` keeps kinds of values apart; never returns 0.
uint64_t hash_bytes(uint64_t seed, std::string_view bytes);

// A seed for in-memory tables keyed by evidence text: random, the same for
// the whole process (threads that split one input agree on every hash), and
// different for each `domain`. Nothing written to disk may depend on it.
uint64_t table_seed(uint64_t domain);
// hash_bytes under table_seed(kDomain), the seed drawn once.
template <uint64_t kDomain>
uint64_t table_hash(std::string_view bytes) {
  static const uint64_t seed = table_seed(kDomain);
  return hash_bytes(seed, bytes);
}

}  // namespace shodo::util

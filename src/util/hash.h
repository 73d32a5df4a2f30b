// A fast 64-bit hash of short byte strings (values, keys of in-memory
// tables), not for anything an attacker could exploit by collision: callers
// compare the values themselves, or accept a 2^-64 chance.
#pragma once

#include <cstdint>
#include <string_view>

namespace shodo::util {

// `seed` keeps kinds of values apart; never returns 0.
uint64_t hash_bytes(uint64_t seed, std::string_view bytes);

}  // namespace shodo::util

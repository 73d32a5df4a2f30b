// Limits of time and memory that tests assert, scaled when the tests run
// under AddressSanitizer (scripts/sanitize): its shadow memory and
// quarantine take memory, its checks time. gcc says so with a macro, clang
// with __has_feature.
#pragma once

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SHODO_TEST_ASAN 1
#endif
#endif

namespace shodo::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(SHODO_TEST_ASAN)
inline constexpr long kMemoryFactor = 3;
inline constexpr long kTimeFactor = 5;
#else
inline constexpr long kMemoryFactor = 1;
inline constexpr long kTimeFactor = 1;
#endif

}  // namespace shodo::testing

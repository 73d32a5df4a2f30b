// Compressed evidence that expands far more than logs or web files ever do is
// a compression bomb: readers stop there and say so, so that one small file
// can neither fill the disk nor take the whole run's time.
#pragma once

#include <cstdint>
#include <string>

namespace shodo::util {

struct ExpansionLimit {
  // Expanded bytes per compressed byte. Logs compress 5 to 30 times (50 for
  // the most repetitive); gzip cannot exceed about 1032, so a ratio well
  // below that catches its bombs too. 0: no limit.
  uint64_t ratio = 200;
  // Up to this many expanded bytes nothing counts as a bomb: a small file of
  // zeros is ordinary.
  uint64_t floor_bytes = 256ull << 20;

  bool exceeded(uint64_t compressed, uint64_t expanded) const {
    return ratio != 0 && expanded > floor_bytes && expanded / ratio > compressed;
  }
  // The problem, in words, for a report.
  std::string reason(uint64_t compressed, uint64_t expanded) const;
};

}  // namespace shodo::util

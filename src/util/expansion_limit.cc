#include "util/expansion_limit.h"

#include <fmt/format.h>

namespace shodo::util {

std::string ExpansionLimit::reason(uint64_t compressed, uint64_t expanded) const {
  return fmt::format(
      "compression bomb: {} bytes expanded from {} (more than {} times, the limit set with "
      "--max-expansion): the rest is not read",
      expanded, compressed, ratio);
}

}  // namespace shodo::util

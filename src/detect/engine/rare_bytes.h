// Bytes that hardly occur in log lines: not letters, digits or spaces, nor
// the punctuation of URLs, user agents and log formats. A keyword search over
// a block of lines first looks for such bytes (memchr runs at memory speed)
// when every keyword holds one, and searches only the lines that have one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shodo::detect::engine {

// Whether `c` is such a byte.
bool rare_in_logs(unsigned char c);

// At most `max` rare bytes such that each literal holds one of them; empty
// when some literal holds none, or more would be needed.
std::string rare_byte_cover(const std::vector<std::string_view>& literals, size_t max);

}  // namespace shodo::detect::engine

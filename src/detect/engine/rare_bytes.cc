#include "detect/engine/rare_bytes.h"

#include <algorithm>

namespace shodo::detect::engine {

bool rare_in_logs(unsigned char c) {
  if (c >= 0x80 || c == '\t') return false;  // UTF-8 text; tab-separated formats
  if (c < 0x20 || c == 0x7f) return true;    // control bytes
  return std::string_view("{}$#@`|<>\\^~!*'").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string rare_byte_cover(const std::vector<std::string_view>& literals, size_t max) {
  std::string cover;
  for (std::string_view literal : literals) {
    if (std::any_of(literal.begin(), literal.end(),
                    [&](char c) { return cover.find(c) != std::string::npos; }))
      continue;
    const auto rare = std::find_if(literal.begin(), literal.end(), [](char c) {
      return rare_in_logs(static_cast<unsigned char>(c));
    });
    if (rare == literal.end() || cover.size() == max) return {};
    cover.push_back(*rare);
  }
  return cover;
}

}  // namespace shodo::detect::engine

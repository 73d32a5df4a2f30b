#include "disk/safe_name.h"

#include <fmt/format.h>

#include <functional>

#include "util/escape.h"

namespace shodo::disk {

std::string safe_name(std::string_view name) {
  if (name.empty()) return "%";
  if (name == ".") return "%2E";
  if (name == "..") return "%2E%2E";
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    const auto c = static_cast<unsigned char>(name[i]);
    const size_t len = util::utf8_sequence_length(name, i);
    const bool c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(name[i + 1]) < 0xA0;
    if (len == 0 || c1 || c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == '%') {
      out += fmt::format("%{:02X}", c);
      ++i;
    } else {
      out.append(name.substr(i, len));
      i += len;
    }
  }
  constexpr size_t kMax = 200;  // file systems allow 255 bytes; room for a "~N" suffix
  if (out.size() > kMax) {
    size_t cut = kMax - 17;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = fmt::format("{}~{:016x}", out.substr(0, cut), std::hash<std::string_view>{}(name));
  }
  return out;
}

}  // namespace shodo::disk

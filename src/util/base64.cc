#include "util/base64.h"

#include <array>
#include <cstdint>

namespace shodo::util {

namespace {

constexpr std::array<int8_t, 256> kValue = [] {
  std::array<int8_t, 256> t{};
  t.fill(-1);
  for (int i = 0; i < 26; ++i) {
    t['A' + i] = static_cast<int8_t>(i);
    t['a' + i] = static_cast<int8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<int8_t>(52 + i);
  t['+'] = t['-'] = 62;
  t['/'] = t['_'] = 63;
  return t;
}();

}  // namespace

bool decode_base64(std::string_view in, std::string& out) {
  while (!in.empty() && in.back() == '=' && in.size() % 4 != 1) in.remove_suffix(1);
  if (in.size() < 4 || in.size() % 4 == 1) return false;
  out.clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const int v = kValue[static_cast<unsigned char>(c)];
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return true;
}

}  // namespace shodo::util

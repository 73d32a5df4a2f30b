// Encoding modifiers: base64, base64offset and the UTF-16 forms.
#include <array>

#include "detect/sigma/modifiers/modifiers.h"

namespace shodo::detect::sigma::modifiers {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Decodes one UTF-8 sequence at `i` (advancing it); a byte that does not
// start a valid sequence is taken as the Latin-1 character of that value.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t extra = lead >= 0xC2 && lead < 0xE0   ? 1
                       : lead >= 0xE0 && lead < 0xF0 ? 2
                       : lead >= 0xF0 && lead < 0xF5 ? 3
                                                     : 0;
  if (extra == 0) {
    ++i;
    return lead;
  }
  char32_t cp = lead & (0x3F >> extra);
  for (size_t k = 1; k <= extra; ++k) {
    const auto b = i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    if ((b & 0xC0) != 0x80) {
      ++i;
      return lead;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += 1 + extra;
  return cp;
}

void put_unit(std::string& out, char16_t unit, bool big_endian) {
  const char lo = static_cast<char>(unit & 0xFF), hi = static_cast<char>(unit >> 8);
  out += big_endian ? hi : lo;
  out += big_endian ? lo : hi;
}

}  // namespace

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    uint32_t group = 0;
    for (size_t k = 0; k < 3; ++k)
      group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0);
    for (size_t k = 0; k < 4; ++k) out += k <= n ? kAlphabet[(group >> (18 - 6 * k)) & 0x3F] : '=';
  }
  return out;
}

std::vector<std::string> base64_offsets(std::string_view bytes) {
  // Behind `shift` unknown bytes, the first characters of the encoding also
  // carry bits of those bytes, and the last ones bits of whatever follows:
  // cut them, keep the part that is always the same.
  static constexpr std::array<size_t, 3> kCutFront = {0, 2, 3};
  static constexpr std::array<size_t, 3> kCutBack = {0, 3, 2};  // by (shift + size) % 3
  std::vector<std::string> out;
  for (size_t shift = 0; shift < 3; ++shift) {
    const std::string encoded = base64(std::string(shift, '\0') + std::string(bytes));
    const size_t front = kCutFront[shift], back = kCutBack[(shift + bytes.size()) % 3];
    if (encoded.size() <= front + back) continue;
    std::string fragment = encoded.substr(front, encoded.size() - front - back);
    bool seen = false;
    for (const std::string& f : out) seen = seen || f == fragment;
    if (!seen) out.push_back(std::move(fragment));
  }
  return out;
}

std::string utf16(std::string_view utf8, Utf16 form) {
  const bool big_endian = form == Utf16::be;
  std::string out;
  if (form == Utf16::le_with_bom) put_unit(out, 0xFEFF, false);
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {
      put_unit(out, static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)), big_endian);
      put_unit(out, static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)), big_endian);
    } else {
      put_unit(out, static_cast<char16_t>(cp), big_endian);
    }
  }
  return out;
}

}  // namespace shodo::detect::sigma::modifiers

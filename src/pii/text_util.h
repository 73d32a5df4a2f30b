// Small byte-level helpers shared by the finders.
#pragma once

#include <string_view>

namespace shodo::pii {

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alpha(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
}

// `word` (lower-case ASCII) occurs in `text`, ignoring ASCII case.
bool contains_ascii_word(std::string_view text, std::string_view word);

// `text` equals `word` (lower-case ASCII), ignoring ASCII case.
bool equals_ascii_lower(std::string_view text, std::string_view word);

}  // namespace shodo::pii

// ASCII case folding without locale lookups: evidence is bytes, and SQL and
// shell keywords are ASCII whatever the bytes around them.
#pragma once

#include <string_view>

namespace shodo::leak {

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `lower` is lower case.
constexpr bool iequals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (ascii_lower(s[i]) != lower[i]) return false;
  }
  return true;
}

constexpr bool istarts_with(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && iequals(s.substr(0, lower.size()), lower);
}

constexpr bool iends_with(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && iequals(s.substr(s.size() - lower.size()), lower);
}

constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace shodo::leak

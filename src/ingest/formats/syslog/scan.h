// Small scanning helpers for the line-oriented text formats (syslog, mail,
// error logs, shell histories). They work on string_views and never read
// outside them, whatever the bytes.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/arena.h"

namespace shodo::ingest::scan {

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when s is non-empty and only decimal digits.
inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// Removes `prefix` from the front of s when it is there.
inline bool eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// The text before the first `delim`; s keeps what follows it. False (s
// untouched) when there is no delim.
inline bool until(std::string_view& s, std::string_view delim, std::string_view& out) {
  const size_t p = s.find(delim);
  if (p == std::string_view::npos) return false;
  out = s.substr(0, p);
  s.remove_prefix(p + delim.size());
  return true;
}

// The next space-delimited word; s keeps what follows the space.
inline std::string_view word(std::string_view& s) {
  const size_t p = s.find(' ');
  std::string_view w = s.substr(0, p);
  s.remove_prefix(p == std::string_view::npos ? s.size() : p + 1);
  return w;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "<addr>" without its brackets; other text as it is.
inline std::string_view unbracket(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') return s.substr(1, s.size() - 2);
  return s;
}

// A decimal number of at most 18 digits filling s.
bool number(std::string_view s, int64_t& out);
// A TCP/UDP port (0-65535) filling s.
bool port(std::string_view s, int32_t& out);

bool is_ipv4(std::string_view s);
bool is_ipv6(std::string_view s);
inline bool is_ip(std::string_view s) {
  return is_ipv4(s) || is_ipv6(s);
}

// "name[ip]" or "name[ip]:port" (Postfix) and "[ip]:port" (Exim): the parts,
// false when the brackets do not hold an address. name may be empty.
bool host_bracket_ip(std::string_view s, std::string_view& name, std::string_view& ip,
                     int32_t& port_out);

// The concatenation of the parts, kept in the arena.
std::string_view join(Arena& arena, std::string_view a, std::string_view b, std::string_view c = {},
                      std::string_view d = {});

}  // namespace shodo::ingest::scan

#include "ingest/formats/syslog/scan.h"

#include <cstring>

namespace shodo::ingest::scan {

bool number(std::string_view s, int64_t& out) {
  if (!all_digits(s) || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  out = v;
  return true;
}

bool port(std::string_view s, int32_t& out) {
  int64_t v = 0;
  if (s.size() > 5 || !number(s, v) || v > 65535) return false;
  out = static_cast<int32_t>(v);
  return true;
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  size_t i = 0;
  while (true) {
    size_t start = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) v = v * 10 + (s[i++] - '0');
    if (i == start || v > 255) return false;
    ++parts;
    if (i == s.size()) return parts == 4;
    if (s[i] != '.' || parts == 4) return false;
    ++i;
  }
}

bool is_ipv6(std::string_view s) {
  // A zone ("fe80::1%eth0") is part of a link-local address as logged.
  if (size_t pct = s.find('%'); pct != std::string_view::npos) {
    if (pct + 1 == s.size()) return false;
    s = s.substr(0, pct);
  }
  if (s.size() < 2 || s.size() > 45) return false;
  auto hex = [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  int groups = 0;
  bool compressed = false;
  size_t i = 0;
  if (s.starts_with("::")) {
    compressed = true;
    i = 2;
  } else if (s[0] == ':') {
    return false;
  }
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && hex(s[j]) && j - i < 5) ++j;
    if (j < s.size() && s[j] == '.') {
      // An embedded IPv4 address ends it (::ffff:192.0.2.1).
      if (!is_ipv4(s.substr(i))) return false;
      groups += 2;
      break;
    }
    if (j == i || j - i > 4) return false;
    ++groups;
    i = j;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
    } else if (i == s.size()) {
      return false;
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

bool host_bracket_ip(std::string_view s, std::string_view& name, std::string_view& ip,
                     int32_t& port_out) {
  const size_t open = s.find('[');
  if (open == std::string_view::npos) return false;
  const size_t close = s.find(']', open);
  if (close == std::string_view::npos) return false;
  std::string_view addr = s.substr(open + 1, close - open - 1);
  // Exim and Postfix may prefix IPv6 with "IPv6:".
  if (addr.starts_with("IPv6:") || addr.starts_with("ipv6:")) addr.remove_prefix(5);
  if (!is_ip(addr)) return false;
  std::string_view after = s.substr(close + 1);
  int32_t p = -1;
  if (after.size() > 1 && after[0] == ':') {
    std::string_view digits = after.substr(1);
    size_t n = 0;
    while (n < digits.size() && is_digit(digits[n])) ++n;
    if (n > 0 && !port(digits.substr(0, n), p)) p = -1;
  }
  name = s.substr(0, open);
  ip = addr;
  port_out = p;
  return true;
}

std::string_view join(Arena& arena, std::string_view a, std::string_view b, std::string_view c,
                      std::string_view d) {
  const size_t n = a.size() + b.size() + c.size() + d.size();
  char* p = arena.reserve(n);
  size_t at = 0;
  for (std::string_view part : {a, b, c, d}) {
    if (part.empty()) continue;
    std::memcpy(p + at, part.data(), part.size());
    at += part.size();
  }
  return arena.commit(n);
}

}  // namespace shodo::ingest::scan

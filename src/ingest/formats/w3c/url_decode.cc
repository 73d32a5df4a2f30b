#include "ingest/formats/w3c/url_decode.h"

namespace shodo::ingest::w3c {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view plus_to_space(std::string_view s, Arena& arena) {
  if (s.find('+') == std::string_view::npos) return s;
  char* out = arena.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) out[i] = s[i] == '+' ? ' ' : s[i];
  return arena.commit(s.size());
}

std::string_view percent_decode(std::string_view s, Arena& arena) {
  if (s.find('%') == std::string_view::npos) return s;
  char* out = arena.reserve(s.size());
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = 0, lo = 0;
    if (s[i] == '%' && i + 2 < s.size() && (hi = hex_value(s[i + 1])) >= 0 &&
        (lo = hex_value(s[i + 2])) >= 0) {
      out[n++] = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out[n++] = s[i];
    }
  }
  return arena.commit(n);
}

}  // namespace shodo::ingest::w3c

#include "ingest/formats/w3c/url_decode.h"

#include "util/hex.h"

namespace shodo::ingest::w3c {

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
    if (s[i] == '%' && i + 2 < s.size() && (hi = util::hex_value(s[i + 1])) >= 0 &&
        (lo = util::hex_value(s[i + 2])) >= 0) {
      out[n++] = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out[n++] = s[i];
    }
  }
  return arena.commit(n);
}

}  // namespace shodo::ingest::w3c

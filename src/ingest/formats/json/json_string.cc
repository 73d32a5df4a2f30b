#include "ingest/formats/json/json_string.h"

#include <cstdint>

#include "util/hex.h"

namespace shodo::ingest::json {
namespace {

// Reads n hex digits at s[pos].
bool read_hex(std::string_view s, size_t pos, int n, uint32_t& out) {
  if (pos + n > s.size()) return false;
  uint32_t v = 0;
  for (int i = 0; i < n; ++i) {
    const int h = util::hex_value(s[pos + i]);
    if (h < 0) return false;
    v = v * 16 + static_cast<uint32_t>(h);
  }
  out = v;
  return true;
}

size_t put_utf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace

bool unescape_string(std::string_view body, Arena& arena, std::string_view& out) {
  // Every escape decodes to no more bytes than it is written with.
  char* const dst = arena.reserve(body.size());
  size_t n = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\') {
      dst[n++] = c;
      continue;
    }
    if (++i == body.size()) return false;
    switch (body[i]) {
      case '"':
      case '\\':
      case '/': dst[n++] = body[i]; break;
      case 'b': dst[n++] = '\b'; break;
      case 'f': dst[n++] = '\f'; break;
      case 'n': dst[n++] = '\n'; break;
      case 'r': dst[n++] = '\r'; break;
      case 't': dst[n++] = '\t'; break;
      case 'x': {
        uint32_t byte = 0;
        if (!read_hex(body, i + 1, 2, byte)) return false;
        dst[n++] = static_cast<char>(byte);
        i += 2;
        break;
      }
      case 'u': {
        uint32_t cp = 0;
        if (!read_hex(body, i + 1, 4, cp)) return false;
        i += 4;
        uint32_t low = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < body.size() && body[i + 1] == '\\' &&
            body[i + 2] == 'u' && read_hex(body, i + 3, 4, low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        n += put_utf8(cp, dst + n);
        break;
      }
      default: return false;
    }
  }
  out = arena.commit(n);
  return true;
}

}  // namespace shodo::ingest::json

#include "ingest/formats/template/escapes.h"

#include "util/hex.h"

namespace shodo::ingest::tpl {
namespace {

// n hex digits at s[i], or -1.
int32_t hex_at(std::string_view s, size_t i, int n) {
  if (i + n > s.size()) return -1;
  int32_t v = 0;
  for (int k = 0; k < n; ++k) {
    const int d = util::hex_value(s[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

char* put_utf8(char* out, uint32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// One JSON escape at s[i] (s[i] == '\\'): writes its text, returns the bytes
// read, 0 when it is not a valid escape. Output never outgrows the input:
// \uXXXX (6 bytes) gives at most 3, a surrogate pair (12) gives 4.
size_t json_escape(std::string_view s, size_t i, char*& out) {
  if (i + 1 >= s.size()) return 0;
  switch (s[i + 1]) {
    case '"': *out++ = '"'; return 2;
    case '\\': *out++ = '\\'; return 2;
    case '/': *out++ = '/'; return 2;
    case 'b': *out++ = '\b'; return 2;
    case 'f': *out++ = '\f'; return 2;
    case 'n': *out++ = '\n'; return 2;
    case 'r': *out++ = '\r'; return 2;
    case 't': *out++ = '\t'; return 2;
    case 'u': break;
    default: return 0;
  }
  const int32_t hi = hex_at(s, i + 2, 4);
  if (hi < 0) return 0;
  if (hi >= 0xD800 && hi < 0xDC00 && i + 7 < s.size() && s[i + 6] == '\\' && s[i + 7] == 'u') {
    const int32_t lo = hex_at(s, i + 8, 4);
    if (lo >= 0xDC00 && lo < 0xE000) {
      out = put_utf8(out, 0x10000 + ((static_cast<uint32_t>(hi) - 0xD800) << 10) +
                              (static_cast<uint32_t>(lo) - 0xDC00));
      return 12;
    }
  }
  // A lone surrogate has no UTF-8 form: the replacement character stands in.
  out = put_utf8(out, hi >= 0xD800 && hi < 0xE000 ? 0xFFFD : static_cast<uint32_t>(hi));
  return 6;
}

// One Apache escape at s[i] (s[i] == '\\'), as json_escape.
size_t apache_escape(std::string_view s, size_t i, char*& out) {
  if (i + 1 >= s.size()) return 0;
  switch (s[i + 1]) {
    case '"': *out++ = '"'; return 2;
    case '\\': *out++ = '\\'; return 2;
    case 'n': *out++ = '\n'; return 2;
    case 'r': *out++ = '\r'; return 2;
    case 't': *out++ = '\t'; return 2;
    case 'b': *out++ = '\b'; return 2;
    case 'v': *out++ = '\v'; return 2;
    case 'x': break;
    default: return 0;
  }
  const int32_t v = hex_at(s, i + 2, 2);
  if (v < 0) return 0;
  *out++ = static_cast<char>(v);
  return 4;
}

size_t nginx_escape(std::string_view s, size_t i, char*& out) {
  if (i + 1 >= s.size() || s[i + 1] != 'x') return 0;
  const int32_t v = hex_at(s, i + 2, 2);
  if (v < 0) return 0;
  *out++ = static_cast<char>(v);
  return 4;
}

}  // namespace

std::string_view unescape(Escape mode, std::string_view s, Arena& arena) {
  char* const begin = arena.reserve(s.size());
  char* out = begin;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\') {
      *out++ = s[i++];
      continue;
    }
    size_t used = 0;
    switch (mode) {
      case Escape::apache: used = apache_escape(s, i, out); break;
      case Escape::nginx: used = nginx_escape(s, i, out); break;
      case Escape::json: used = json_escape(s, i, out); break;
      case Escape::none: break;
    }
    if (used == 0) {
      *out++ = s[i];
      used = 1;
    }
    i += used;
  }
  return arena.commit(static_cast<size_t>(out - begin));
}

}  // namespace shodo::ingest::tpl

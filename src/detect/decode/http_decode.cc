#include "detect/decode/http_decode.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "util/hex.h"

namespace shodo::detect::decode {
namespace {

constexpr int kMaxPasses = 3;

// Bytes where a decodable sequence may start: escape introducers, the lead
// bytes of overlong UTF-8 forms of ASCII and that of the fullwidth forms.
constexpr std::array<bool, 256> kTrigger = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'%', '+', '&', '\\'}) t[c] = true;
  for (unsigned char c : {0xC0, 0xC1, 0xE0, 0xF0, 0xEF}) t[c] = true;
  return t;
}();

// The fullwidth forms of ASCII, U+FF01..U+FF5E ('！' .. '～'), are ASCII
// 0x21..0x7E to applications that normalize text (NFKC, best-fit code page
// mapping), which lets '＇' or '＜' past a filter that looks for ASCII. The
// ASCII character of fullwidth code point `cp`, or 0 when it is none.
char fullwidth_ascii(uint32_t cp) {
  return cp >= 0xFF01 && cp <= 0xFF5E ? static_cast<char>(cp - 0xFEE0) : 0;
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `n` hex digits at s[i]: their value, or -1.
int32_t hex_at(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return -1;
  int32_t v = 0;
  for (size_t k = 0; k < n; ++k) {
    const int h = util::hex_value(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// Writes code point `cp` as UTF-8; 0 when it is not a scalar value.
size_t utf8(uint32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp > 0x10FFFF) return 0;
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// The byte at s[i], raw or written "%HH"; `len` is how many chars it took.
int byte_at(std::string_view s, size_t i, size_t& len) {
  if (i >= s.size()) return -1;
  if (s[i] == '%') {
    const int32_t v = hex_at(s, i + 1, 2);
    if (v >= 0) {
      len = 3;
      return v;
    }
  }
  len = 1;
  return static_cast<unsigned char>(s[i]);
}

// An overlong UTF-8 form of an ASCII character at s[i], its bytes raw or
// percent-encoded in any mix: C0/C1 xx, E0 80/81 xx, F0 80 80/81 xx.
size_t overlong(std::string_view s, size_t i, char* buf) {
  size_t len = 0, at = i;
  const int lead = byte_at(s, at, len);
  int extra;
  uint32_t cp;
  if (lead == 0xC0 || lead == 0xC1) {
    extra = 1;
    cp = lead & 0x01;
  } else if (lead == 0xE0) {
    extra = 2;
    cp = 0;
  } else if (lead == 0xF0) {
    extra = 3;
    cp = 0;
  } else {
    return 0;
  }
  at += len;
  for (int k = 0; k < extra; ++k) {
    const int b = byte_at(s, at, len);
    if (b < 0x80 || b > 0xBF) return 0;
    cp = (cp << 6) | (b & 0x3F);
    at += len;
  }
  if (cp >= 0x80) return 0;  // a real (if overlong) non-ASCII character: left alone
  buf[0] = static_cast<char>(cp);
  return at - i;
}

// A fullwidth form of an ASCII character at s[i] (EF BC 81 .. EF BD 9E),
// its bytes raw or percent-encoded in any mix.
size_t fullwidth(std::string_view s, size_t i, char* buf) {
  size_t len = 0, at = i;
  if (byte_at(s, at, len) != 0xEF) return 0;
  at += len;
  const int second = byte_at(s, at, len);
  if (second != 0xBC && second != 0xBD) return 0;
  at += len;
  const int third = byte_at(s, at, len);
  if (third < 0x80 || third > 0xBF) return 0;
  at += len;
  const char ascii =
      fullwidth_ascii(static_cast<uint32_t>(0xF000 | (second & 0x3F) << 6 | (third & 0x3F)));
  if (!ascii) return 0;
  buf[0] = ascii;
  return at - i;
}

// `%uHHHH` or `\uHHHH` whose hex digits start at s[i] (`intro` is the '%' or
// '\' two chars before); a high surrogate is joined with a following low one
// written the same way. Returns the chars used from the intro on.
size_t unicode_escape(std::string_view s, size_t i, char intro, char* buf, size_t& n) {
  const int32_t hi = hex_at(s, i, 4);
  if (hi < 0) return 0;
  if (hi >= 0xD800 && hi <= 0xDBFF && i + 6 <= s.size() && s[i + 4] == intro &&
      (s[i + 5] == 'u' || s[i + 5] == 'U')) {
    const int32_t lo = hex_at(s, i + 6, 4);
    if (lo >= 0xDC00 && lo <= 0xDFFF) {
      n = utf8(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), buf);
      return 2 + 10;
    }
  }
  if (const char ascii = fullwidth_ascii(static_cast<uint32_t>(hi))) {
    buf[0] = ascii;
    n = 1;
    return 2 + 4;
  }
  n = utf8(static_cast<uint32_t>(hi), buf);
  return n ? 2 + 4 : 0;
}

// "&#60;", "&#x3c", "&lt;", "&LT" ... at s[i] (s[i] == '&').
size_t entity(std::string_view s, size_t i, char* buf, size_t& n) {
  size_t at = i + 1;
  if (at < s.size() && s[at] == '#') {
    ++at;
    const bool hex = at < s.size() && (s[at] == 'x' || s[at] == 'X');
    if (hex) ++at;
    const size_t digits = at;
    uint32_t cp = 0;
    for (; at < s.size(); ++at) {
      const int d =
          hex ? util::hex_value(s[at]) : (s[at] >= '0' && s[at] <= '9' ? s[at] - '0' : -1);
      if (d < 0) break;
      cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + d;  // saturates past the last code point
    }
    if (at == digits) return 0;
    n = utf8(cp, buf);
    if (n == 0) return 0;
    if (at < s.size() && s[at] == ';') ++at;
    return at - i;
  }
  struct Named {
    std::string_view name;
    char c;
  };
  static constexpr Named kNamed[] = {
      {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"amp", '&'}};
  for (const Named& e : kNamed) {
    if (at + e.name.size() > s.size()) continue;
    bool same = true;
    for (size_t k = 0; k < e.name.size() && same; ++k) same = (s[at + k] | 0x20) == e.name[k];
    if (!same) continue;
    size_t end = at + e.name.size();
    if (end < s.size() && s[end] == ';') {
      ++end;
    } else if (end < s.size() && (s[end] == '=' || is_alnum(s[end]))) {
      return 0;  // "&lt=5", "&amplifier": not a reference, as in HTML attributes
    }
    buf[0] = e.c;
    n = 1;
    return end - i;
  }
  return 0;
}

// The decodable sequence at s[i], if any: writes its value to buf (n bytes)
// and returns how many chars of s it replaces (0: none, s[i] stays).
size_t decode_one(std::string_view s, size_t i, bool first_pass, char* buf, size_t& n) {
  const char c = s[i];
  n = 1;
  if (size_t len = overlong(s, i, buf)) return len;
  if (size_t len = fullwidth(s, i, buf)) return len;
  switch (c) {
    case '%': {
      if (i + 1 < s.size() && (s[i + 1] == 'u' || s[i + 1] == 'U'))
        return unicode_escape(s, i + 2, '%', buf, n);
      const int32_t v = hex_at(s, i + 1, 2);
      if (v < 0) return 0;
      buf[0] = static_cast<char>(v);
      return 3;
    }
    case '+':
      if (!first_pass) return 0;
      buf[0] = ' ';
      return 1;
    case '&': return entity(s, i, buf, n);
    case '\\': {
      if (i + 1 >= s.size()) return 0;
      const char e = s[i + 1];
      if (e == 'u' || e == 'U') return unicode_escape(s, i + 2, '\\', buf, n);
      if (e == '/') {
        buf[0] = '/';
        return 2;
      }
      if (e != 'x' && e != 'X') return 0;
      const int32_t v = hex_at(s, i + 2, 2);
      if (v < 0) return 0;
      buf[0] = static_cast<char>(v);
      return 4;
    }
    default: return 0;
  }
}

// The first byte at or after `from` that kTrigger holds, or s.size(): 16
// bytes a step, since most text has none.
size_t next_trigger(std::string_view s, size_t from) {
  const char* const p = s.data();
  size_t i = from;
#ifdef __SSE2__
  const auto set = [](int c) { return _mm_set1_epi8(static_cast<char>(c)); };
  const __m128i percent = set('%'), plus = set('+'), amp = set('&'), backslash = set('\\'),
                c0 = set(0xC0), c1 = set(0xC1), e0 = set(0xE0), f0 = set(0xF0), ef = set(0xEF);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto eq = [&](__m128i c) { return _mm_cmpeq_epi8(v, c); };
    const __m128i escapes =
        _mm_or_si128(_mm_or_si128(eq(percent), eq(plus)), _mm_or_si128(eq(amp), eq(backslash)));
    // Only the overlong and fullwidth lead bytes: UTF-8 text (Japanese) has
    // high bytes everywhere.
    const __m128i leads = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(eq(c0), eq(c1)), _mm_or_si128(eq(e0), eq(f0))), eq(ef));
    if (const int mask = _mm_movemask_epi8(_mm_or_si128(escapes, leads)))
      return i + static_cast<size_t>(std::countr_zero(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < s.size(); ++i)
    if (kTrigger[static_cast<unsigned char>(p[i])]) return i;
  return s.size();
}

// Where the first decodable sequence starts, or npos.
size_t first_change(std::string_view s) {
  char buf[4];
  size_t n;
  for (size_t i = next_trigger(s, 0); i < s.size(); i = next_trigger(s, i + 1)) {
    if (decode_one(s, i, true, buf, n)) return i;
  }
  return std::string_view::npos;
}

// One decoding pass over s from `from`, in place (every sequence decodes to
// fewer or as many bytes as it had). Returns whether anything changed.
bool decode_pass(std::string& s, size_t from, bool first_pass) {
  bool changed = false;
  size_t w = from;
  char buf[4];
  for (size_t r = from; r < s.size();) {
    size_t n = 0;
    const size_t used = kTrigger[static_cast<unsigned char>(s[r])]
                            ? decode_one(std::string_view(s), r, first_pass, buf, n)
                            : 0;
    if (used == 0) {
      s[w++] = s[r++];
      continue;
    }
    std::memcpy(&s[w], buf, n);
    w += n;
    r += used;
    changed = true;
  }
  s.resize(w);
  return changed;
}

}  // namespace

bool decode_request(std::string_view in, std::string& out) {
  const size_t from = first_change(in);
  if (from == std::string_view::npos) return false;
  out.assign(in);
  decode_pass(out, from, true);
  for (int pass = 1; pass < kMaxPasses; ++pass) {
    if (!decode_pass(out, 0, false)) break;
  }
  return true;  // every sequence decode_one accepts changes the text
}

}  // namespace shodo::detect::decode

#include "pii/text_finder.h"

#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii/address.h"
#include "pii/birth_date.h"
#include "pii/card.h"
#include "pii/email.h"
#include "pii/hash_set.h"
#include "pii/my_number.h"
#include "pii/phone.h"
#include "pii/text_util.h"

namespace shodo::pii {
namespace {

// Bytes that may start something: digits and mask characters (cards,
// phones, codes, dates), '+' (+81), '@', and the last UTF-8 byte of the
// characters prefecture names end with (都 BD, 道 93, 府 9C, 県 8C).
enum : uint8_t { kRun = 1, kAt = 2, kPlus = 4, kTail = 8 };

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> c{};
  for (int d = '0'; d <= '9'; ++d) c[d] = kRun;
  c['*'] = c['X'] = c['x'] = c['#'] = kRun;
  c['@'] = kAt;
  c['+'] = kPlus;
  c[0xBD] = c[0x93] = c[0x9C] = c[0x8C] = kTail;
  return c;
}
constexpr std::array<uint8_t, 256> kClasses = make_classes();

// The position of the next byte with a class, from i on (n when none). In
// Japanese text a continuation byte comes every 3 bytes: a tail byte is a
// candidate only after the middle byte of its character.
size_t next_candidate(const unsigned char* b, size_t i, size_t n) {
#ifdef __SSE2__
  if (i == 0 && n > 0) {
    if (kClasses[b[0]] & (kRun | kAt | kPlus)) return 0;
    i = 1;
  }
  const auto eq = [](__m128i v, int c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c)));
  };
  const auto pair = [&](__m128i prev, __m128i v, int middle, int last) {
    return _mm_and_si128(eq(prev, middle), eq(v, last));
  };
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i - 1));
    // Digits: v - '0' (wrapping) is at most 9.
    const __m128i digit = _mm_cmpeq_epi8(
        _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8('0')), _mm_set1_epi8(9)), _mm_setzero_si128());
    __m128i m = _mm_or_si128(digit, _mm_or_si128(eq(v, '@'), eq(v, '*')));
    m = _mm_or_si128(m, _mm_or_si128(eq(v, 'X'), eq(v, 'x')));
    m = _mm_or_si128(m, _mm_or_si128(eq(v, '#'), eq(v, '+')));
    m = _mm_or_si128(m, _mm_or_si128(pair(prev, v, 0x83, 0xBD), pair(prev, v, 0x81, 0x93)));
    m = _mm_or_si128(m, _mm_or_si128(pair(prev, v, 0xBA, 0x9C), pair(prev, v, 0x9C, 0x8C)));
    const int mask = _mm_movemask_epi8(m);
    if (mask) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !kClasses[b[i]]) ++i;
  return i;
}

bool is_run_char(char c) {
  return kClasses[static_cast<unsigned char>(c)] == kRun;
}
bool is_joiner(char c) {
  return c == '-' || c == '_' || c == '/' || c == '.';
}
bool is_mask(char c) {
  return c == '*' || c == 'X' || c == 'x' || c == '#';
}

constexpr std::string_view kPostalMark = "〒";
// UTF-8 of the characters prefecture names end with: 都 道 府 県.
constexpr unsigned kTo = 0xE983BD, kDo = 0xE98193, kFu = 0xE5BA9C, kKen = 0xE79C8C;
constexpr std::string_view kMyNumberWords[] = {"マイナンバー", "個人番号"};

// A run of digits and mask characters in groups split by one kind of
// separator (' ' or '-'): what it is made of.
struct Run {
  size_t begin = 0, end = 0;
  char digits[24];
  size_t ndigits = 0, masks = 0, groups = 0;
  size_t group_len[8];  // the first 8 groups
  bool too_many_digits = false;
};

Run collect_run(std::string_view text, size_t begin) {
  Run r;
  r.begin = begin;
  size_t i = begin, group = 0;
  char separator = 0;
  auto close_group = [&] {
    if (r.groups < 8) r.group_len[r.groups] = group;
    ++r.groups;
    group = 0;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (is_run_char(c)) {
      if (is_mask(c)) {
        ++r.masks;
      } else if (r.ndigits < sizeof(r.digits)) {
        r.digits[r.ndigits++] = c;
      } else {
        r.too_many_digits = true;
      }
      ++group;
      ++i;
      continue;
    }
    if ((c == ' ' || c == '-') && (!separator || separator == c) && i + 1 < text.size() &&
        is_run_char(text[i + 1])) {
      separator = c;
      close_group();
      ++i;
      continue;
    }
    break;
  }
  close_group();
  r.end = i;
  return r;
}

bool card_grouping_ok(const Run& r) {
  if (r.groups == 1) return true;
  if (r.groups > 8) return false;
  const size_t* g = r.group_len;
  if (r.groups == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 4 || g[2] == 5)) return true;
  if (r.groups < 4) return false;
  for (size_t k = 0; k + 1 < r.groups; ++k)
    if (g[k] != 4) return false;
  return g[r.groups - 1] >= 1 && g[r.groups - 1] <= 4;
}

// Whether text[at...] begins, after up to 3 spaces, with a prefecture name.
bool prefecture_after(std::string_view text, size_t at) {
  for (int k = 0; k < 3 && at < text.size() && text[at] == ' '; ++k) ++at;
  return prefecture_starting_at(text, at) != 0;
}

bool postal_mark_before(std::string_view text, size_t at) {
  size_t b = at;
  for (int k = 0; k < 3 && b > 0 && text[b - 1] == ' '; ++k) --b;
  return b >= kPostalMark.size() &&
         text.compare(b - kPostalMark.size(), kPostalMark.size(), kPostalMark) == 0;
}

bool my_number_word_before(std::string_view text, size_t at) {
  const size_t from = at > 48 ? at - 48 : 0;
  const std::string_view before = text.substr(from, at - from);
  for (std::string_view w : kMyNumberWords)
    if (before.find(w) != std::string_view::npos) return true;
  return contains_ascii_word(before, "mynumber") || contains_ascii_word(before, "my_number") ||
         contains_ascii_word(before, "my number");
}

void add(std::vector<Hit>& out, Item item, size_t pos, size_t len, std::string_view normalized,
         uint8_t kind = 0) {
  Hit h;
  h.item = item;
  h.kind = kind;
  h.key = item_key(item, normalized);
  h.pos = pos;
  h.len = len;
  out.push_back(h);
}

// What a run of digits (and masks) is; false when nothing.
bool classify_run(std::string_view text, const Run& r, std::vector<Hit>& out) {
  const size_t len = r.end - r.begin;
  if (r.too_many_digits) return false;
  if (r.masks) {
    if (!is_masked_card(text.substr(r.begin, len))) return false;
    Hit h;
    h.item = Item::card_number;
    h.masked = true;
    h.key = item_key(Item::card_number, text.substr(r.begin, len));
    h.pos = r.begin;
    h.len = len;
    out.push_back(h);
    return true;
  }
  const std::string_view digits(r.digits, r.ndigits);
  if (digits.size() >= 13 && digits.size() <= 19 && card_grouping_ok(r)) {
    const Brand brand = card_brand(digits);
    if (brand != Brand::other && brand_length_ok(brand, digits.size()) && luhn_valid(digits)) {
      add(out, Item::card_number, r.begin, len, digits, static_cast<uint8_t>(brand));
      out.back().test = is_test_card(digits);
      return true;
    }
  }
  if (digits.size() == 12 &&
      (r.groups == 1 || (r.groups == 3 && r.group_len[0] == 4 && r.group_len[1] == 4)) &&
      my_number_valid(digits) && my_number_word_before(text, r.begin)) {
    add(out, Item::my_number, r.begin, len, digits);
    return true;
  }
  if (digits.size() >= 10 && digits.size() <= 11 && digits[0] == '0') {
    NationalNumber n;
    PhoneKind kind;
    if (parse_jp_phone(text.substr(r.begin, len), n, kind)) {
      add(out, Item::phone, r.begin, len, n.view(), static_cast<uint8_t>(kind));
      return true;
    }
  }
  if (digits.size() == 7 && (r.groups == 1 || (r.groups == 2 && r.group_len[0] == 3))) {
    char code[7];
    if (parse_postal_code(text.substr(r.begin, len), code) &&
        (postal_mark_before(text, r.begin) || prefecture_after(text, r.end))) {
      add(out, Item::postal_code, r.begin, len, std::string_view(code, 7));
      return true;
    }
  }
  return false;
}

// A birth date at text[at] (a 4-digit year starts there); its length or 0.
size_t birth_date_at(std::string_view text, size_t at, std::vector<Hit>& out) {
  uint32_t ymd = 0;
  const size_t n = parse_date(text.substr(at), ymd);
  if (!n || !birth_word_before(text, at)) return 0;
  char norm[8];
  for (int k = 7; k >= 0; --k, ymd /= 10) norm[k] = static_cast<char>('0' + ymd % 10);
  add(out, Item::birth_date, at, n, std::string_view(norm, 8));
  return n;
}

}  // namespace

uint64_t item_key(Item item, std::string_view normalized) {
  return value_key(static_cast<uint32_t>(item), normalized);
}

void find_in_text(std::string_view text, std::vector<Hit>& out) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    i = next_candidate(bytes, i, n);
    if (i == n) break;
    const uint8_t cls = kClasses[bytes[i]];
    if (cls == kAt) {
      size_t b, e;
      if (email_around(text, i, b, e)) {
        char lower[kMaxEmail];
        add(out, Item::email, b, e - b, lower_email(text.substr(b, e - b), lower));
        i = e;
      } else {
        ++i;
      }
      continue;
    }
    if (cls == kTail) {
      const unsigned seq = i >= 2 ? bytes[i - 2] << 16 | bytes[i - 1] << 8 | bytes[i] : 0;
      if (seq == kTo || seq == kDo || seq == kFu || seq == kKen) {
        // 〒 needs nothing here: the run after it looks back for the mark.
        const size_t pref = prefecture_ending_at(text, i + 1);
        if (pref && municipality_follows(text, i + 1)) {
          const size_t begin = i + 1 - pref;
          const size_t len = address_length(text, begin);
          add(out, Item::address, begin, len, text.substr(begin, len));
          i = begin + len;
          continue;
        }
      }
      ++i;
      continue;
    }
    // A run must start a word: not inside a longer number, hex string or
    // name, nor the tail of an identifier (SKU-0312345678, v1.2, a_1).
    if (i > 0 &&
        (is_alnum(text[i - 1]) || (i > 1 && is_joiner(text[i - 1]) && is_alnum(text[i - 2])))) {
      // Past the candidate itself first: a mask character after a letter
      // ("FROM#") is neither alphanumeric nor '+'.
      do ++i;
      while (i < n && (is_alnum(text[i]) || text[i] == '+'));
      continue;
    }
    size_t start = i;
    bool plus81 = false;
    if (cls == kPlus) {
      if (text.compare(i, 3, "+81") != 0) {
        ++i;
        continue;
      }
      plus81 = true;
      start = i + 1;
    }
    Run r = collect_run(text, start);
    const bool glued =
        r.end < n && (is_alnum(text[r.end]) ||
                      (text[r.end] == '.' && r.end + 1 < n && is_digit(text[r.end + 1])));
    if (!glued) {
      if (plus81) {
        NationalNumber num;
        PhoneKind kind;
        if (parse_jp_phone(text.substr(i, r.end - i), num, kind)) {
          add(out, Item::phone, i, r.end - i, num.view(), static_cast<uint8_t>(kind));
          i = r.end;
          continue;
        }
      } else if (r.ndigits >= 4 && r.masks == 0 && r.group_len[0] >= 4 &&
                 (text[start] == '1' || text[start] == '2')) {
        if (const size_t len = birth_date_at(text, start, out)) {
          i = start + len;
          continue;
        }
      }
      if (!plus81 && classify_run(text, r, out)) {
        i = r.end;
        continue;
      }
    }
    // Past the run and whatever is glued to it.
    i = r.end;
    while (i < n && is_alnum(text[i])) ++i;
  }
}

}  // namespace shodo::pii

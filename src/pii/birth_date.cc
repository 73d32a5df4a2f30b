#include "pii/birth_date.h"

#include <algorithm>

#include "pii/text_util.h"

namespace shodo::pii {
namespace {

// 1 or 2 digits at text[i]; advances i.
bool small_number(std::string_view text, size_t& i, unsigned& v) {
  if (i >= text.size() || !is_digit(text[i])) return false;
  v = static_cast<unsigned>(text[i++] - '0');
  if (i < text.size() && is_digit(text[i])) v = v * 10 + static_cast<unsigned>(text[i++] - '0');
  return true;
}

bool valid(unsigned y, unsigned m, unsigned d) {
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

}  // namespace

size_t parse_date(std::string_view text, uint32_t& ymd) {
  if (text.size() < 8 || !std::all_of(text.begin(), text.begin() + 4, is_digit)) return 0;
  unsigned y = 0;
  for (size_t k = 0; k < 4; ++k) y = y * 10 + static_cast<unsigned>(text[k] - '0');
  unsigned m = 0, d = 0;
  size_t i = 4;
  if (is_digit(text[4])) {
    // YYYYMMDD, not part of a longer number.
    if (!std::all_of(text.begin() + 4, text.begin() + 8, is_digit) ||
        (text.size() > 8 && is_digit(text[8])))
      return 0;
    m = static_cast<unsigned>((text[4] - '0') * 10 + (text[5] - '0'));
    d = static_cast<unsigned>((text[6] - '0') * 10 + (text[7] - '0'));
    i = 8;
  } else if (text[4] == '-' || text[4] == '/' || text[4] == '.') {
    const char sep = text[4];
    ++i;
    if (!small_number(text, i, m) || i >= text.size() || text[i] != sep) return 0;
    ++i;
    if (!small_number(text, i, d)) return 0;
  } else if (text.compare(4, 3, "年") == 0) {
    i = 7;
    if (!small_number(text, i, m) || text.compare(i, 3, "月") != 0) return 0;
    i += 3;
    if (!small_number(text, i, d)) return 0;
    if (text.compare(i, 3, "日") == 0) i += 3;
  } else {
    return 0;
  }
  if (i < text.size() && is_digit(text[i])) return 0;
  if (!valid(y, m, d)) return 0;
  ymd = y * 10000 + m * 100 + d;
  return i;
}

bool birth_word_before(std::string_view text, size_t at) {
  const size_t from = at > 48 ? at - 48 : 0;
  const std::string_view before = text.substr(from, at - from);
  return before.find("生年月日") != std::string_view::npos ||
         before.find("誕生日") != std::string_view::npos || contains_ascii_word(before, "birth") ||
         contains_ascii_word(before, "dob");
}

}  // namespace shodo::pii

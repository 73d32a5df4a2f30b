#include "pii/address.h"

#include <algorithm>

#include "pii/text_util.h"

namespace shodo::pii {
namespace {

constexpr std::string_view kPrefectures[] = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県",   "福島県", "茨城県",
    "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
    "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",   "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
    "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",   "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};
constexpr std::string_view kMunicipalitySuffixes[] = {"市", "区", "町", "村", "郡"};
constexpr std::string_view kPostalMark = "〒";
constexpr std::string_view kFullWidthSpace = "\u3000";

}  // namespace

size_t prefecture_ending_at(std::string_view text, size_t end) {
  for (std::string_view p : kPrefectures)
    if (p.size() <= end && text.compare(end - p.size(), p.size(), p) == 0) return p.size();
  return 0;
}

size_t prefecture_starting_at(std::string_view text, size_t begin) {
  for (std::string_view p : kPrefectures)
    if (text.compare(begin, p.size(), p) == 0) return p.size();
  return 0;
}

bool municipality_follows(std::string_view text, size_t from) {
  // Place names take one to a few characters (3 bytes each in UTF-8).
  const std::string_view span = text.substr(from, 30);
  for (size_t i = 0; i + 3 <= span.size(); ++i)
    for (std::string_view s : kMunicipalitySuffixes)
      if (span.compare(i, 3, s) == 0) return true;
  return false;
}

size_t address_length(std::string_view text, size_t begin) {
  const size_t limit = std::min(text.size(), begin + 150);
  size_t i = begin;
  for (; i < limit; ++i) {
    const char c = text[i];
    if (c == '\'' || c == '"' || c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
        c == '<' || c == '\0' || text.compare(i, kFullWidthSpace.size(), kFullWidthSpace) == 0)
      break;
  }
  // Do not cut a UTF-8 sequence in two.
  while (i > begin && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i - begin;
}

bool parse_postal_code(std::string_view text, char (&digits)[7]) {
  if (text.substr(0, kPostalMark.size()) == kPostalMark) {
    text.remove_prefix(kPostalMark.size());
    while (!text.empty() && text[0] == ' ') text.remove_prefix(1);
  }
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_digit(text[i]) && n < 7) {
      digits[n++] = text[i];
    } else if (!(text[i] == '-' && i == 3 && n == 3)) {
      return false;
    }
  }
  return n == 7;
}

}  // namespace shodo::pii

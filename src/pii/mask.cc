// Masking: what any output shows of a value.
#include <fmt/format.h>

#include "pii/pii.h"
#include "pii/text_util.h"

namespace shodo::pii {

std::string mask_card(std::string_view text) {
  std::string places;  // digits and mask characters, separators dropped
  for (char c : text) {
    if (is_digit(c)) {
      places += c;
    } else if (c == '*' || c == 'X' || c == 'x' || c == '#') {
      places += '*';
    }
  }
  if (places.size() < 13 || places.size() > 19) return mask_other(text);
  // At most the first 6 and the last 4 places shown.
  for (size_t i = 6; i + 4 < places.size(); ++i) places[i] = '*';
  return places;
}

std::string mask_email(std::string_view text) {
  const size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0) return mask_other(text);
  return fmt::format("{}***{}", text.substr(0, 1), text.substr(at));
}

std::string mask_phone(std::string_view text) {
  size_t digits = 0;
  for (char c : text) digits += is_digit(c);
  std::string out(text);
  size_t seen = 0;
  for (char& c : out) {
    if (!is_digit(c)) continue;
    if (seen++ + 4 < digits) c = '*';
  }
  return digits >= 4 ? out : mask_other(text);
}

std::string mask_other(std::string_view text) {
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return fmt::format("[{} chars]", chars);
}

std::string mask(Item item, std::string_view text) {
  switch (item) {
    case Item::card_number: return mask_card(text);
    case Item::email: return mask_email(text);
    case Item::phone: return mask_phone(text);
    default: return mask_other(text);
  }
}

}  // namespace shodo::pii

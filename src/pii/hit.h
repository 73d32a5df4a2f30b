// One piece of personal data found: what, where in the text searched, and
// the key of its normalized value (for distinct counts and persons).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pii/pii.h"

namespace shodo::pii {

struct Hit {
  Item item = Item::email;
  uint8_t kind = 0;     // Brand (cards), PhoneKind (phones), CredentialType
  bool masked = false;  // a masked card: not full card data
  bool test = false;    // a brand's published test card number
  uint64_t key = 0;
  size_t pos = 0, len = 0;

  // Values that single out one person across tables and files.
  bool identifies() const {
    return !masked && (item == Item::email || item == Item::card_number || item == Item::phone ||
                       item == Item::my_number);
  }
  std::string_view raw(std::string_view text) const { return text.substr(pos, len); }
};

}  // namespace shodo::pii

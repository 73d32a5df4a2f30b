// Japanese telephone numbers: mobile (070/080/090), IP (050) and landline
// numbers, written with or without hyphens or spaces, or in +81 form.
#pragma once

#include <cstdint>
#include <string_view>

namespace shodo::pii {

enum class PhoneKind : uint8_t { mobile, ip, landline };
inline constexpr size_t kPhoneKinds = 3;
std::string_view phone_kind_name(PhoneKind kind);

struct NationalNumber {
  char digits[12];  // national form: leading 0, 10 or 11 digits
  size_t size = 0;
  std::string_view view() const { return {digits, size}; }
};

// The whole of `text` is one number: digits grouped by a single kind of
// separator (' ' or '-', groups ending in 4 digits) or ungrouped, optionally
// "+81" first (then without the national 0). Toll-free and shared-cost
// numbers (0120, 0800, 0570, 0990) are no person's.
bool parse_jp_phone(std::string_view text, NationalNumber& out, PhoneKind& kind);

}  // namespace shodo::pii

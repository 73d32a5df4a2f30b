// Payment card numbers: Luhn check, brand by IIN range, brand lengths, the
// brands' published test numbers, and masked forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shodo::pii {

enum class Brand : uint8_t { visa, mastercard, amex, jcb, diners, discover, unionpay, other };
inline constexpr size_t kBrands = 8;
std::string_view brand_name(Brand brand);

// `digits`: only '0'-'9'.
bool luhn_valid(std::string_view digits);
Brand card_brand(std::string_view digits);
// Lengths the brand issues (other: 13 to 19).
bool brand_length_ok(Brand brand, size_t length);
bool is_test_card(std::string_view digits);

// A masked card as written in receipts and admin screens: 13 to 19 places
// of digits and mask characters ('*', 'X', 'x', '#'), optionally grouped by
// spaces or hyphens, with at least 4 masked places, ending in 4 digits and
// showing at most 6 leading ones ("4111********1111", "XXXX XXXX XXXX 1234").
bool is_masked_card(std::string_view text);

}  // namespace shodo::pii

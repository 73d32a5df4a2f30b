#include "pii/card.h"

#include <algorithm>
#include <array>
#include <vector>

namespace shodo::pii {
namespace {

// The first `n` digits as a number.
uint32_t prefix(std::string_view digits, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n && i < digits.size(); ++i) v = v * 10 + (digits[i] - '0');
  return v;
}

// Up to 19 digits as a number (fits in 64 bits).
uint64_t digits_value(std::string_view digits) {
  uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

bool is_mask_char(char c) {
  return c == '*' || c == 'X' || c == 'x' || c == '#';
}

}  // namespace

std::string_view brand_name(Brand brand) {
  static constexpr std::array<std::string_view, kBrands> kNames = {
      "visa", "mastercard", "amex", "jcb", "diners", "discover", "unionpay", "other"};
  return kNames[static_cast<size_t>(brand)];
}

bool luhn_valid(std::string_view digits) {
  unsigned sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    unsigned d = static_cast<unsigned>(digits[i] - '0');
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

Brand card_brand(std::string_view digits) {
  if (digits.size() < 6) return Brand::other;
  const uint32_t p2 = prefix(digits, 2), p3 = prefix(digits, 3), p4 = prefix(digits, 4);
  if (digits[0] == '4') return Brand::visa;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return Brand::mastercard;
  if (p2 == 34 || p2 == 37) return Brand::amex;
  if (p4 >= 3528 && p4 <= 3589) return Brand::jcb;
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38) return Brand::diners;
  if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) return Brand::discover;
  if (p2 == 62) return Brand::unionpay;
  return Brand::other;
}

bool brand_length_ok(Brand brand, size_t n) {
  switch (brand) {
    case Brand::visa: return n == 13 || n == 16 || n == 19;
    case Brand::mastercard: return n == 16;
    case Brand::amex: return n == 15;
    case Brand::jcb:
    case Brand::discover:
    case Brand::unionpay: return n >= 16 && n <= 19;
    case Brand::diners: return n >= 14 && n <= 19;
    case Brand::other: return n >= 13 && n <= 19;
  }
  return false;
}

bool is_test_card(std::string_view digits) {
  // Numbers the brands and payment gateways publish for testing.
  static constexpr std::string_view kTest[] = {
      "4111111111111111", "4012888888881881", "4222222222222",    "4242424242424242",
      "4000056655665556", "4000000000000002", "4012000033330026", "5555555555554444",
      "5105105105105100", "5200828282828210", "2223003122003222", "2223000048400011",
      "378282246310005",  "371449635398431",  "378734493671000",  "6011111111111117",
      "6011000990139424", "6011000400000000", "3530111333300000", "3566002020360505",
      "3566111111111113", "30569309025904",   "38520000023237",   "36227206271667",
      "6200000000000005", "4444333322221111", "5454545454545454"};
  // As numbers, sorted once: a few integer comparisons a card. None starts
  // with 0, so a number is the digits and their count alike.
  static const std::vector<uint64_t> kSorted = [] {
    std::vector<uint64_t> v;
    for (std::string_view t : kTest) v.push_back(digits_value(t));
    std::sort(v.begin(), v.end());
    return v;
  }();
  if (digits.empty() || digits.size() > 19 || digits[0] == '0') return false;
  return std::binary_search(kSorted.begin(), kSorted.end(), digits_value(digits));
}

bool is_masked_card(std::string_view text) {
  size_t places = 0, masked = 0, leading_digits = 0, trailing_digits = 0;
  bool seen_mask = false;
  char separator = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '-') {
      // Single separators between groups, all of one kind.
      if (i == 0 || i + 1 == text.size() || text[i - 1] == ' ' || text[i - 1] == '-') return false;
      if (separator && separator != c) return false;
      separator = c;
      continue;
    }
    ++places;
    if (is_mask_char(c)) {
      ++masked;
      seen_mask = true;
      trailing_digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (!seen_mask) ++leading_digits;
      ++trailing_digits;
    } else {
      return false;
    }
  }
  return places >= 13 && places <= 19 && masked >= 4 && trailing_digits == 4 && leading_digits <= 6;
}

}  // namespace shodo::pii

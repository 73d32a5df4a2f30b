#include "pii/my_number.h"

namespace shodo::pii {

bool my_number_valid(std::string_view digits) {
  if (digits.size() != 12) return false;
  // Pn is the n-th digit from the right, check digit excluded; its weight
  // Qn is n+1 for n = 1..6 and n-5 for n = 7..11.
  unsigned sum = 0;
  for (unsigned n = 1; n <= 11; ++n) {
    const unsigned p = static_cast<unsigned>(digits[11 - n] - '0');
    const unsigned q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const unsigned remainder = sum % 11;
  const unsigned check = remainder <= 1 ? 0 : 11 - remainder;
  return static_cast<unsigned>(digits[11] - '0') == check;
}

}  // namespace shodo::pii

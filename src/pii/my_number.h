// My Number (個人番号): 12 digits, the last a check digit computed from the
// other 11 as the Cabinet Office ordinance defines it.
#pragma once

#include <string_view>

namespace shodo::pii {

// `digits`: exactly 12 of '0'-'9'.
bool my_number_valid(std::string_view digits);

}  // namespace shodo::pii

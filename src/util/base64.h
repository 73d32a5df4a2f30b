// Base64 as attackers write it: commands sent to webshells, names kept
// encoded in their code (standard or URL-safe alphabet, padding optional).
#pragma once

#include <string>
#include <string_view>

namespace shodo::util {

// Decodes `in` into `out`; false when `in` is not base64 of at least 4
// characters (any other byte, misplaced padding, a length of 4n+1).
bool decode_base64(std::string_view in, std::string& out);

}  // namespace shodo::util

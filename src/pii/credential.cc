#include "pii/credential.h"

#include <algorithm>
#include <array>

#include "pii/text_util.h"

namespace shodo::pii {
namespace {

bool starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool is_hex(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
bool all_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_hex);
}

}  // namespace

std::string_view credential_type_name(CredentialType type) {
  static constexpr std::array<std::string_view, kCredentialTypes> kNames = {
      "bcrypt", "argon2", "sha512_crypt", "sha256_crypt", "md5_crypt",  "phpass",
      "md5",    "sha1",   "sha256",       "sha512",       "other_hash", "plaintext"};
  return kNames[static_cast<size_t>(type)];
}

CredentialType classify_credential(std::string_view v) {
  if (starts(v, "$2a$") || starts(v, "$2b$") || starts(v, "$2y$") || starts(v, "$2x$"))
    return CredentialType::bcrypt;
  if (starts(v, "$argon2")) return CredentialType::argon2;
  if (starts(v, "$6$")) return CredentialType::sha512_crypt;
  if (starts(v, "$5$")) return CredentialType::sha256_crypt;
  if (starts(v, "$1$") || starts(v, "$apr1$")) return CredentialType::md5_crypt;
  if (starts(v, "$P$") || starts(v, "$H$")) return CredentialType::phpass;
  if (all_hex(v)) {
    switch (v.size()) {
      case 32: return CredentialType::md5;
      case 40: return CredentialType::sha1;
      case 64: return CredentialType::sha256;
      case 128: return CredentialType::sha512;
    }
  }
  // Other modular-crypt formats ($id$...) and long base64 digests.
  if (v.size() >= 20 && (starts(v, "$") || starts(v, "{SSHA}") || starts(v, "pbkdf2_")))
    return CredentialType::other_hash;
  return CredentialType::plaintext;
}

}  // namespace shodo::pii

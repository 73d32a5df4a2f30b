// What a password column holds: a hash (and of which kind) or plaintext.
#pragma once

#include <cstdint>
#include <string_view>

namespace shodo::pii {

enum class CredentialType : uint8_t {
  bcrypt,
  argon2,
  sha512_crypt,
  sha256_crypt,
  md5_crypt,
  phpass,
  md5,
  sha1,
  sha256,
  sha512,
  other_hash,
  plaintext,
};
inline constexpr size_t kCredentialTypes = 12;
std::string_view credential_type_name(CredentialType type);

CredentialType classify_credential(std::string_view value);

}  // namespace shodo::pii

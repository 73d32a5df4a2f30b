#include "evidence/multi_hash.h"

#include "util/hex.h"

namespace shodo::evidence {

Digest::Digest(const EVP_MD* md) : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(ctx_, md, nullptr);
}

std::string Digest::hex() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, out, &len);
  return util::to_hex(out, len);
}

}  // namespace shodo::evidence

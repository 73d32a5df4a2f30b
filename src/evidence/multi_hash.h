// Incremental SHA-256, SHA-1 and MD5 (OpenSSL EVP), each fed separately so
// the pipeline can spread them over threads.
#pragma once

#include <openssl/evp.h>

#include <cstddef>
#include <string>

namespace shodo::evidence {

class Digest {
 public:
  explicit Digest(const EVP_MD* md);
  ~Digest() { EVP_MD_CTX_free(ctx_); }
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;
  void update(const unsigned char* p, size_t n) { EVP_DigestUpdate(ctx_, p, n); }
  std::string hex();  // finishes; lowercase hex

 private:
  EVP_MD_CTX* ctx_;
};

}  // namespace shodo::evidence

#include "triage/file_hash.h"

#include <openssl/evp.h>

#include <memory>

#include "util/hex.h"

namespace shodo::triage {

std::string sha256_of(const fsview::View& view, const fsview::FileInfo& file) {
  std::string error;
  auto reader = view.open(file, error);
  if (!reader) return {};
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1) return {};
  char buf[65536];
  while (size_t n = reader->read(buf, sizeof buf)) EVP_DigestUpdate(md.get(), buf, n);
  if (!reader->error().empty()) return {};
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(md.get(), digest, &len) != 1) return {};
  return util::to_hex(digest, len);
}

}  // namespace shodo::triage

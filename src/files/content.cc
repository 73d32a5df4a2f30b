#include "files/content.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

#include "util/hex.h"

namespace shodo::files {

Content read_content(const fsview::View& view, const fsview::FileInfo& file, uint64_t max_bytes) {
  Content c;
  auto reader = view.open(file, c.error);
  if (!reader) return c;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr);
  c.data.reserve(static_cast<size_t>(std::min<uint64_t>(file.size, max_bytes)));
  // One buffer per thread: zeroing a fresh one per file cost more than reading.
  thread_local std::string chunk(1u << 20, '\0');
  while (size_t n = reader->read(chunk.data(), chunk.size())) {
    EVP_DigestUpdate(md.get(), chunk.data(), n);
    if (c.data.size() < max_bytes) {
      size_t keep = static_cast<size_t>(std::min<uint64_t>(n, max_bytes - c.data.size()));
      c.data.append(chunk.data(), keep);
      if (keep < n) c.truncated = true;
    } else {
      c.truncated = true;
    }
    c.total += n;
  }
  if (!reader->error().empty()) {
    c.error = reader->error();
    return c;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(md.get(), digest, &len);
  c.sha256 = util::to_hex(digest, len);
  return c;
}

}  // namespace shodo::files

#include "files/content.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

#include "util/hex.h"

namespace shodo::files {
namespace {

// SHA-256 over pieces. The algorithm is looked up once: OpenSSL 3 fetches it
// again at every EVP_sha256() initialisation, which shows at thousands of
// small files.
class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_DigestInit_ex(ctx_.get(), kSha256, nullptr);
  }
  void add(const char* p, size_t n) { EVP_DigestUpdate(ctx_.get(), p, n); }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest, &len);
    return util::to_hex(digest, len);
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

// Adds the rest of what `reader` gives to `h`: the hex digest, "" on a read error.
std::string hash_rest(fsview::Reader& reader, Sha256& h, std::string& chunk) {
  while (size_t n = reader.read(chunk.data(), chunk.size())) h.add(chunk.data(), n);
  return reader.error().empty() ? h.hex() : "";
}

// One buffer per thread: zeroing a fresh one per file cost more than reading.
std::string& thread_chunk() {
  thread_local std::string chunk(1u << 20, '\0');
  return chunk;
}

}  // namespace

Content read_content(const fsview::View& view, const fsview::FileInfo& file, uint64_t max_bytes,
                     WholeFileHash hash) {
  Content c;
  auto reader = view.open(file, c.error);
  if (!reader) return c;
  c.data.reserve(static_cast<size_t>(std::min<uint64_t>(file.size, max_bytes)));
  std::string& chunk = thread_chunk();
  while (size_t n = reader->read(chunk.data(), chunk.size())) {
    const auto keep = static_cast<size_t>(std::min<uint64_t>(n, max_bytes - c.data.size()));
    c.data.append(chunk.data(), keep);
    c.total += n;
    if (keep == n) continue;
    c.truncated = true;
    if (hash == WholeFileHash::on_demand) {
      c.view_ = &view;
      c.file_ = file;
      break;
    }
    Sha256 h;
    h.add(c.data.data(), c.data.size());
    h.add(chunk.data() + keep, n - keep);
    c.streamed_sha256_ = hash_rest(*reader, h, chunk);
    break;
  }
  if (!reader->error().empty()) {
    c.error = reader->error();
    return c;
  }
  c.read_ = true;
  return c;
}

std::string Content::sha256() const {
  if (!read_) return "";
  if (!truncated) {
    Sha256 h;
    h.add(data.data(), data.size());
    return h.hex();
  }
  if (!view_) return streamed_sha256_;
  std::string error;
  auto reader = view_->open(file_, error);
  if (!reader) return "";
  Sha256 h;
  return hash_rest(*reader, h, thread_chunk());
}

}  // namespace shodo::files

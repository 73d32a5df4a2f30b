#include "evidence/vault_format.h"

#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace shodo::evidence {
namespace {

constexpr char kMagic[8] = {'S', 'H', 'O', 'D', 'O', 'V', 'L', 'T'};
constexpr uint32_t kVersion = 1;
constexpr size_t kSaltOffset = 16, kNonceOffset = 32;
constexpr size_t kMaxChunk = 64u << 20;  // refuse absurd headers

void put_u32le(unsigned char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
uint32_t get_u32le(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

void derive_file_key(const CaseKey& key, const unsigned char* salt,
                     std::array<unsigned char, 32>& out) {
  static constexpr char kLabel[] = "shodo vault v1";
  unsigned char msg[sizeof kLabel - 1 + 16];
  std::memcpy(msg, kLabel, sizeof kLabel - 1);
  std::memcpy(msg + sizeof kLabel - 1, salt, 16);
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), 32, msg, sizeof msg, out.data(), &len);
}

void chunk_nonce(const unsigned char* header, uint64_t index, unsigned char nonce[12]) {
  std::memcpy(nonce, header + kNonceOffset, 12);
  for (int i = 0; i < 8; ++i) nonce[4 + i] ^= static_cast<unsigned char>(index >> (56 - 8 * i));
}

void chunk_aad(const unsigned char* header, uint64_t index, bool final, unsigned char* aad) {
  std::memcpy(aad, header, kVaultHeaderSize);
  for (int i = 0; i < 8; ++i)
    aad[kVaultHeaderSize + i] = static_cast<unsigned char>(index >> (56 - 8 * i));
  aad[kVaultHeaderSize + 8] = final ? 1 : 0;
}
constexpr size_t kAadSize = kVaultHeaderSize + 9;

bool write_all(int fd, const unsigned char* p, size_t n, std::string& error) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error = std::string("writing the vault: ") + std::strerror(errno);
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// Reads up to n bytes (fewer only at the end); -1 on an error.
ssize_t read_full(int fd, unsigned char* p, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, p + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

}  // namespace

VaultWriter::VaultWriter(const CaseKey& key, int fd, size_t chunk_size, bool large)
    : fd_(fd), ctx_(EVP_CIPHER_CTX_new()) {
  std::memcpy(header_.data(), kMagic, 8);
  put_u32le(header_.data() + 8, kVersion);
  put_u32le(header_.data() + 12, static_cast<uint32_t>(chunk_size));
  if (RAND_bytes(header_.data() + kSaltOffset, 28) != 1) error_ = "no random bytes for the vault";
  derive_file_key(key, header_.data() + kSaltOffset, file_key_);
  EVP_EncryptInit_ex(ctx_, EVP_aes_256_gcm(), nullptr, file_key_.data(), nullptr);
  // The header at once: a temp file that is not empty was started by a
  // process (remove_stale_temp_files).
  if (error_.empty() && write_all(fd_, header_.data(), header_.size(), error_) && large)
    direct_.emplace(fd_, chunk_size + kTagSize);
}

VaultWriter::~VaultWriter() {
  EVP_CIPHER_CTX_free(ctx_);
  OPENSSL_cleanse(file_key_.data(), file_key_.size());
}

bool VaultWriter::ok(std::string& error) const {
  if (error_.empty()) return true;
  error = error_;
  return false;
}

bool VaultWriter::write_chunk(const unsigned char* p, size_t n, bool final, std::string& error) {
  if (!ok(error)) return false;
  // Grown to the chunks seen: a small file never pays for a whole chunk.
  if (!direct_ && out_.size() < n + kTagSize) out_.resize(n + kTagSize);
  unsigned char* const out = direct_ ? direct_->reserve() : out_.data();
  unsigned char nonce[12], aad[kAadSize];
  chunk_nonce(header_.data(), index_, nonce);
  chunk_aad(header_.data(), index_, final, aad);
  int len = 0, tail = 0;
  if (EVP_EncryptInit_ex(ctx_, nullptr, nullptr, nullptr, nonce) != 1 ||
      EVP_EncryptUpdate(ctx_, nullptr, &len, aad, kAadSize) != 1 ||
      EVP_EncryptUpdate(ctx_, out, &len, p, static_cast<int>(n)) != 1 ||
      EVP_EncryptFinal_ex(ctx_, out + len, &tail) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_GCM_GET_TAG, kTagSize, out + n) != 1) {
    error = "encryption failed";
    return false;
  }
  ++index_;
  if (!direct_) return write_all(fd_, out, n + kTagSize, error);
  return direct_->commit(n + kTagSize, error) && (!final || direct_->finish(error));
}

VaultReader::VaultReader(const CaseKey& key, int fd) : fd_(fd), ctx_(EVP_CIPHER_CTX_new()) {
  if (read_full(fd_, header_.data(), header_.size()) != static_cast<ssize_t>(header_.size()) ||
      std::memcmp(header_.data(), kMagic, 8) != 0) {
    error_ = "not a shodo vault file (bad header)";
    return;
  }
  if (get_u32le(header_.data() + 8) != kVersion) {
    error_ =
        "vault file version " + std::to_string(get_u32le(header_.data() + 8)) + " is not supported";
    return;
  }
  chunk_size_ = get_u32le(header_.data() + 12);
  if (chunk_size_ == 0 || chunk_size_ > kMaxChunk) {
    error_ = "vault file header has an invalid chunk size";
    return;
  }
  derive_file_key(key, header_.data() + kSaltOffset, file_key_);
  EVP_DecryptInit_ex(ctx_, EVP_aes_256_gcm(), nullptr, file_key_.data(), nullptr);
  in_.resize(chunk_size_ + kTagSize);
  plain_.resize(chunk_size_);
}

VaultReader::~VaultReader() {
  ::close(fd_);
  EVP_CIPHER_CTX_free(ctx_);
  OPENSSL_cleanse(file_key_.data(), file_key_.size());
  OPENSSL_cleanse(plain_.data(), plain_.size());
}

size_t VaultReader::read(char* buf, size_t n) {
  size_t out = 0;
  while (out < n && error_.empty()) {
    if (pos_ == plain_len_) {
      if (done_ || !next_chunk()) break;
      continue;
    }
    size_t take = std::min(n - out, plain_len_ - pos_);
    std::memcpy(buf + out, plain_.data() + pos_, take);
    pos_ += take;
    out += take;
  }
  return error_.empty() ? out : 0;
}

bool VaultReader::next_chunk() {
  ssize_t got = read_full(fd_, in_.data(), in_.size());
  if (got < 0) {
    error_ = std::string("reading the vault: ") + std::strerror(errno);
    return false;
  }
  const std::string where = "vault chunk " + std::to_string(index_);
  if (static_cast<size_t>(got) < kTagSize) {
    error_ = where + (got == 0 ? " is missing (file truncated)" : " is cut short");
    return false;
  }
  const size_t n = static_cast<size_t>(got) - kTagSize;
  const bool final = n < chunk_size_;
  unsigned char nonce[12], aad[kAadSize];
  chunk_nonce(header_.data(), index_, nonce);
  chunk_aad(header_.data(), index_, final, aad);
  int len = 0, tail = 0;
  if (EVP_DecryptInit_ex(ctx_, nullptr, nullptr, nullptr, nonce) != 1 ||
      EVP_DecryptUpdate(ctx_, nullptr, &len, aad, kAadSize) != 1 ||
      EVP_DecryptUpdate(ctx_, plain_.data(), &len, in_.data(), static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_GCM_SET_TAG, kTagSize, in_.data() + n) != 1 ||
      EVP_DecryptFinal_ex(ctx_, plain_.data() + len, &tail) != 1) {
    error_ = where + " failed authentication (altered, reordered or truncated vault file)";
    return false;
  }
  plain_len_ = n;
  pos_ = 0;
  ++index_;
  done_ = final;
  if (final) {
    unsigned char extra;
    if (read_full(fd_, &extra, 1) != 0) {
      error_ = "vault file has data after its final chunk";
      return false;
    }
  }
  return true;
}

}  // namespace shodo::evidence

// The vault file format (docs/evidence.md): a 48-byte header, then chunks of
// AES-256-GCM ciphertext, each followed by its 16-byte tag.
//
//   header  "SHODOVLT" | version u32le (1) | chunk size u32le |
//           key salt [16] | nonce base [12] | zero [4]
//   file key  = HMAC-SHA256(case key, "shodo vault v1" | key salt)
//   chunk i   nonce = nonce base XOR i (big-endian, last 8 bytes)
//             AAD   = header | i u64be | final u8
//
// Every chunk holds exactly `chunk size` plaintext bytes except the final
// one, which holds fewer (possibly none). The index and the final flag are
// authenticated, so reordered, dropped, duplicated or truncated chunks fail.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "evidence/direct_writer.h"
#include "evidence/evidence.h"

namespace shodo::evidence {

inline constexpr size_t kVaultHeaderSize = 48;
inline constexpr size_t kTagSize = 16;

class VaultWriter {
 public:
  // Writes the header to fd at once; `chunk_size` plaintext bytes per chunk.
  // A `large` file (more than one chunk) is written past the page cache
  // (DirectWriter).
  VaultWriter(const CaseKey& key, int fd, size_t chunk_size, bool large = false);
  ~VaultWriter();
  VaultWriter(const VaultWriter&) = delete;
  VaultWriter& operator=(const VaultWriter&) = delete;
  // Encrypts and writes one chunk (n == chunk size unless final).
  bool write_chunk(const unsigned char* p, size_t n, bool final, std::string& error);
  bool ok(std::string& error) const;

 private:
  int fd_;
  uint64_t index_ = 0;
  std::array<unsigned char, kVaultHeaderSize> header_{};
  std::array<unsigned char, 32> file_key_{};
  EVP_CIPHER_CTX* ctx_;
  std::vector<unsigned char> out_;
  std::optional<DirectWriter> direct_;
  std::string error_;
};

// Decrypts a vault file as a stream of the original bytes.
class VaultReader final : public fsview::Reader {
 public:
  VaultReader(const CaseKey& key, int fd);  // takes ownership of fd
  ~VaultReader() override;
  size_t read(char* buf, size_t n) override;

 private:
  bool next_chunk();

  int fd_;
  size_t chunk_size_ = 0;
  uint64_t index_ = 0;
  bool done_ = false;
  std::array<unsigned char, kVaultHeaderSize> header_{};
  std::array<unsigned char, 32> file_key_{};
  EVP_CIPHER_CTX* ctx_;
  std::vector<unsigned char> in_, plain_;
  size_t plain_len_ = 0, pos_ = 0;
};

}  // namespace shodo::evidence

// The case key: 32 random bytes in keys/case.key, stored either as is or
// wrapped (AES-256-GCM) under a key derived from a passphrase with scrypt.
// Destroying this file is the purge's cryptographic erase.
//
//   plain    "SHODOKEY" | 0x01 | key [32]
//   wrapped  "SHODOKEY" | 0x02 | log2 N u8 | r u8 | p u8 | salt [16] | nonce [12] |
//            wrapped key [32] | tag [16]
#include "evidence/case_key.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

namespace shodo::evidence {
namespace {

constexpr char kMagic[8] = {'S', 'H', 'O', 'D', 'O', 'K', 'E', 'Y'};
constexpr unsigned kLogN = 15, kR = 8, kP = 1;  // 32 MiB, ~0.1 s: cheap here, costly to guess

std::string key_path(const cases::CaseDir& dir) {
  return dir.keys() + "/case.key";
}

bool derive(const Passphrase& pass, const unsigned char* salt, unsigned log_n, unsigned r,
            unsigned p, unsigned char out[32]) {
  return EVP_PBE_scrypt(pass.text.data(), pass.text.size(), salt, 16, uint64_t{1} << log_n, r, p,
                        256u << 20, out, 32) == 1;
}

bool gcm(bool encrypt, const unsigned char key[32], const unsigned char nonce[12],
         const unsigned char* in, unsigned char* out, unsigned char tag[16]) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  int len = 0;
  bool ok = (encrypt ? EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key, nonce)
                     : EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key, nonce)) == 1;
  if (encrypt) {
    ok = ok && EVP_EncryptUpdate(ctx, out, &len, in, 32) == 1 &&
         EVP_EncryptFinal_ex(ctx, out + len, &len) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1;
  } else {
    ok = ok && EVP_DecryptUpdate(ctx, out, &len, in, 32) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag) == 1 &&
         EVP_DecryptFinal_ex(ctx, out + len, &len) == 1;
  }
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

}  // namespace

CaseKey::~CaseKey() {
  OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

Status read_passphrase(const std::string& file_flag, Passphrase& out) {
  if (!file_flag.empty()) {
    std::ifstream in(file_flag, std::ios::binary);
    if (!in) return Status::fail(file_flag + ": cannot read the passphrase file");
    out.text.assign(std::istreambuf_iterator<char>(in), {});
    while (!out.text.empty() && (out.text.back() == '\n' || out.text.back() == '\r'))
      out.text.pop_back();
    out.given = true;
  } else if (const char* env = std::getenv("SHODO_PASSPHRASE"); env && *env) {
    out.text = env;
    out.given = true;
  }
  if (out.given && out.text.empty()) return Status::fail("the passphrase is empty");
  return {};
}

Status create_case_key(const cases::CaseDir& dir, const Passphrase& pass) {
  CaseKey key;
  std::string blob(kMagic, 8);
  if (RAND_bytes(key.bytes().data(), 32) != 1) return Status::fail("no random bytes for the key");
  if (!pass.given) {
    blob += '\x01';
    blob.append(reinterpret_cast<const char*>(key.data()), 32);
  } else {
    unsigned char salt_nonce[28], kek[32], wrapped[32], tag[16];
    if (RAND_bytes(salt_nonce, sizeof salt_nonce) != 1 ||
        !derive(pass, salt_nonce, kLogN, kR, kP, kek) ||
        !gcm(true, kek, salt_nonce + 16, key.data(), wrapped, tag))
      return Status::fail("cannot wrap the case key");
    OPENSSL_cleanse(kek, sizeof kek);
    blob += '\x02';
    blob += static_cast<char>(kLogN);
    blob += static_cast<char>(kR);
    blob += static_cast<char>(kP);
    blob.append(reinterpret_cast<const char*>(salt_nonce), sizeof salt_nonce);
    blob.append(reinterpret_cast<const char*>(wrapped), 32);
    blob.append(reinterpret_cast<const char*>(tag), 16);
  }
  std::ofstream out(key_path(dir), std::ios::binary | std::ios::trunc);
  out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
  OPENSSL_cleanse(blob.data(), blob.size());
  if (!out.flush()) return Status::fail(key_path(dir) + ": cannot write the case key");
  return {};
}

Status load_case_key(const cases::CaseDir& dir, const Passphrase& pass, CaseKey& key) {
  std::ifstream in(key_path(dir), std::ios::binary);
  if (!in)
    return Status::fail(
        "the case key is gone (keys/case.key): the evidence was purged or the key removed");
  std::string blob((std::istreambuf_iterator<char>(in)), {});
  auto* b = reinterpret_cast<const unsigned char*>(blob.data());
  Status bad = Status::fail(key_path(dir) + ": not a shodo case key");
  if (blob.size() < 9 || std::memcmp(b, kMagic, 8) != 0) return bad;
  if (b[8] == 1 && blob.size() == 9 + 32) {
    std::memcpy(key.bytes().data(), b + 9, 32);
  } else if (b[8] == 2 && blob.size() == 9 + 3 + 28 + 32 + 16) {
    if (!pass.given)
      return Status::fail(
          "the case key is protected by a passphrase: give --passphrase-file or set "
          "SHODO_PASSPHRASE");
    unsigned char kek[32];
    const unsigned log_n = b[9], r = b[10], p = b[11];
    if (log_n > 24 || !derive(pass, b + 12, log_n, r, p, kek)) return bad;
    unsigned char tag[16];
    std::memcpy(tag, b + 12 + 28 + 32, 16);
    const bool ok = gcm(false, kek, b + 12 + 16, b + 12 + 28, key.bytes().data(), tag);
    OPENSSL_cleanse(kek, sizeof kek);
    if (!ok) return Status::fail("wrong passphrase for the case key");
  } else {
    return bad;
  }
  OPENSSL_cleanse(blob.data(), blob.size());
  return {};
}

}  // namespace shodo::evidence

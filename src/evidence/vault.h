// The vault folder: one encrypted file per distinct content, named by its
// SHA-256 (vault/ab/abcdef…). New content is written to vault/tmp under an
// exclusive lock, synced and renamed into place only once complete, so an
// interrupted acquisition leaves at most a stale temp file, removed next time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "evidence/evidence.h"

namespace shodo::evidence {

std::string blob_path(const cases::CaseDir& dir, const std::string& sha256);

// A temp file being written.
class TempBlob {
 public:
  TempBlob() = default;
  ~TempBlob();  // removes the file unless committed
  TempBlob(const TempBlob&) = delete;
  TempBlob& operator=(const TempBlob&) = delete;

  Status create(const cases::CaseDir& dir);
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // fsync, then rename to the content's place (or drop the temp file when
  // that content is already stored), then fsync the folder. With `sync`
  // false the caller syncs (commit_blobs: one syncfs before, one after).
  Status commit(const cases::CaseDir& dir, const std::string& sha256, bool sync = true);

 private:
  int fd_ = -1;
  std::string path_;
};

// Removes temp files no live process holds (left by a killed acquisition).
void remove_stale_temp_files(const cases::CaseDir& dir);

// Whether the vault already holds a content, by SHA-256.
using StoredCheck = std::function<bool(const std::string& sha256)>;
bool blob_stored(const cases::CaseDir& dir, const std::string& sha256);

// Stores a stream: reads it once, hashing (SHA-256, SHA-1, MD5) and
// encrypting in parallel, then commits. `size` is what was read. A source
// that fits one buffer and whose content is already stored (`stored`,
// default blob_stored) is hashed only. With `pending`, nothing is committed:
// the written temp file (null if none was needed) is handed over for
// commit_blobs (many small files cost one sync instead of three each).
Status store_stream(const Session& s, fsview::Reader& source, Hashes& hashes, uint64_t& size,
                    std::unique_ptr<TempBlob>* pending = nullptr, const StoredCheck& stored = {});

// Commits written temp files: one syncfs for all their content, each moved
// into place, one syncfs for the names. Only then may items naming them be
// recorded.
struct PendingBlob {
  std::unique_ptr<TempBlob> blob;
  std::string sha256;
};
Status commit_blobs(const cases::CaseDir& dir, std::vector<PendingBlob>& blobs);

// Opens a stored content for reading (decrypting).
std::unique_ptr<fsview::Reader> open_blob(const Session& s, const std::string& sha256,
                                          std::string& error);

// Hashes a stream read once (SHA-256, SHA-1, MD5 in parallel).
Status hash_stream(fsview::Reader& source, Hashes& hashes, uint64_t& size);

}  // namespace shodo::evidence

// The vault folder: one encrypted file per distinct content, named by its
// SHA-256 (vault/ab/abcdef…). New content is written to vault/tmp under an
// exclusive lock, synced and renamed into place only once complete, so an
// interrupted acquisition leaves at most a stale temp file, removed next time.
#pragma once

#include <string>

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
  // that content is already stored), then fsync the folder.
  Status commit(const cases::CaseDir& dir, const std::string& sha256);

 private:
  int fd_ = -1;
  std::string path_;
};

// Removes temp files no live process holds (left by a killed acquisition).
void remove_stale_temp_files(const cases::CaseDir& dir);

// Stores a stream: reads it once, hashing (SHA-256, SHA-1, MD5) and
// encrypting in parallel, then commits. `size` is what was read.
Status store_stream(const Session& s, fsview::Reader& source, Hashes& hashes, uint64_t& size);

// Opens a stored content for reading (decrypting).
std::unique_ptr<fsview::Reader> open_blob(const Session& s, const std::string& sha256,
                                          std::string& error);

// Hashes a stream read once (SHA-256, SHA-1, MD5 in parallel).
Status hash_stream(fsview::Reader& source, Hashes& hashes, uint64_t& size);

}  // namespace shodo::evidence

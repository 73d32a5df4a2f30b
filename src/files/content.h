// Reading one file of a view: the first bytes held for scanning, so memory
// stays bounded however large the file, and its SHA-256.
#pragma once

#include <cstdint>
#include <string>

#include "fsview/fsview.h"

namespace shodo::files {

// When the whole of a file larger than what is held gets hashed.
enum class WholeFileHash {
  while_reading,  // the file is read to its end at once (baselines need every hash)
  on_demand,      // only if sha256() is asked for (a scan hashes only files it reports,
                  // so a 10 GB file without a finding costs its first bytes)
};

class Content {
 public:
  std::string data;        // the first max_bytes of the file
  uint64_t total = 0;      // bytes read in all
  bool truncated = false;  // data holds only the start of the file
  std::string error;       // set when the file could not be read (to its end)

  // Lower-case hex SHA-256 of the whole file; empty when it could not be
  // read to its end. A file that fits in data is hashed on this call; a
  // larger one was hashed while it was read, or is read again now
  // (WholeFileHash::on_demand).
  std::string sha256() const;

 private:
  friend Content read_content(const fsview::View&, const fsview::FileInfo&, uint64_t,
                              WholeFileHash);
  bool read_ = false;
  std::string streamed_sha256_;
  const fsview::View* view_ = nullptr;  // set when the hash is left for sha256()
  fsview::FileInfo file_;
};

Content read_content(const fsview::View& view, const fsview::FileInfo& file, uint64_t max_bytes,
                     WholeFileHash hash = WholeFileHash::while_reading);

}  // namespace shodo::files

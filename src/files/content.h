// Reading one file of a view once: the first bytes held for scanning, every
// byte read, so memory stays bounded however large the file.
#pragma once

#include <cstdint>
#include <string>

#include "fsview/fsview.h"

namespace shodo::files {

class Content {
 public:
  std::string data;        // the first max_bytes of the file
  uint64_t total = 0;      // bytes read in all
  bool truncated = false;  // data holds only the start of the file
  std::string error;       // set when the file could not be read (to its end)

  // Lower-case hex SHA-256 of the whole file; empty unless it was read to its
  // end. A file that fits in data is hashed on this call (a scan reports the
  // hash only with a finding); a larger one was hashed while it was read.
  std::string sha256() const;

 private:
  friend Content read_content(const fsview::View&, const fsview::FileInfo&, uint64_t);
  bool read_ = false;
  std::string streamed_sha256_;
};

Content read_content(const fsview::View& view, const fsview::FileInfo& file, uint64_t max_bytes);

}  // namespace shodo::files

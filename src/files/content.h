// Reading one file of a view once: the first bytes held for scanning, every
// byte hashed, so memory stays bounded however large the file.
#pragma once

#include <cstdint>
#include <string>

#include "fsview/fsview.h"

namespace shodo::files {

struct Content {
  std::string data;        // the first max_bytes of the file
  std::string sha256;      // lower-case hex of the whole file; empty on error
  uint64_t total = 0;      // bytes read in all
  bool truncated = false;  // data holds only the start of the file
  std::string error;       // set when the file could not be read (to its end)
};

Content read_content(const fsview::View& view, const fsview::FileInfo& file, uint64_t max_bytes);

}  // namespace shodo::files

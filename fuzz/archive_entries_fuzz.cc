// Archive entry handling: the bytes opened as an archive (tar in any
// compression, zip, 7z, cpio...), every entry walked and its content read
// back from the spool. Unsafe names must stay view paths inside the root.
#include "fsview/fsview.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"

namespace shodo::fuzz {

int archive_entries(const uint8_t* data, size_t size) {
  std::vector<fsview::Problem> problems;
  std::string error;
  const auto view = fsview::open_archive(memory_file(as_text(data, size)), problems, error);
  if (view) read_whole_view(*view);
  return 0;
}

}  // namespace shodo::fuzz

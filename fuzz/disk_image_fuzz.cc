// Disk images: the bytes opened as a raw image (volume system, then each
// file system libtsk recognizes), every view walked with deleted entries,
// and every regular file's content read.
#include "fsview/fsview.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"

namespace shodo::fuzz {

int disk_image(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const fsview::Source source = fsview::open_source(memory_file(as_text(data, size)));
  for (const auto& view : source.views) read_whole_view(*view, /*include_deleted=*/true);
  return 0;
}

}  // namespace shodo::fuzz

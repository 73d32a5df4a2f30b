// Opening evidence on the host without changing it.
#pragma once

#include <memory>
#include <string>

#include "fsview/fsview.h"

namespace shodo::evidence {

// Read-only, O_NOATIME where allowed (the owner or root), so reading does
// not move the access time; -1 and errno otherwise.
int open_source_fd(const std::string& path);
// A reader over an open descriptor (closed with it).
std::unique_ptr<fsview::Reader> reader_for_fd(int fd);

}  // namespace shodo::evidence

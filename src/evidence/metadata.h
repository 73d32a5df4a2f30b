// Source metadata as found, as a JSON object for Item::metadata_json.
#pragma once

#include <string>

#include "fsview/fsview.h"

namespace shodo::evidence {

// Type, size, mode, owner (ids and names when resolvable), inode, link
// count, m/a/c/birth times (UTC, nanoseconds), symlink target, and the
// extended attributes read from `host_path` (without following a link).
std::string file_metadata_json(const fsview::FileInfo& info, const std::string& host_path);

// 2024-03-10T03:04:05.123456789Z
std::string iso_time_ns(fsview::TimeNs t);

}  // namespace shodo::evidence

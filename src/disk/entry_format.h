// How one file-system entry is written, shared by `disk ls`, `disk
// timeline` and the extract manifest (internal to the disk component).
#pragma once

#include <string>

#include "fsview/fsview.h"

namespace shodo::disk {

// "2024-03-10T03:00:01.123456789Z"; "" for kNoTime.
std::string iso_time(fsview::TimeNs t);
// ls-style: "-rw-r--r--", "drwxr-xr-x", "lrwxrwxrwx"... with s/S/t/T.
std::string mode_string(const fsview::FileInfo& f);
// "0644": the permission bits in octal.
std::string mode_octal(const fsview::FileInfo& f);
// How a view is named in paths and citations: "p2" for partition 2, "" for
// an image without partitions.
std::string view_tag(const fsview::View& view);
// The view's tag followed by ':' when it has one, then `path`.
std::string tagged_path(const fsview::View& view, const std::string& path);
// The entry's fields as JSON members (path, type, inode, mode, uid, gid,
// size, times, deleted, link target), `owner` when not empty.
void append_entry_json(std::string& out, const fsview::View& view, const fsview::FileInfo& f,
                       const std::string& owner);

}  // namespace shodo::disk

// What a file tree is, to show that reading it as evidence changed nothing:
// every entry's type, content (SHA-256), link target, and times.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace shodo::testing {

struct EntryState {
  char type = '?';     // f file, d folder, l symlink, p FIFO, o other
  std::string sha256;  // files only
  std::string link;    // symlinks only
  // A symlink's access time is not kept: the kernel updates it whenever the
  // link is read (readlink), by any tool, this snapshot included.
  int64_t mtime_ns = 0, atime_ns = 0;
  bool operator==(const EntryState&) const = default;
};

// Keyed by path relative to `root`; symlinks are not followed, FIFOs not
// opened. Reading is done with O_NOATIME, so taking a snapshot does not
// change what it records.
std::map<std::string, EntryState> snapshot_tree(const std::string& root);

// Sets every entry's access time to a day before its modification time, so
// that a reader updating access times (relatime does when atime <= mtime)
// would show up.
void age_access_times(const std::string& root);

// "" when equal, else the first difference in words.
std::string first_difference(const std::map<std::string, EntryState>& before,
                             const std::map<std::string, EntryState>& after);

}  // namespace shodo::testing

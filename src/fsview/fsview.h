// Public API of the fsview component: one read-only view of "a tree of files
// with metadata", backed by a live directory or by a file system inside a disk
// image, so that every analysis (log hunting, system triage, webroot scans)
// runs on both without knowing which. Analyses never call the OS directly for
// evidence: "same results from a folder and from an image" is a property of
// this interface.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/expansion_limit.h"

namespace shodo::fsview {

enum class FileType : uint8_t {
  regular,
  directory,
  symlink,
  fifo,
  socket,
  char_device,
  block_device,
  other,
};
std::string_view file_type_name(FileType type);

// Nanoseconds since the Unix epoch (UTC); kNoTime where the file system does
// not record that time (e.g. birth time on ext3, access time on some FAT).
using TimeNs = int64_t;
inline constexpr TimeNs kNoTime = std::numeric_limits<int64_t>::min();

struct FileInfo {
  // Path inside the view: starts with '/', '/'-separated, bytes as the file
  // system stores them (may be invalid UTF-8 or hold control characters:
  // escape before display, never use as a host path unchecked).
  std::string path;
  FileType type = FileType::other;
  uint64_t size = 0;
  uint32_t mode = 0;  // permission bits with setuid, setgid and sticky (07777)
  uint32_t uid = 0, gid = 0;
  uint64_t inode = 0;  // inode, or MFT entry number on NTFS
  uint32_t nlink = 0;
  // m: content modified, a: accessed, c: metadata changed (ext) or MFT entry
  // changed (NTFS), b: born (created).
  TimeNs mtime = kNoTime, atime = kNoTime, ctime = kNoTime, btime = kNoTime;
  bool deleted = false;     // no longer allocated (images only)
  std::string link_target;  // symlinks: the target as stored, never followed

  // The last path component ("" for the root).
  std::string_view name() const;
};

// Streams one file's content.
class Reader {
 public:
  virtual ~Reader() = default;
  // Up to n bytes; 0 at the end or on an error (then error() is set).
  virtual size_t read(char* buf, size_t n) = 0;
  // For readers that would only discard NUL bytes: when the read position is
  // in a hole of a sparse file (never written, reads as zeros), moves past
  // it and returns how many bytes were passed; else 0. A 10 GB sparse file
  // then costs no 10 GB of reading.
  virtual uint64_t skip_hole() { return 0; }
  // Set when reading stopped before the end of the file.
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

struct Problem {
  std::string path;  // view path (or host path for open_source)
  std::string reason;
};

enum class Visit { descend, skip };  // skip: do not enter this directory

struct WalkOptions {
  bool include_deleted = false;  // images: unallocated entries as well
  unsigned max_depth = 128;      // deeper folders are reported, not entered
};

// Where a view of a disk image sits in it (see View::volume()).
struct Volume {
  int partition = -1;   // index in the volume system; -1 when the image has none
  uint64_t offset = 0;  // bytes from the start of the image
  uint64_t length = 0;  // bytes of the partition (or of the image)
  std::string label;    // file system label, when it has one
  uint32_t block_size = 0;
  uint64_t block_count = 0;
};

// A read-only file tree. Safe to use from several threads at once.
class View {
 public:
  virtual ~View() = default;
  // What this view is, for reports and citations, e.g. "directory /srv/www"
  // or "disk.E01 partition 2 (ext4 at byte 1048576)".
  virtual std::string description() const = 0;
  // "directory" for a live folder, else the file system type ("ext4", "ntfs").
  virtual std::string fs_type() const = 0;
  // Metadata of one path, without following a final symlink. false and the
  // reason when it cannot be found.
  virtual bool stat(std::string_view path, FileInfo& out, std::string& error) const = 0;
  // Visits `root` itself and everything below it, depth first, a folder before
  // its content, the entries of one folder in byte order of their names.
  // Symlinks are reported, never followed. What cannot be read (a folder, a
  // loop, a tree deeper than max_depth) goes to on_problem and the walk goes
  // on. on_entry may be called from the calling thread only.
  virtual void walk(std::string_view root, const WalkOptions& options,
                    const std::function<Visit(const FileInfo&)>& on_entry,
                    const std::function<void(const Problem&)>& on_problem) const = 0;
  // Opens a regular file's content (for a deleted file, what the file system
  // still holds). nullptr and the reason when it cannot be read.
  virtual std::unique_ptr<Reader> open(const FileInfo& file, std::string& error) const = 0;
  // Views of disk images: where the file system sits; nullptr otherwise.
  virtual const Volume* volume() const { return nullptr; }
};

// A live directory, read-only: files opened O_RDONLY with O_NOATIME where
// allowed, symlinks never followed. View paths are relative to `root`
// ("/" is `root` itself).
std::unique_ptr<View> open_directory(const std::string& root, std::string& error);

// An archive (tar in any compression, zip, 7z, cpio...) as a view, its
// entries with the times, modes and owners they were stored with. Read once
// when opened (contents spooled to an unlinked temporary file); unsafe names
// (absolute, "../") and unreadable entries go to `problems`. nullptr and the
// reason when the file is no archive. Content expanding beyond `limit` (a
// compression bomb) is cut there, with a problem saying so.
std::unique_ptr<View> open_archive(const std::string& path, std::vector<Problem>& problems,
                                   std::string& error, const util::ExpansionLimit& limit = {});
// By name: .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .tar.zst, .zip, .7z, .cpio.
bool looks_like_archive_name(std::string_view path);

// A partition of a disk image's volume system, readable or not.
struct Partition {
  int index = 0;  // 1, 2... in table order, allocated partitions only (sda1...)
  uint64_t offset = 0, length = 0;
  std::string description;  // from the table, e.g. "Linux filesystem" or "Linux (0x83)"
};

// What a disk image is, for `disk info` (empty for a directory).
struct ImageInfo {
  std::string format;              // e.g. "raw", "ewf"
  std::vector<std::string> files;  // its segment files (split raw, E01...)
  uint64_t size = 0;               // bytes of media
  std::vector<std::pair<std::string, std::string>> stored_hashes;  // {"MD5", hex} (E01)
  std::string volume_system;  // "gpt", "dos"...; empty when the image has none
  std::vector<Partition> partitions;
};

// What this build can open: image formats, volume systems and file systems
// of the installed libtsk, as "name (description)" lines.
struct Support {
  std::vector<std::string> image_formats, volume_systems, file_systems;
};
Support image_support();

// What a command-line argument holds: a directory gives one view; a disk
// image gives one view per file system it can read, and a problem for each
// partition it cannot (which one, where, what it appears to be).
struct Source {
  std::string path;  // as given
  bool is_image = false;
  std::vector<std::unique_ptr<View>> views;
  std::vector<Problem> problems;
  ImageInfo image;
};
Source open_source(const std::string& path);

// A quick look at a file's first bytes: true when it starts like a disk
// image (E01, VMDK, VHD, AFF, a partition table or boot sector, or a file
// system's superblock), so that commands taking both logs and images can
// tell them apart without opening every log with libtsk. A true here is a
// hint: open_source() decides.
bool looks_like_disk_image(const std::string& path);

}  // namespace shodo::fsview

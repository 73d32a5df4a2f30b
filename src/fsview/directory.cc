// The live-directory back end: every access is relative to one directory
// descriptor, with O_NOFOLLOW and fstatat(AT_SYMLINK_NOFOLLOW), so a symlink
// planted in evidence can never lead the analysis outside the tree.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "fsview/fsview.h"
#include "fsview/path.h"

namespace shodo::fsview {
namespace {

std::string errno_text(int err) {
  return std::strerror(err);
}

FileType type_of(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return FileType::regular;
    case S_IFDIR: return FileType::directory;
    case S_IFLNK: return FileType::symlink;
    case S_IFIFO: return FileType::fifo;
    case S_IFSOCK: return FileType::socket;
    case S_IFCHR: return FileType::char_device;
    case S_IFBLK: return FileType::block_device;
    default: return FileType::other;
  }
}

TimeNs to_ns(const struct statx_timestamp& t) {
  return static_cast<TimeNs>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Opens with O_NOATIME, which only the file's owner (or root) may use; others
// fall back to a plain read-only open.
int open_noatime(int dirfd, const char* name, int flags) {
  int fd = ::openat(dirfd, name, flags | O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOATIME);
  if (fd < 0 && errno == EPERM)
    fd = ::openat(dirfd, name, flags | O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  return fd;
}

class FdReader final : public Reader {
 public:
  explicit FdReader(int fd) : fd_(fd) {}
  ~FdReader() override { ::close(fd_); }
  size_t read(char* buf, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      error_ = errno_text(errno);
      return 0;
    }
  }

 private:
  int fd_;
};

// A path inside the view, resolved one folder at a time with O_NOFOLLOW: a
// symlinked folder planted in the evidence (say /home -> /) stops the lookup
// instead of leading it to the analyst's own files.
class Resolved {
 public:
  Resolved(int root_fd, const std::string& normalized_path) : dir_fd_(root_fd) {
    std::vector<std::string> parts;
    size_t i = 1;
    while (i < normalized_path.size()) {
      size_t j = normalized_path.find('/', i);
      if (j == std::string::npos) j = normalized_path.size();
      parts.push_back(normalized_path.substr(i, j - i));
      i = j + 1;
    }
    if (parts.empty()) return;  // the root itself: leaf_ stays ""
    leaf_ = parts.back();
    parts.pop_back();
    for (const std::string& part : parts) {
      int fd = ::openat(dir_fd_, part.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0) {
        error_ = errno == ELOOP || errno == ENOTDIR
                     ? "a folder on the way (" + part + ") is a symbolic link: not followed"
                     : errno_text(errno);
        break;
      }
      if (owned_) ::close(dir_fd_);
      dir_fd_ = fd;
      owned_ = true;
    }
  }
  ~Resolved() {
    if (owned_) ::close(dir_fd_);
  }
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  int dir_fd() const { return dir_fd_; }
  // The last component, or "." for the root (with AT_EMPTY_PATH: "").
  const char* leaf() const { return leaf_.empty() ? "." : leaf_.c_str(); }

 private:
  int dir_fd_;
  bool owned_ = false;
  std::string leaf_;
  std::string error_;
};

class DirectoryView final : public View {
 public:
  DirectoryView(std::string root, int root_fd) : root_(std::move(root)), root_fd_(root_fd) {}
  ~DirectoryView() override { ::close(root_fd_); }

  std::string description() const override { return "directory " + root_; }
  std::string fs_type() const override { return "directory"; }

  bool stat(std::string_view path, FileInfo& out, std::string& error) const override {
    std::string n = normalize_view_path(path);
    Resolved at(root_fd_, n);
    if (!at.ok()) {
      error = at.error();
      return false;
    }
    struct statx sx;
    if (::statx(at.dir_fd(), at.leaf(), AT_SYMLINK_NOFOLLOW, kStatxMask, &sx) != 0) {
      error = errno_text(errno);
      return false;
    }
    out = info_from(std::move(n), sx);
    if (out.type == FileType::symlink) out.link_target = read_link(at.dir_fd(), at.leaf());
    return true;
  }

  void walk(std::string_view root, const WalkOptions& options,
            const std::function<Visit(const FileInfo&)>& on_entry,
            const std::function<void(const Problem&)>& on_problem) const override {
    FileInfo top;
    std::string error;
    if (!stat(root, top, error)) {
      on_problem({normalize_view_path(root), error});
      return;
    }
    std::set<std::pair<uint64_t, uint64_t>> ancestors;
    walk_entry(top, 0, options, ancestors, on_entry, on_problem);
  }

  std::unique_ptr<Reader> open(const FileInfo& file, std::string& error) const override {
    if (file.type != FileType::regular) {
      error = "not a regular file (" + std::string(file_type_name(file.type)) + ")";
      return nullptr;
    }
    Resolved at(root_fd_, normalize_view_path(file.path));
    if (!at.ok()) {
      error = at.error();
      return nullptr;
    }
    // O_NONBLOCK: a FIFO swapped in after the walk must not hang the reader.
    int fd = open_noatime(at.dir_fd(), at.leaf(), O_NONBLOCK);
    if (fd < 0) {
      error = errno_text(errno);
      return nullptr;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      error = "no longer a regular file";
      return nullptr;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return std::make_unique<FdReader>(fd);
  }

 private:
  static constexpr unsigned kStatxMask = STATX_BASIC_STATS | STATX_BTIME;

  static std::string read_link(int dir_fd, const char* name) {
    char buf[4096];
    ssize_t n = ::readlinkat(dir_fd, name, buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }

  static FileInfo info_from(std::string path, const struct statx& sx) {
    FileInfo f;
    f.path = std::move(path);
    f.type = type_of(sx.stx_mode);
    f.size = sx.stx_size;
    f.mode = sx.stx_mode & 07777;
    f.uid = sx.stx_uid;
    f.gid = sx.stx_gid;
    f.inode = sx.stx_ino;
    f.nlink = sx.stx_nlink;
    f.mtime = to_ns(sx.stx_mtime);
    f.atime = to_ns(sx.stx_atime);
    f.ctime = to_ns(sx.stx_ctime);
    if (sx.stx_mask & STATX_BTIME) f.btime = to_ns(sx.stx_btime);
    return f;
  }

  void walk_entry(const FileInfo& entry, unsigned depth, const WalkOptions& options,
                  std::set<std::pair<uint64_t, uint64_t>>& ancestors,
                  const std::function<Visit(const FileInfo&)>& on_entry,
                  const std::function<void(const Problem&)>& on_problem) const {
    if (on_entry(entry) == Visit::skip || entry.type != FileType::directory) return;
    if (depth >= options.max_depth) {
      on_problem({entry.path,
                  "deeper than " + std::to_string(options.max_depth) + " levels: not entered"});
      return;
    }
    Resolved at(root_fd_, entry.path);
    if (!at.ok()) {
      on_problem({entry.path, at.error()});
      return;
    }
    int fd = open_noatime(at.dir_fd(), at.leaf(), O_DIRECTORY);
    if (fd < 0) {
      on_problem({entry.path, "cannot open folder: " + errno_text(errno)});
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      on_problem({entry.path, "cannot stat folder: " + errno_text(errno)});
      ::close(fd);
      return;
    }
    // Without symlinks a loop needs a bind mount; still, never go round.
    auto key = std::make_pair(static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino));
    if (!ancestors.insert(key).second) {
      on_problem({entry.path, "folder loop (same folder as one of its parents): not entered"});
      ::close(fd);
      return;
    }
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
      on_problem({entry.path, "cannot list folder: " + errno_text(errno)});
      ::close(fd);
      ancestors.erase(key);
      return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (struct dirent* d = ::readdir(dir)) {
      if (std::strcmp(d->d_name, ".") != 0 && std::strcmp(d->d_name, "..") != 0)
        names.emplace_back(d->d_name);
    }
    if (errno != 0) on_problem({entry.path, "listing stopped early: " + errno_text(errno)});
    std::sort(names.begin(), names.end());
    std::string prefix = entry.path == "/" ? "/" : entry.path + "/";
    for (const std::string& name : names) {
      struct statx sx;
      if (::statx(::dirfd(dir), name.c_str(), AT_SYMLINK_NOFOLLOW, kStatxMask, &sx) != 0) {
        on_problem({prefix + name, "cannot stat: " + errno_text(errno)});
        continue;
      }
      FileInfo child = info_from(prefix + name, sx);
      if (child.type == FileType::symlink)
        child.link_target = read_link(::dirfd(dir), name.c_str());
      walk_entry(child, depth + 1, options, ancestors, on_entry, on_problem);
    }
    ::closedir(dir);
    ancestors.erase(key);
  }

  std::string root_;
  int root_fd_;
};

}  // namespace

std::unique_ptr<View> open_directory(const std::string& root, std::string& error) {
  // Listing a folder updates its access time unless it was opened O_NOATIME.
  int fd = open_noatime(AT_FDCWD, root.c_str(), O_DIRECTORY);
  if (fd < 0 && errno == ELOOP) fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    error = errno_text(errno);
    return nullptr;
  }
  return std::make_unique<DirectoryView>(root, fd);
}

}  // namespace shodo::fsview

// Archives (tar in any compression, zip, 7z, cpio...) as a read-only view.
// A compressed tar can only be read front to back, so the archive is read
// once: entries' metadata go to an in-memory tree, contents to one unlinked
// temporary file, from which open() reads. Nothing named by the archive is
// ever created on disk: an entry called "../../etc/cron.d/x" is only a view
// path (kept inside the view's root) plus a problem saying so.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include "fsview/fsview.h"
#include "fsview/path.h"

namespace shodo::fsview {
namespace {

constexpr uint64_t kMaxSpoolBytes = 64ull << 30;  // a zip bomb stops here, said in problems

FileType type_of(mode_t mode) {
  switch (mode & AE_IFMT) {
    case AE_IFREG: return FileType::regular;
    case AE_IFDIR: return FileType::directory;
    case AE_IFLNK: return FileType::symlink;
    case AE_IFIFO: return FileType::fifo;
    case AE_IFSOCK: return FileType::socket;
    case AE_IFCHR: return FileType::char_device;
    case AE_IFBLK: return FileType::block_device;
    default: return FileType::other;
  }
}

// libarchive's message for the last failure; it has none for some damaged
// input (a null pointer, which must not reach a std::string).
std::string error_text(struct archive* a) {
  const char* text = archive_error_string(a);
  return text ? text : "damaged data (no detail from libarchive)";
}

TimeNs entry_time(bool is_set, time_t s, long ns) {
  return is_set ? static_cast<TimeNs>(s) * 1000000000 + ns : kNoTime;
}

// Why a stored name is not a plain relative path; "" when it is.
std::string unsafe_name(const std::string& name) {
  if (name.empty()) return "entry without a name";
  if (name[0] == '/') return "absolute path in the archive";
  int depth = 0;
  size_t i = 0;
  while (i <= name.size()) {
    size_t j = name.find('/', i);
    if (j == std::string::npos) j = name.size();
    std::string_view part(name.data() + i, j - i);
    if (part == "..") {
      if (--depth < 0) return "path climbs out of the archive (../)";
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    i = j + 1;
  }
  return "";
}

struct Stored {
  FileInfo info;
  uint64_t offset = 0;  // in the spool
  bool content = false;
};

class SpoolReader final : public Reader {
 public:
  SpoolReader(int fd, uint64_t offset, uint64_t size)
      : fd_(fd), pos_(offset), end_(offset + size) {}
  size_t read(char* buf, size_t n) override {
    if (pos_ >= end_) return 0;
    if (n > end_ - pos_) n = end_ - pos_;
    for (;;) {
      ssize_t got = ::pread(fd_, buf, n, static_cast<off_t>(pos_));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        error_ = got < 0 ? std::strerror(errno) : "spooled content ended early";
        return 0;
      }
      pos_ += static_cast<uint64_t>(got);
      return static_cast<size_t>(got);
    }
  }

 private:
  int fd_;
  uint64_t pos_, end_;
};

class ArchiveView final : public View {
 public:
  ArchiveView(std::string path, std::string format, int spool_fd,
              std::map<std::string, Stored> entries)
      : path_(std::move(path)),
        format_(std::move(format)),
        fd_(spool_fd),
        entries_(std::move(entries)) {
    for (const auto& [p, e] : entries_)
      if (p != "/") children_[parent_of(p)].insert(p);
  }
  ~ArchiveView() override { ::close(fd_); }

  std::string description() const override { return "archive " + path_; }
  std::string fs_type() const override { return format_; }

  bool stat(std::string_view path, FileInfo& out, std::string& error) const override {
    auto it = entries_.find(normalize_view_path(path));
    if (it == entries_.end()) {
      error = "not in the archive";
      return false;
    }
    out = it->second.info;
    return true;
  }

  void walk(std::string_view root, const WalkOptions& options,
            const std::function<Visit(const FileInfo&)>& on_entry,
            const std::function<void(const Problem&)>& on_problem) const override {
    const std::string start = normalize_view_path(root);
    auto it = entries_.find(start);
    if (it == entries_.end()) {
      on_problem({start, "not in the archive"});
      return;
    }
    visit(it->second.info, 0, options, on_entry, on_problem);
  }

  std::unique_ptr<Reader> open(const FileInfo& file, std::string& error) const override {
    auto it = entries_.find(file.path);
    if (it == entries_.end() || !it->second.content) {
      error = it == entries_.end() ? "not in the archive" : "no content stored for this entry";
      return nullptr;
    }
    return std::make_unique<SpoolReader>(fd_, it->second.offset, it->second.info.size);
  }

 private:
  static std::string parent_of(const std::string& p) {
    size_t slash = p.rfind('/');
    return slash == 0 ? "/" : p.substr(0, slash);
  }

  void visit(const FileInfo& f, unsigned depth, const WalkOptions& options,
             const std::function<Visit(const FileInfo&)>& on_entry,
             const std::function<void(const Problem&)>& on_problem) const {
    if (on_entry(f) == Visit::skip || f.type != FileType::directory) return;
    auto kids = children_.find(f.path);
    if (kids == children_.end()) return;
    if (depth + 1 > options.max_depth) {
      on_problem(
          {f.path, "deeper than " + std::to_string(options.max_depth) + " folders: not entered"});
      return;
    }
    for (const std::string& child : kids->second)
      visit(entries_.at(child).info, depth + 1, options, on_entry, on_problem);
  }

  std::string path_, format_;
  int fd_;
  std::map<std::string, Stored> entries_;
  std::map<std::string, std::set<std::string>> children_;  // names in byte order
};

// Reads the whole archive once into the tree and the spool.
class Loader {
 public:
  Loader(const std::string& path, std::vector<Problem>& problems, const util::ExpansionLimit& limit)
      : path_(path), problems_(problems), limit_(limit) {}

  std::unique_ptr<View> load(std::string& error) {
    int src = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
    if (src < 0 && errno == EPERM) src = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (src < 0) {
      error = std::strerror(errno);
      return nullptr;
    }
    const char* tmp = std::getenv("TMPDIR");
    int spool = ::open(tmp && *tmp ? tmp : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (spool < 0) {
      error = std::string("cannot create a temporary file: ") + std::strerror(errno);
      ::close(src);
      return nullptr;
    }
    struct archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);  // not "raw": a plain .gz log is no archive
    bool ok = archive_read_open_fd(a, src, 1 << 16) == ARCHIVE_OK;
    if (!ok) error = std::string("not a readable archive: ") + error_text(a);
    if (ok) ok = read_entries(a, spool, error);
    const std::string format = simple_format(archive_format(a));
    archive_read_free(a);
    ::close(src);
    if (!ok) {
      ::close(spool);
      return nullptr;
    }
    add_missing_parents();
    return std::make_unique<ArchiveView>(path_, format, spool, std::move(entries_));
  }

 private:
  static std::string simple_format(int code) {
    switch (code & ARCHIVE_FORMAT_BASE_MASK) {
      case ARCHIVE_FORMAT_TAR: return "tar";
      case ARCHIVE_FORMAT_ZIP: return "zip";
      case ARCHIVE_FORMAT_7ZIP: return "7z";
      case ARCHIVE_FORMAT_CPIO: return "cpio";
      case ARCHIVE_FORMAT_ISO9660: return "iso9660";
      case ARCHIVE_FORMAT_RAR: return "rar";
      default: return "archive";
    }
  }

  bool read_entries(struct archive* a, int spool, std::string& error) {
    struct archive_entry* e = nullptr;
    size_t entries = 0;
    for (;;) {
      int r = archive_read_next_header(a, &e);
      if (r == ARCHIVE_EOF) break;
      if (r == ARCHIVE_WARN) problems_.push_back({path_, error_text(a)});
      if (r < ARCHIVE_WARN) {
        if (entries == 0) {
          error = std::string("not a readable archive: ") + error_text(a);
          return false;
        }
        problems_.push_back({path_, std::string("archive damaged after ") +
                                        std::to_string(entries) +
                                        " entries, the rest is not read: " + error_text(a)});
        break;
      }
      ++entries;
      add_entry(a, e, spool);
      if (bomb_) break;
    }
    return true;
  }

  void add_entry(struct archive* a, struct archive_entry* e, int spool) {
    const char* raw = archive_entry_pathname(e);
    const std::string name = raw ? raw : "";
    if (std::string why = unsafe_name(name); !why.empty()) problems_.push_back({name, why});
    Stored s;
    FileInfo& f = s.info;
    f.path = normalize_view_path(name);
    f.type = type_of(archive_entry_filetype(e));
    f.mode = archive_entry_perm(e) & 07777;
    f.uid = static_cast<uint32_t>(archive_entry_uid(e));
    f.gid = static_cast<uint32_t>(archive_entry_gid(e));
    f.inode = archive_entry_ino_is_set(e) ? archive_entry_ino64(e) : ++synthetic_inode_;
    f.nlink = archive_entry_nlink(e);
    f.mtime = entry_time(archive_entry_mtime_is_set(e), archive_entry_mtime(e),
                         archive_entry_mtime_nsec(e));
    f.atime = entry_time(archive_entry_atime_is_set(e), archive_entry_atime(e),
                         archive_entry_atime_nsec(e));
    f.ctime = entry_time(archive_entry_ctime_is_set(e), archive_entry_ctime(e),
                         archive_entry_ctime_nsec(e));
    f.btime = entry_time(archive_entry_birthtime_is_set(e), archive_entry_birthtime(e),
                         archive_entry_birthtime_nsec(e));
    if (f.type == FileType::symlink && archive_entry_symlink(e))
      f.link_target = archive_entry_symlink(e);
    if (const char* target = archive_entry_hardlink(e); target && f.type == FileType::regular) {
      // A hard link shares its target's content, stored earlier.
      auto it = entries_.find(normalize_view_path(target));
      if (it != entries_.end() && it->second.content) {
        s.offset = it->second.offset;
        s.content = true;
        f.size = it->second.info.size;
      }
    } else if (f.type == FileType::regular) {
      s.offset = spooled_;
      s.content = spool_data(a, spool, f);
    }
    if (f.path == "/" && f.type != FileType::directory) return;  // "./" as a file: nothing to hold
    if (entries_.count(f.path))
      problems_.push_back({f.path, "stored more than once: the last copy is used"});
    entries_[f.path] = std::move(s);
  }

  // Copies the entry's data to the spool; its size is what was read.
  bool spool_data(struct archive* a, int spool, FileInfo& f) {
    char buf[1 << 16];
    uint64_t size = 0;
    for (;;) {
      la_ssize_t got = archive_read_data(a, buf, sizeof buf);
      if (got == 0) break;
      if (got < 0) {
        problems_.push_back({f.path, std::string("content unreadable: ") + error_text(a)});
        break;
      }
      if (spooled_ + static_cast<uint64_t>(got) > kMaxSpoolBytes) {
        problems_.push_back({f.path, "archive expands beyond 64 GiB: content cut here"});
        break;
      }
      const auto compressed = static_cast<uint64_t>(archive_filter_bytes(a, -1));
      if (limit_.exceeded(compressed, spooled_ + static_cast<uint64_t>(got))) {
        problems_.push_back(
            {f.path, limit_.reason(compressed, spooled_ + static_cast<uint64_t>(got)) +
                         " (this entry is cut here, the entries after it are not listed)"});
        bomb_ = true;
        break;
      }
      if (!write_all(spool, buf, static_cast<size_t>(got))) {
        problems_.push_back({f.path, std::string("cannot spool content: ") + std::strerror(errno)});
        break;
      }
      spooled_ += static_cast<uint64_t>(got);
      size += static_cast<uint64_t>(got);
    }
    f.size = size;
    return true;
  }

  static bool write_all(int fd, const char* p, size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) return false;
      p += w;
      n -= static_cast<size_t>(w);
    }
    return true;
  }

  // Archives may omit folders ("a/b/c.php" alone): they are made up, without times.
  void add_missing_parents() {
    std::vector<std::string> missing;
    for (const auto& [p, e] : entries_) {
      for (size_t slash = p.rfind('/'); slash != std::string::npos && slash > 0;
           slash = p.rfind('/', slash - 1)) {
        std::string parent = p.substr(0, slash);
        if (entries_.count(parent)) break;
        missing.push_back(parent);
      }
    }
    missing.push_back("/");
    for (const std::string& p : missing) {
      if (entries_.count(p)) continue;
      Stored s;
      s.info.path = p;
      s.info.type = FileType::directory;
      s.info.mode = 0755;
      s.info.inode = ++synthetic_inode_;
      entries_[p] = std::move(s);
    }
  }

  const std::string& path_;
  std::vector<Problem>& problems_;
  const util::ExpansionLimit& limit_;
  bool bomb_ = false;  // the limit was reached: nothing more is read
  std::map<std::string, Stored> entries_;
  uint64_t spooled_ = 0;
  uint64_t synthetic_inode_ = 1ull << 48;  // above what tar headers usually carry
};

}  // namespace

std::unique_ptr<View> open_archive(const std::string& path, std::vector<Problem>& problems,
                                   std::string& error, const util::ExpansionLimit& limit) {
  return Loader(path, problems, limit).load(error);
}

bool looks_like_archive_name(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string name(path.substr(slash == std::string_view::npos ? 0 : slash + 1));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz",
                          ".tar.zst", ".tzst", ".zip", ".7z", ".cpio"})
    if (name.size() > std::strlen(ext) && name.ends_with(ext)) return true;
  return false;
}

}  // namespace shodo::fsview

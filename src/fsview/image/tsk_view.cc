// A file system inside a disk image, read with libtsk. Every libtsk call
// holds the image's mutex (see image.h); walks copy one folder's entries out
// under the lock and call the analysis without it, so an analysis may read
// files from other threads while a walk is under way.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "fsview/image/image.h"
#include "fsview/path.h"

namespace shodo::fsview::image {
namespace {

FileType type_of(TSK_FS_META_TYPE_ENUM type) {
  switch (type) {
    case TSK_FS_META_TYPE_REG: return FileType::regular;
    case TSK_FS_META_TYPE_DIR:
    case TSK_FS_META_TYPE_VIRT_DIR: return FileType::directory;
    case TSK_FS_META_TYPE_LNK: return FileType::symlink;
    case TSK_FS_META_TYPE_FIFO: return FileType::fifo;
    case TSK_FS_META_TYPE_SOCK: return FileType::socket;
    case TSK_FS_META_TYPE_CHR: return FileType::char_device;
    case TSK_FS_META_TYPE_BLK: return FileType::block_device;
    default: return FileType::other;
  }
}

FileType type_of(TSK_FS_NAME_TYPE_ENUM type) {
  switch (type) {
    case TSK_FS_NAME_TYPE_REG: return FileType::regular;
    case TSK_FS_NAME_TYPE_DIR:
    case TSK_FS_NAME_TYPE_VIRT_DIR: return FileType::directory;
    case TSK_FS_NAME_TYPE_LNK: return FileType::symlink;
    case TSK_FS_NAME_TYPE_FIFO: return FileType::fifo;
    case TSK_FS_NAME_TYPE_SOCK: return FileType::socket;
    case TSK_FS_NAME_TYPE_CHR: return FileType::char_device;
    case TSK_FS_NAME_TYPE_BLK: return FileType::block_device;
    default: return FileType::other;
  }
}

// libtsk writes 0 for a time the file system does not keep.
TimeNs to_ns(time_t s, uint32_t ns) {
  if (s == 0 && ns == 0) return kNoTime;
  return static_cast<TimeNs>(s) * 1000000000 + ns;
}

void fill_from_meta(const TSK_FS_META& meta, FileInfo& f) {
  f.type = type_of(meta.type);
  f.size = meta.size > 0 ? static_cast<uint64_t>(meta.size) : 0;
  f.mode = static_cast<uint32_t>(meta.mode) & 07777;
  f.uid = meta.uid;
  f.gid = meta.gid;
  f.inode = meta.addr;
  f.nlink = static_cast<uint32_t>(meta.nlink);
  f.mtime = to_ns(meta.mtime, meta.mtime_nano);
  f.atime = to_ns(meta.atime, meta.atime_nano);
  f.ctime = to_ns(meta.ctime, meta.ctime_nano);
  f.btime = to_ns(meta.crtime, meta.crtime_nano);
  if (meta.flags & TSK_FS_META_FLAG_UNALLOC) f.deleted = true;
  if (meta.type == TSK_FS_META_TYPE_LNK && meta.link) f.link_target = meta.link;
}

class TskReader final : public Reader {
 public:
  TskReader(std::shared_ptr<Image> image, TSK_FS_FILE* file, uint64_t size)
      : image_(std::move(image)), file_(file), size_(size) {}
  ~TskReader() override {
    std::lock_guard<std::mutex> hold(image_->lock);
    tsk_fs_file_close(file_);
  }
  size_t read(char* buf, size_t n) override {
    if (offset_ >= size_ || !error_.empty()) return 0;
    n = static_cast<size_t>(std::min<uint64_t>(n, size_ - offset_));
    std::lock_guard<std::mutex> hold(image_->lock);
    ssize_t got = tsk_fs_file_read(file_, static_cast<TSK_OFF_T>(offset_), buf, n,
                                   TSK_FS_FILE_READ_FLAG_NONE);
    if (got <= 0) {
      error_ = "cannot read at byte " + std::to_string(offset_) + ": " + tsk_error_text();
      return 0;
    }
    offset_ += static_cast<uint64_t>(got);
    return static_cast<size_t>(got);
  }

 private:
  std::shared_ptr<Image> image_;
  TSK_FS_FILE* file_;
  uint64_t size_, offset_ = 0;
};

class TskView final : public View {
 public:
  TskView(std::shared_ptr<Image> image, TSK_FS_INFO* fs, Volume volume, std::string description)
      : image_(std::move(image)),
        fs_(fs),
        volume_(std::move(volume)),
        description_(std::move(description)) {}
  ~TskView() override {
    std::lock_guard<std::mutex> hold(image_->lock);
    tsk_fs_close(fs_);
  }

  std::string description() const override { return description_; }
  std::string fs_type() const override { return tsk_fs_type_toname(fs_->ftype); }
  const Volume* volume() const override { return &volume_; }

  bool stat(std::string_view path, FileInfo& out, std::string& error) const override {
    out = FileInfo();
    out.path = normalize_view_path(path);
    std::lock_guard<std::mutex> hold(image_->lock);
    TSK_FS_FILE* file = nullptr;
    if (!TSK_FS_TYPE_ISEXT(fs_->ftype)) {
      file = tsk_fs_file_open(fs_, nullptr, out.path.c_str());
    } else {
      // libtsk's path lookup loads and lists whatever is on the way: follow
      // the path name by name instead, checking each inode first.
      bool deleted = false;
      const auto inode = resolve(out.path, deleted, error);
      if (!inode) return false;
      file = tsk_fs_file_open_meta(fs_, nullptr, *inode);
      if (file && file->meta && deleted) out.deleted = true;
    }
    if (!file || !file->meta) {
      error = file ? "no metadata" : "not found: " + tsk_error_text();
      if (file) tsk_fs_file_close(file);
      return false;
    }
    fill_from_meta(*file->meta, out);
    if (file->name && (file->name->flags & TSK_FS_NAME_FLAG_UNALLOC)) out.deleted = true;
    tsk_fs_file_close(file);
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
    // A whole file system's walk loads most inodes: reading the inode tables
    // in one pass first costs less than reading each inode twice.
    if (top.path == "/") {
      std::lock_guard<std::mutex> hold(image_->lock);
      scanned();
    }
    std::set<uint64_t> ancestors;
    walk_entry(top, 0, options, ancestors, on_entry, on_problem);
  }

  std::unique_ptr<Reader> open(const FileInfo& file, std::string& error) const override {
    if (file.type != FileType::regular) {
      error = "not a regular file (" + std::string(file_type_name(file.type)) + ")";
      return nullptr;
    }
    std::lock_guard<std::mutex> hold(image_->lock);
    if (error = refusal(file.inode, Use::read); !error.empty()) return nullptr;
    TSK_FS_FILE* f = tsk_fs_file_open_meta(fs_, nullptr, static_cast<TSK_INUM_T>(file.inode));
    if (!f || !f->meta) {
      error = "cannot open inode " + std::to_string(file.inode) + ": " + tsk_error_text();
      if (f) tsk_fs_file_close(f);
      return nullptr;
    }
    uint64_t size = f->meta->size > 0 ? static_cast<uint64_t>(f->meta->size) : 0;
    return std::make_unique<TskReader>(image_, f, size);
  }

 private:
  // What shodo asks libtsk to do with an inode.
  enum class Use { load, list, read };

  // Every inode libtsk must not be given (find_implausible_inodes), by
  // number; read from the inode tables on first use. The caller holds the
  // lock.
  const std::map<uint64_t, ImplausibleInode>& scanned() const {
    if (!scanned_) {
      scanned_.emplace();
      for (const ImplausibleInode& i : find_implausible_inodes(fs_)) {
        scanned_->emplace(i.inode, i);
        if (i.kind != ImplausibleInode::file) blocking_.push_back(i.inode);
      }
    }
    return *scanned_;
  }

  // Whether `inode` is one: from the scan once made, else read alone.
  std::optional<ImplausibleInode> implausible(uint64_t inode) const {
    if (!scanned_) return check_inode(fs_, inode);
    auto it = scanned_->find(inode);
    if (it == scanned_->end()) return std::nullopt;
    return it->second;
  }

  // Why `inode` is not used so, or "". The caller holds the lock.
  std::string refusal(uint64_t inode, Use use) const {
    if (use == Use::list && inode == TSK_FS_ORPHANDIR_INUM(fs_)) {
      // The orphan search loads every unallocated inode and lists every
      // folder, named or deleted.
      scanned();
      if (blocking_.empty()) return "";
      std::string numbers;
      for (size_t i = 0; i < blocking_.size() && i < 5; ++i)
        numbers += (numbers.empty() ? "" : ", ") + std::to_string(blocking_[i]);
      return fmt::format(
          "deleted files that lost their name not searched: {} inode(s) ({}{}) claim sizes that "
          "libtsk's search would allocate or read (corrupt or forged)",
          blocking_.size(), numbers, blocking_.size() > 5 ? ", ..." : "");
    }
    const std::optional<ImplausibleInode> bad = implausible(inode);
    if (!bad) return "";
    const ImplausibleInode& i = *bad;
    switch (i.kind) {
      case ImplausibleInode::inline_data:
        return fmt::format(
            "inode {} claims {} bytes of inline data, more than the {} an inode holds (corrupt "
            "or forged): not read",
            inode, i.claimed, i.limit);
      case ImplausibleInode::folder:
        if (use != Use::list) return "";
        return fmt::format(
            "folder inode {} claims {} bytes, more than {} (its file system's size, or 64 MiB) "
            "(corrupt or forged): not listed",
            inode, i.claimed, i.limit);
      case ImplausibleInode::file:
        if (use != Use::read) return "";
        return fmt::format(
            "inode {} claims {} bytes in block pointers, more than its {}-byte file system (a "
            "sparse file or a forged size): content not read",
            inode, i.claimed, i.limit);
    }
    return "";
  }

  // The inode `path` names, followed one folder at a time without loading
  // any refused inode; deleted names only when no allocated one matches.
  // The caller holds the lock.
  std::optional<TSK_INUM_T> resolve(const std::string& path, bool& deleted,
                                    std::string& error) const {
    TSK_INUM_T inode = fs_->root_inum;
    deleted = false;
    for (size_t at = 1; at < path.size();) {
      size_t end = path.find('/', at);
      if (end == std::string::npos) end = path.size();
      const std::string part = path.substr(at, end - at);
      at = end + 1;
      if (error = refusal(inode, Use::list); !error.empty()) return std::nullopt;
      TSK_FS_DIR* d = tsk_fs_dir_open_meta(fs_, inode);
      if (!d) {
        error = "not found: " + tsk_error_text();
        return std::nullopt;
      }
      std::optional<TSK_INUM_T> allocated, unallocated;
      for (size_t i = 0, n = tsk_fs_dir_getsize(d); i < n && !allocated; ++i) {
        const TSK_FS_NAME* name = tsk_fs_dir_get_name(d, i);
        if (!name || !name->name || part != name->name) continue;
        if (name->flags & TSK_FS_NAME_FLAG_UNALLOC) {
          if (!unallocated) unallocated = name->meta_addr;
        } else {
          allocated = name->meta_addr;
        }
      }
      tsk_fs_dir_close(d);
      if (!allocated && !unallocated) {
        error = "not found";
        return std::nullopt;
      }
      deleted = deleted || !allocated;
      inode = allocated ? *allocated : *unallocated;
    }
    if (error = refusal(inode, Use::load); !error.empty()) return std::nullopt;
    return inode;
  }

  // One folder's entries, copied out under the lock. Memory is bounded by
  // the largest folder on the current path, not by the file system. Entries
  // that cannot be read become problems.
  void list(const FileInfo& dir, const WalkOptions& options, std::vector<FileInfo>& out,
            std::vector<Problem>& problems) const {
    std::lock_guard<std::mutex> hold(image_->lock);
    if (std::string why = refusal(dir.inode, Use::list); !why.empty()) {
      problems.push_back({dir.path, why});
      return;
    }
    TSK_FS_DIR* d = tsk_fs_dir_open_meta(fs_, static_cast<TSK_INUM_T>(dir.inode));
    if (!d) {
      if (!dir.deleted) problems.push_back({dir.path, "cannot list folder: " + tsk_error_text()});
      return;
    }
    const std::string prefix = dir.path == "/" ? "/" : dir.path + "/";
    const size_t n = tsk_fs_dir_getsize(d);
    for (size_t i = 0; i < n; ++i) {
      const TSK_FS_NAME* name = tsk_fs_dir_get_name(d, i);
      if (!name || !name->name || TSK_FS_ISDOT(name->name)) continue;
      FileInfo f;
      f.path = prefix + name->name;
      f.deleted = dir.deleted || (name->flags & TSK_FS_NAME_FLAG_UNALLOC);
      if (std::string why = refusal(name->meta_addr, Use::load); !why.empty()) {
        if (!f.deleted || options.include_deleted) problems.push_back({f.path, why});
        continue;
      }
      TSK_FS_FILE* file = tsk_fs_dir_get(d, i);
      if (!file) continue;
      f.type = type_of(name->type);
      f.inode = name->meta_addr;
      if (file->meta) fill_from_meta(*file->meta, f);
      // Virtual files ($MBR, $FAT1...) are libtsk's, not the file system's;
      // its $OrphanFiles folder holds deleted files that lost their name.
      const bool orphans = file->meta && file->meta->type == TSK_FS_META_TYPE_VIRT_DIR;
      const bool virt = file->meta && file->meta->type == TSK_FS_META_TYPE_VIRT;
      if (orphans) f.deleted = true;
      tsk_fs_file_close(file);
      if (virt || (f.deleted && !options.include_deleted)) continue;
      out.push_back(std::move(f));
    }
    tsk_fs_dir_close(d);
    std::stable_sort(out.begin(), out.end(),
                     [](const FileInfo& a, const FileInfo& b) { return a.path < b.path; });
  }

  void walk_entry(const FileInfo& entry, unsigned depth, const WalkOptions& options,
                  std::set<uint64_t>& ancestors,
                  const std::function<Visit(const FileInfo&)>& on_entry,
                  const std::function<void(const Problem&)>& on_problem) const {
    if (on_entry(entry) == Visit::skip || entry.type != FileType::directory) return;
    if (depth >= options.max_depth) {
      on_problem({entry.path,
                  "deeper than " + std::to_string(options.max_depth) + " levels: not entered"});
      return;
    }
    // A deleted folder's inode may since hold another folder: never go round.
    if (!ancestors.insert(entry.inode).second) {
      on_problem({entry.path, "folder loop (same inode as one of its parents): not entered"});
      return;
    }
    std::vector<FileInfo> children;
    std::vector<Problem> problems;
    list(entry, options, children, problems);
    for (const Problem& problem : problems) on_problem(problem);
    for (const FileInfo& child : children)
      walk_entry(child, depth + 1, options, ancestors, on_entry, on_problem);
    ancestors.erase(entry.inode);
  }

  std::shared_ptr<Image> image_;
  TSK_FS_INFO* fs_;
  mutable std::optional<std::map<uint64_t, ImplausibleInode>> scanned_;
  mutable std::vector<uint64_t> blocking_;  // inline_data and folder ones, ascending
  Volume volume_;
  std::string description_;
};

}  // namespace

Image::~Image() {
  if (vs) tsk_vs_close(vs);
  if (img) tsk_img_close(img);
}

std::string tsk_error_text() {
  const char* e = tsk_error_get();
  std::string text = e ? e : "unknown libtsk error";
  tsk_error_reset();
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::unique_ptr<View> make_tsk_view(std::shared_ptr<Image> image, TSK_FS_INFO* fs, Volume volume,
                                    std::string description) {
  return std::make_unique<TskView>(std::move(image), fs, std::move(volume), std::move(description));
}

}  // namespace shodo::fsview::image

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cstring>

#include "evidence/acquire_steps.h"
#include "evidence/metadata.h"
#include "evidence/source_fd.h"
#include "evidence/vault.h"
#include "report/json_writer.h"

namespace shodo::evidence {
namespace {

// libarchive reads the archive back from the vault through this callback.
struct VaultSource {
  fsview::Reader* reader;
  std::vector<char> buf = std::vector<char>(1 << 16);
};

la_ssize_t read_callback(struct archive* a, void* data, const void** out) {
  auto* src = static_cast<VaultSource*>(data);
  size_t n = src->reader->read(src->buf.data(), src->buf.size());
  if (n == 0 && !src->reader->error().empty()) {
    archive_set_error(a, EIO, "%s", src->reader->error().c_str());
    return -1;
  }
  *out = src->buf.data();
  return static_cast<la_ssize_t>(n);
}

// One entry's data as a stream.
class EntryReader final : public fsview::Reader {
 public:
  explicit EntryReader(struct archive* a) : a_(a) {}
  size_t read(char* buf, size_t n) override {
    la_ssize_t got = archive_read_data(a_, buf, n);
    if (got < 0) {
      const char* e = archive_error_string(a_);
      error_ = e ? e : "cannot read the entry's data";
      return 0;
    }
    return static_cast<size_t>(got);
  }

 private:
  struct archive* a_;
};

std::string entry_metadata(struct archive_entry* e) {
  std::string out;
  report::JsonObject o(out);
  o.number("size", static_cast<int64_t>(archive_entry_size(e)));
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", archive_entry_perm(e) & 07777);
  o.text("mode", mode);
  o.number("uid", static_cast<int64_t>(archive_entry_uid(e)));
  if (const char* u = archive_entry_uname(e)) o.text("user", u);
  o.number("gid", static_cast<int64_t>(archive_entry_gid(e)));
  if (const char* g = archive_entry_gname(e)) o.text("group", g);
  if (archive_entry_mtime_is_set(e))
    o.text("mtime",
           iso_time_ns(archive_entry_mtime(e) * 1000000000LL + archive_entry_mtime_nsec(e)));
  o.close();
  return out;
}

}  // namespace

Status acquire_archive(Session& s, const std::string& path, const AcquireOptions& o,
                       AcquireReport& r) {
  const size_t before = r.items.size();
  if (Status st = acquire_tree(s, path, "archive", "logical", o, r); !st) return st;
  if (r.items.size() == before) return {};  // not readable: already a problem
  const cases::Item archive_item = r.items.back().item;

  std::string error;
  auto reader = open_blob(s, archive_item.hashes.sha256, error);
  if (!reader) return Status::fail(error);
  VaultSource src{reader.get()};
  struct archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);  // not "raw": a plain .gz is no archive
  // 7z needs to seek, which the vault stream cannot: it is read from the
  // source (read-only, O_NOATIME) instead, after its bytes were hashed.
  unsigned char magic[6] = {};
  int fd = open_source_fd(path);
  const bool seekable = fd >= 0 && ::pread(fd, magic, sizeof magic, 0) == 6 &&
                        std::memcmp(magic, "7z\xbc\xaf\x27\x1c", 6) == 0;
  const int opened = seekable ? archive_read_open_fd(a, fd, 1 << 16)
                              : archive_read_open(a, &src, nullptr, read_callback, nullptr);
  if (opened != ARCHIVE_OK) {
    const char* e = archive_error_string(a);
    r.problems.push_back(
        {path, std::string("not a readable archive: ") + (e ? e : "unknown format")});
    ++r.malformed_entries;
    archive_read_free(a);
    if (fd >= 0) ::close(fd);
    return {};
  }
  Status failed;
  struct archive_entry* entry;
  for (;;) {
    int rc = archive_read_next_header(a, &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc == ARCHIVE_FATAL) {
      const char* e = archive_error_string(a);
      r.problems.push_back(
          {path, std::string("archive damaged, reading stopped: ") + (e ? e : "")});
      ++r.malformed_entries;
      break;
    }
    const char* name = archive_entry_pathname(entry);
    const std::string entry_path = name ? name : "";
    const std::string where = path + "!" + entry_path;
    if (rc == ARCHIVE_WARN) {
      const char* e = archive_error_string(a);
      r.problems.push_back({where, std::string("archive warning: ") + (e ? e : "")});
    }
    std::string problems = unsafe_entry_path(entry_path);
    const auto type = archive_entry_filetype(entry);
    if (const char* hl = archive_entry_hardlink(entry)) {
      std::string why = unsafe_entry_path(hl);
      if (!why.empty()) r.problems.push_back({where, "hard link target: " + why});
      continue;
    }
    if (type == AE_IFLNK) {
      const char* t = archive_entry_symlink(entry);
      std::string why = unsafe_link_target(entry_path, t ? t : "");
      if (!problems.empty() || !why.empty())
        r.problems.push_back({where, problems.empty() ? why : problems});
      continue;
    }
    if (type != AE_IFREG) {
      if (!problems.empty()) r.problems.push_back({where, problems});
      continue;
    }
    if (!problems.empty()) r.problems.push_back({where, problems + " (stored by content only)"});
    cases::Item item;
    item.parent_id = archive_item.id;
    item.kind = "archive-entry";
    item.method = "logical";
    item.source = archive_item.source;
    item.entry_path = entry_path;
    item.problems = problems;
    item.metadata_json = entry_metadata(entry);
    EntryReader content(a);
    int64_t id = 0;
    if (Status st = record_item(s, std::move(item), content, o, r, id); !st) {
      if (content.error().empty()) {
        failed = st;
        break;
      }
      r.problems.push_back({where, "entry unreadable: " + content.error()});
      ++r.malformed_entries;
    }
  }
  archive_read_free(a);
  if (fd >= 0) ::close(fd);
  return failed;
}

}  // namespace shodo::evidence

// acquire(): picks how to read a source, then stores and records it.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "evidence/acquire_steps.h"
#include "evidence/custody.h"
#include "evidence/source_fd.h"
#include "evidence/vault.h"

namespace shodo::evidence {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// By content first (magic numbers), then by name for compressed tarballs
// and raw images (which have no magic).
SourceKind detect_kind(const std::string& path, const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return SourceKind::tree;
  if (S_ISBLK(st.st_mode)) return SourceKind::device;
  unsigned char head[264] = {};
  ssize_t n = 0;
  if (int fd = open_source_fd(path); fd >= 0) {
    n = ::pread(fd, head, sizeof head, 0);
    ::close(fd);
  }
  auto magic = [&](size_t at, std::string_view m) {
    return n >= static_cast<ssize_t>(at + m.size()) &&
           std::memcmp(head + at, m.data(), m.size()) == 0;
  };
  if (magic(0, "EVF\x09\x0d\x0a\xff\x00")) return SourceKind::e01;
  if (magic(0, "PK\x03\x04") || magic(0, "7z\xbc\xaf\x27\x1c") || magic(257, "ustar"))
    return SourceKind::archive;
  const std::string name = lower(path);
  for (auto ext : {".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.zst", ".tzst", ".tar.xz", ".txz"})
    if (ends_with(name, ext)) return SourceKind::archive;
  if (ends_with(name, ".001")) return SourceKind::split_raw;
  for (auto ext : {".dd", ".raw", ".img"})
    if (ends_with(name, ext)) return SourceKind::raw;
  return SourceKind::file;
}

}  // namespace

bool parse_source_kind(const std::string& name, SourceKind& out) {
  static const std::pair<std::string_view, SourceKind> kNames[] = {
      {"auto", SourceKind::automatic}, {"file", SourceKind::file},
      {"dir", SourceKind::tree},       {"archive", SourceKind::archive},
      {"raw", SourceKind::raw},        {"split-raw", SourceKind::split_raw},
      {"e01", SourceKind::e01},        {"device", SourceKind::device}};
  for (auto [n, k] : kNames)
    if (n == name) {
      out = k;
      return true;
    }
  return false;
}

namespace {

// The item's acquisition fields and its "acquired" event, once its content is stored.
cases::CaseStore::NewItem new_item(const Session& s, cases::Item item,
                                   const AcquireOptions& options) {
  const cases::CustodyEvent ev = make_event(s, "acquired", 0, options.purpose);
  item.acquired_at = ev.time_utc;
  item.acquired_zone = ev.time_local;
  item.acquired_by = s.actor;
  item.host = ev.host;
  item.tool = s.tool;
  item.notes = options.notes;
  cases::CustodyEvent acquired = ev;
  acquired.hashes_json = hashes_json(item.hashes);
  acquired.details =
      item.kind + ", " + item.method + " acquisition, " + std::to_string(item.size) + " bytes";
  return {std::move(item), std::move(acquired), false};
}

}  // namespace

Status record_item(Session& s, cases::Item item, fsview::Reader& content,
                   const AcquireOptions& options, AcquireReport& report, int64_t& id) {
  if (Status st = store_stream(s, content, item.hashes, item.size); !st)
    return Status::fail(st.error);
  cases::CaseStore::NewItem n = new_item(s, std::move(item), options);
  if (Status st = s.store->add_item(n.item, n.acquired, n.existing); !st) return st;
  id = n.item.id;
  report.items.push_back({std::move(n.item), n.existing});
  return {};
}

ItemBatch::ItemBatch(Session& s, const AcquireOptions& options, AcquireReport& report)
    : s_(s), options_(options), report_(report) {}

Status ItemBatch::add(cases::Item item, fsview::Reader& content) {
  PendingBlob blob;
  // A content already written in this batch is not written again.
  auto stored = [&](const std::string& sha256) {
    return pending_.count(sha256) || blob_stored(s_.dir, sha256);
  };
  if (Status st = store_stream(s_, content, item.hashes, item.size, &blob.blob, stored); !st)
    return Status::fail(st.error);
  if (blob.blob) {
    blob.sha256 = item.hashes.sha256;
    pending_.insert(blob.sha256);
    blobs_.push_back(std::move(blob));
  }
  items_.push_back(new_item(s_, std::move(item), options_));
  return blobs_.size() >= kBatchBlobs || items_.size() >= kBatchItems ? flush() : Status{};
}

Status ItemBatch::flush() {
  if (Status st = commit_blobs(s_.dir, blobs_); !st) return st;
  pending_.clear();
  if (Status st = s_.store->add_items(items_); !st) return st;
  for (auto& n : items_) report_.items.push_back({std::move(n.item), n.existing});
  items_.clear();
  return {};
}

Status acquire(Session& s, const std::string& source, const AcquireOptions& options,
               AcquireReport& report) {
  remove_stale_temp_files(s.dir);
  struct stat st;
  if (::lstat(source.c_str(), &st) != 0) return Status::fail(source + ": " + std::strerror(errno));
  // The case folder never acquires itself.
  std::error_code ec;
  const auto abs = std::filesystem::weakly_canonical(source, ec).string();
  if (abs == s.dir.root || abs.rfind(s.dir.root + "/", 0) == 0)
    return Status::fail(source + ": inside the case folder");
  SourceKind kind = options.kind;
  if (kind == SourceKind::automatic) kind = detect_kind(source, st);
  switch (kind) {
    case SourceKind::tree:
    case SourceKind::file: return acquire_tree(s, source, "file", "logical", options, report);
    case SourceKind::raw: return acquire_tree(s, source, "raw-image", "physical", options, report);
    case SourceKind::archive: return acquire_archive(s, source, options, report);
    case SourceKind::e01: return acquire_e01(s, source, options, report);
    case SourceKind::split_raw: return acquire_split_raw(s, source, options, report);
    case SourceKind::device: return acquire_device(s, source, options, report);
    case SourceKind::automatic: break;
  }
  return Status::fail(source + ": unknown source kind");
}

}  // namespace shodo::evidence

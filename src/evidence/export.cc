// shodo export: original bytes back out of the vault, into one folder only.
// Files are created relative to the folder's descriptor with O_EXCL and
// O_NOFOLLOW and a name reduced to one safe component, so no hostile entry
// name or planted symlink can place a file anywhere else.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "evidence/custody.h"
#include "evidence/multi_hash.h"
#include "evidence/pipeline.h"
#include "evidence/vault.h"
#include "report/json_writer.h"

namespace shodo::evidence {
namespace {

// "<id>_<last path component>", with anything but [A-Za-z0-9._-] and
// UTF-8 letters replaced by '_'; never "." or "..".
std::string export_name(const cases::Item& item) {
  std::string path = item.entry_path.empty() ? item.source : item.entry_path;
  while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.pop_back();
  size_t cut = path.find_last_of("/\\");
  std::string base = cut == std::string::npos ? path : path.substr(cut + 1);
  std::string out = std::to_string(item.id) + "_";
  for (unsigned char c : base)
    out += (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c >= 0x80) ? char(c) : '_';
  if (base.empty() || base == "." || base == "..") out += "item";
  return out.substr(0, 200);
}

bool write_all(int fd, const unsigned char* p, size_t n, std::string& error) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

Status export_items(Session& s, const std::vector<cases::Item>& items, const std::string& to_dir,
                    const std::string& purpose, ExportReport& report) {
  std::error_code ec;
  std::filesystem::create_directories(to_dir, ec);
  int dirfd = ::open(to_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0) return Status::fail(to_dir + ": " + std::strerror(errno));
  std::vector<cases::CustodyEvent> events;
  Status failed;
  for (const cases::Item& item : items) {
    std::string error;
    auto reader = open_item(s, item, error);
    if (!reader) {
      failed = Status::fail(error);
      break;
    }
    const std::string name = export_name(item);
    int fd =
        ::openat(dirfd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
      failed = Status::fail(to_dir + "/" + name + ": " + std::strerror(errno));
      break;
    }
    Digest sha256(EVP_sha256()), sha1(EVP_sha1()), md5(EVP_md5());
    std::vector<Stage> stages = {
        [&](const unsigned char* p, size_t n, bool, std::string&) {
          md5.update(p, n);
          return true;
        },
        [&](const unsigned char* p, size_t n, bool, std::string& why) {
          sha256.update(p, n);
          sha1.update(p, n);
          return write_all(fd, p, n, why);
        },
    };
    size_t bytes = 0;
    const bool ok = run_pipeline(fill_from(*reader), stages, bytes, error) && ::fsync(fd) == 0;
    ::close(fd);
    const Hashes found{sha256.hex(), sha1.hex(), md5.hex()};
    const std::string mismatch = ok ? hash_mismatch(item.hashes, found) : error;
    if (!mismatch.empty()) {
      ::unlinkat(dirfd, name.c_str(), 0);
      failed = Status::fail(item.label() + ": " + mismatch);
      break;
    }
    cases::CustodyEvent ev = make_event(s, "exported", item.id, purpose);
    ev.hashes_json = hashes_json(found);
    ev.matched = "yes";
    ev.details = "to " + to_dir + "/" + name;
    events.push_back(std::move(ev));
    report.files.push_back({item, to_dir + "/" + name});
  }
  if (!report.files.empty()) {
    std::string json;
    report::JsonObject m(json);
    m.text("tool", s.tool);
    m.text("exported_by", s.actor);
    m.text("exported_at", events.front().time_utc);
    report::append_json_array(m.member("files"), report.files,
                              [](std::string& out, const ExportReport::File& f) {
                                report::JsonObject o(out);
                                o.number("item", f.item.id);
                                o.text("file", f.path.substr(f.path.rfind('/') + 1));
                                o.text("source", f.item.source);
                                o.text("entry_path", f.item.entry_path);
                                o.number("size", f.item.size);
                                o.text("sha256", f.item.hashes.sha256);
                                o.text("sha1", f.item.hashes.sha1);
                                o.text("md5", f.item.hashes.md5);
                                o.close();
                              });
    m.close();
    json += '\n';
    std::string stamp = events.front().time_utc;
    for (char& c : stamp)
      if (c == ':' || c == '.') c = '-';
    const std::string name = "shodo-export-" + stamp + ".json";
    int fd =
        ::openat(dirfd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    std::string error;
    if (fd < 0 ||
        !write_all(fd, reinterpret_cast<const unsigned char*>(json.data()), json.size(), error)) {
      if (failed) failed = Status::fail(to_dir + "/" + name + ": cannot write the manifest");
    }
    if (fd >= 0) ::close(fd);
    report.manifest_path = to_dir + "/" + name;
  }
  ::close(dirfd);
  if (!events.empty()) {
    if (Status st = s.store->append_events(events); !st) return st;
  }
  return failed;
}

}  // namespace shodo::evidence

// Raw images split in segments (name.001, name.002, …: one logical stream,
// hashed as one) and block devices (opened read-only).
#include <fcntl.h>
#include <fmt/format.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "evidence/acquire_steps.h"
#include "evidence/source_fd.h"
#include "report/json_writer.h"

namespace shodo::evidence {
namespace {

// Reads the segments one after the other.
class SegmentsReader final : public fsview::Reader {
 public:
  explicit SegmentsReader(std::vector<std::string> paths) : paths_(std::move(paths)) {}
  size_t read(char* buf, size_t n) override {
    while (error_.empty()) {
      if (!current_) {
        if (next_ >= paths_.size()) return 0;
        int fd = open_source_fd(paths_[next_]);
        if (fd < 0) {
          error_ = paths_[next_] + ": " + std::strerror(errno);
          return 0;
        }
        current_ = reader_for_fd(fd);
        ++next_;
      }
      size_t got = current_->read(buf, n);
      if (got > 0) return got;
      if (!current_->error().empty()) error_ = paths_[next_ - 1] + ": " + current_->error();
      current_.reset();
    }
    return 0;
  }

 private:
  std::vector<std::string> paths_;
  size_t next_ = 0;
  std::unique_ptr<fsview::Reader> current_;
};

}  // namespace

Status acquire_split_raw(Session& s, const std::string& first, const AcquireOptions& o,
                         AcquireReport& r) {
  const std::string base = first.substr(0, first.size() - 3);  // "name."
  std::vector<std::string> paths;
  std::string out;
  report::JsonObject meta(out);
  std::string& list = meta.member("segments");
  list += '[';
  uint64_t total = 0;
  for (unsigned i = 1; i < 100000; ++i) {
    const std::string p = base + fmt::format("{:03}", i);
    struct stat st;
    if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) break;
    if (!paths.empty()) list += ',';
    report::JsonObject seg(list);
    seg.text("path", p);
    seg.number("size", static_cast<uint64_t>(st.st_size));
    seg.text("mtime", fmt::format("{}", st.st_mtime));
    seg.close();
    total += static_cast<uint64_t>(st.st_size);
    paths.push_back(p);
  }
  list += ']';
  meta.number("size", total);
  meta.close();
  if (paths.empty()) return Status::fail(first + ": no segment found");
  SegmentsReader content(paths);
  cases::Item item;
  item.kind = "split-raw";
  item.method = "physical";
  item.source = first;
  item.metadata_json = out;
  int64_t id = 0;
  Status st = record_item(s, std::move(item), content, o, r, id);
  if (!st && !content.error().empty()) r.problems.push_back({first, content.error()});
  return st;
}

Status acquire_device(Session& s, const std::string& path, const AcquireOptions& o,
                      AcquireReport& r) {
  int fd = open_source_fd(path);
  if (fd < 0) return Status::fail(path + ": " + std::strerror(errno));
  struct stat st;
  uint64_t size = 0;
  std::string out;
  report::JsonObject meta(out);
  meta.text("path", path);
  if (::fstat(fd, &st) == 0) {
    meta.text("type", S_ISBLK(st.st_mode) ? "block-device" : "file");
    meta.text("device", fmt::format("{}:{}", major(st.st_rdev), minor(st.st_rdev)));
  }
  if (::ioctl(fd, BLKGETSIZE64, &size) == 0) meta.number("size", size);
  meta.close();
  auto content = reader_for_fd(fd);
  cases::Item item;
  item.kind = "block-device";
  item.method = "physical";
  item.source = path;
  item.metadata_json = out;
  int64_t id = 0;
  Status result = record_item(s, std::move(item), *content, o, r, id);
  if (!result && !content->error().empty()) r.problems.push_back({path, content->error()});
  return result;
}

}  // namespace shodo::evidence

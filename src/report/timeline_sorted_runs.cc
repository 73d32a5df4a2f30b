// SortedRuns: rows in key order through sorted runs in temporary files.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <queue>

#include "report/timeline_writer.h"

namespace shodo::report {
namespace {

// An anonymous file in $TMPDIR (or /tmp), gone when closed: runs never
// outlive the process, whatever happens to it.
std::FILE* temporary_file(std::string& error) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/shodo-timeline-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    error =
        "cannot create a temporary file for the timeline in " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  ::unlink(path.c_str());
  return ::fdopen(fd, "w+b");
}

// R: SortedRuns::Row, private; templates keep these helpers out of the header.
template <class R>
bool read_row(std::FILE* f, R& row) {
  uint64_t length = 0;
  if (std::fread(&row.key, sizeof row.key, 1, f) != 1 ||
      std::fread(&row.seq, sizeof row.seq, 1, f) != 1 ||
      std::fread(&length, sizeof length, 1, f) != 1)
    return false;
  row.text.resize(length);
  return length == 0 || std::fread(row.text.data(), 1, length, f) == length;
}

template <class R>
bool earlier(const R& a, const R& b) {
  return a.key != b.key ? a.key < b.key : a.seq < b.seq;
}

}  // namespace

SortedRuns::SortedRuns(size_t memory) : memory_(memory) {}

SortedRuns::~SortedRuns() {
  for (std::FILE* f : runs_) std::fclose(f);
}

bool SortedRuns::add(int64_t key, std::string row) {
  used_ += row.size() + sizeof(Row);
  rows_.push_back({key, seq_++, std::move(row)});
  return used_ < memory_ || spill();
}

bool SortedRuns::spill() {
  std::sort(rows_.begin(), rows_.end(), earlier<Row>);
  std::FILE* f = temporary_file(error_);
  if (!f) return false;
  runs_.push_back(f);
  for (const Row& r : rows_) {
    const uint64_t length = r.text.size();
    std::fwrite(&r.key, sizeof r.key, 1, f);
    std::fwrite(&r.seq, sizeof r.seq, 1, f);
    std::fwrite(&length, sizeof length, 1, f);
    std::fwrite(r.text.data(), 1, length, f);
  }
  if (std::fflush(f) != 0 || std::ferror(f)) {
    error_ = std::string("cannot write a timeline sort run: ") + std::strerror(errno);
    return false;
  }
  rows_.clear();
  rows_.shrink_to_fit();
  used_ = 0;
  return true;
}

bool SortedRuns::finish(const std::function<void(std::string_view)>& out) {
  if (runs_.empty()) {
    std::sort(rows_.begin(), rows_.end(), earlier<Row>);
    for (const Row& r : rows_) out(r.text);
    rows_.clear();
    return true;
  }
  if (!rows_.empty() && !spill()) return false;
  // One current row per run; the earliest goes out next.
  std::vector<Row> heads(runs_.size());
  auto later = [&](size_t a, size_t b) { return earlier(heads[b], heads[a]); };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> queue(later);
  for (size_t i = 0; i < runs_.size(); ++i) {
    std::rewind(runs_[i]);
    if (read_row(runs_[i], heads[i])) queue.push(i);
  }
  while (!queue.empty()) {
    const size_t i = queue.top();
    queue.pop();
    out(heads[i].text);
    if (read_row(runs_[i], heads[i])) queue.push(i);
  }
  for (std::FILE* f : runs_)
    if (std::ferror(f)) error_ = "cannot read back a timeline sort run";
  return error_.empty();
}

}  // namespace shodo::report

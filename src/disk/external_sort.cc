#include "disk/external_sort.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <queue>

namespace shodo::disk {
namespace {

// An anonymous file in $TMPDIR (or /tmp), gone when closed: runs never
// outlive the process, whatever happens to it.
std::FILE* temporary_file(std::string& error) {
  const char* dir = std::getenv("TMPDIR");
  std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/shodo-sort-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    error = "cannot create a temporary file for sorting in " + tmpl + ": " + std::strerror(errno);
    return nullptr;
  }
  ::unlink(tmpl.c_str());
  return ::fdopen(fd, "w+b");
}

bool read_row(std::FILE* f, int64_t& key, uint64_t& seq, std::string& text) {
  uint32_t len = 0;
  if (std::fread(&key, sizeof key, 1, f) != 1 || std::fread(&seq, sizeof seq, 1, f) != 1 ||
      std::fread(&len, sizeof len, 1, f) != 1)
    return false;
  text.resize(len);
  return len == 0 || std::fread(text.data(), 1, len, f) == len;
}

}  // namespace

bool ExternalSorter::earlier(const Row& a, const Row& b) {
  return a.key != b.key ? a.key < b.key : a.seq < b.seq;
}

ExternalSorter::ExternalSorter(size_t memory) : memory_(memory) {}

ExternalSorter::~ExternalSorter() {
  for (std::FILE* f : runs_) std::fclose(f);
}

bool ExternalSorter::add(int64_t key, std::string row) {
  used_ += row.size() + sizeof(Row);
  rows_.push_back({key, seq_++, std::move(row)});
  return used_ < memory_ || spill();
}

bool ExternalSorter::spill() {
  std::sort(rows_.begin(), rows_.end(), earlier);
  std::FILE* f = temporary_file(error_);
  if (!f) return false;
  runs_.push_back(f);
  for (const Row& r : rows_) {
    const auto len = static_cast<uint32_t>(r.text.size());
    std::fwrite(&r.key, sizeof r.key, 1, f);
    std::fwrite(&r.seq, sizeof r.seq, 1, f);
    std::fwrite(&len, sizeof len, 1, f);
    std::fwrite(r.text.data(), 1, len, f);
  }
  if (std::fflush(f) != 0) {
    error_ = std::string("cannot write a sort run: ") + std::strerror(errno);
    return false;
  }
  rows_.clear();
  rows_.shrink_to_fit();
  used_ = 0;
  return true;
}

bool ExternalSorter::finish(const Sink& out) {
  if (runs_.empty()) {
    std::sort(rows_.begin(), rows_.end(), earlier);
    for (const Row& r : rows_) out(r.text);
    rows_.clear();
    return true;
  }
  if (!rows_.empty() && !spill()) return false;
  // One current row per run; the smallest (key, seq) goes out next.
  std::vector<Row> heads(runs_.size());
  auto later = [&](size_t a, size_t b) { return earlier(heads[b], heads[a]); };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> queue(later);
  for (size_t i = 0; i < runs_.size(); ++i) {
    std::rewind(runs_[i]);
    if (read_row(runs_[i], heads[i].key, heads[i].seq, heads[i].text)) queue.push(i);
  }
  while (!queue.empty()) {
    const size_t i = queue.top();
    queue.pop();
    out(heads[i].text);
    if (read_row(runs_[i], heads[i].key, heads[i].seq, heads[i].text)) queue.push(i);
  }
  for (std::FILE* f : runs_)
    if (std::ferror(f)) error_ = "cannot read back a sort run";
  return error_.empty();
}

}  // namespace shodo::disk

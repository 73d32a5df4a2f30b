// Sorting timeline rows by time in bounded memory: rows are kept until
// `memory` bytes, then sorted and written as a run to an unlinked temporary
// file; finish() merges the runs. A timeline of any number of files costs
// `memory` plus one buffered row per run. (Body output is not sorted here:
// its consumer, mactime, sorts it.)
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "disk/disk.h"

namespace shodo::disk {

class ExternalSorter {
 public:
  explicit ExternalSorter(size_t memory);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // Rows with equal keys come out in the order they were added. false when
  // a run could not be written (see error()).
  bool add(int64_t key, std::string row);
  // Writes every row in key order.
  bool finish(const Sink& out);
  const std::string& error() const { return error_; }

 private:
  struct Row {
    int64_t key;
    uint64_t seq;
    std::string text;
  };
  static bool earlier(const Row& a, const Row& b);
  bool spill();

  size_t memory_, used_ = 0;
  uint64_t seq_ = 0;
  std::vector<Row> rows_;
  std::vector<std::FILE*> runs_;
  std::string error_;
};

}  // namespace shodo::disk

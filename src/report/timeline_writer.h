// The investigation's full timeline: rows from every source (logs,
// findings, file systems) in any order, written sorted by time as
// timeline.csv / timeline.jsonl (Timesketch's columns first) and the file
// system part as a TSK body file (docs/timeline.md). Memory stays bounded
// whatever the number of rows.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"
#include "investigate/investigation.h"

namespace shodo::report {

struct TimelineEvent {
  investigate::TimeUs time = investigate::kNoTime;
  int32_t utc_offset_s = 0;  // offset the source wrote
  std::string
      timestamp_desc;   // Timesketch: "Request time", "Log time", "Content Modification Time"...
  std::string source;   // web, auth, syslog, mail, shell, error, fs, finding
  std::string message;  // one line, raw evidence text allowed
  investigate::Citation cite;
  std::string client_ip, user, path;
  int32_t status = -1;
  std::string finding_id, level;  // for rows that are findings
  std::string tag;                // "attacker", "malicious", "" …
};

// Rows ordered by key, ties in insertion order, in bounded memory: beyond
// `memory` bytes the rows are sorted and spilled as a run to an unlinked
// temporary file; finish() merges the runs. Also sorts disk timelines.
class SortedRuns {
 public:
  explicit SortedRuns(size_t memory);
  ~SortedRuns();
  SortedRuns(const SortedRuns&) = delete;
  SortedRuns& operator=(const SortedRuns&) = delete;

  // false when a run could not be written (see error()).
  bool add(int64_t key, std::string row);
  // Hands every row to `out` in order; once.
  bool finish(const std::function<void(std::string_view)>& out);
  const std::string& error() const { return error_; }

 private:
  struct Row {
    int64_t key;
    uint64_t seq;
    std::string text;
  };
  bool spill();

  size_t memory_, used_ = 0;
  uint64_t seq_ = 0;
  std::vector<Row> rows_;
  std::vector<std::FILE*> runs_;
  std::string error_;
};

class TimelineWriter {
 public:
  explicit TimelineWriter(size_t memory_bytes = 64u << 20);
  void add(const TimelineEvent& e);
  // A file-system entry: one row per distinct time among M, A, C and B
  // (kinds sharing a time folded into one row, their descriptions joined
  // with "; "), and one body-file line. `view` names the file system as
  // citations do ("webroot.tar.gz", "disk.E01:p2"); `md5` may be empty.
  void add_file(const std::string& view, const fsview::FileInfo& file, const std::string& md5);
  // Writes the sorted rows to timeline.csv and timeline.jsonl and the
  // body-file lines (in the order added: mactime sorts) to `body_path`.
  // An empty path skips that output. Call once.
  bool finish(const std::string& csv_path, const std::string& jsonl_path,
              const std::string& body_path, std::string& error);
  uint64_t rows() const { return rows_; }

 private:
  SortedRuns rows_by_time_;
  SortedRuns body_lines_;
  std::string error_;  // the first failure while adding
  uint64_t rows_ = 0;
};

}  // namespace shodo::report

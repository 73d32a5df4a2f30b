// Public API of the ingest component: find log files, read them (plain or
// compressed, rotated sets in time order), detect each one's format and turn
// every line into a normalized Event, streamed in batches to a consumer.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"
#include "ingest/event.h"
#include "ingest/time/zone.h"
#include "util/expansion_limit.h"

namespace shodo::ingest {

// A file to read, as found by expand_inputs().
struct InputFile {
  std::string path;
  uint64_t size = 0;  // bytes on disk (compressed size for .gz etc.)
  int64_t mtime_s = 0;
  // Set for a file inside a disk image (`path` then names it for citations,
  // it is no host path): opens its raw bytes.
  std::function<std::unique_ptr<fsview::Reader>(std::string& error)> open = nullptr;
};

struct InputProblem {
  std::string path;
  std::string reason;
};

struct InputSet {
  std::vector<InputFile> files;        // in reading order
  std::vector<InputProblem> problems;  // arguments that gave nothing to read
};

// Expands files, directories (recursively, symlinked folders not followed)
// and glob patterns into a list of regular files. Within a folder, rotated
// sets (access.log.2.gz, access.log.1, access.log; or dated suffixes) come
// oldest first.
InputSet expand_inputs(const std::vector<std::string>& args);

// Orders the members of rotated sets oldest first, other files by path.
void sort_rotated(std::vector<InputFile>& files);

// Picks, in a block of whole lines of one file, the lines worth parsing: a
// later pass that wants only some clients' lines skips the rest unparsed.
// Called from worker threads, concurrently.
class LineSelector {
 public:
  virtual ~LineSelector() = default;
  // Sets `marks` to offsets within `block` (whose first line is line
  // `first_line` of the file), ascending, of bytes whose lines are to be
  // parsed; returns false to have every line of the block parsed.
  virtual bool select(uint32_t file_index, LogKind kind, uint64_t first_line,
                      std::string_view block, std::vector<uint32_t>& marks) const = 0;
};

struct IngestOptions {
  // --log-format: empty to detect per file; else see parser_for_spec().
  std::string log_format;
  // Zone for times written without an offset (--tz). Defaults to the system's.
  std::shared_ptr<const Zone> zone;
  unsigned threads = 1;
  // Events outside [since, until) are counted and left out; events without a
  // time are always kept.
  TimeUs since = kNoTime, until = kNoTime;
  size_t block_bytes = 1u << 20;
  // Longer lines are reported as bad and skipped without being held in memory.
  size_t max_line_bytes = 1u << 20;
  // Compressed files expanding beyond this are read up to there and reported
  // as compression bombs (--max-expansion).
  util::ExpansionLimit expansion;
  // How many bad lines per file are kept as examples.
  size_t bad_examples = 5;
  // When set, lines it does not pick are counted (FileReport::passed_over)
  // and not parsed.
  const LineSelector* selector = nullptr;
  // Called from the reading thread as input is consumed (bytes on disk).
  std::function<void(uint64_t done, uint64_t total)> progress;
};

struct BadLine {
  uint64_t line = 0;
  uint64_t offset = 0;
  std::string reason;
  std::string excerpt;  // the first bytes of the line, raw (escape before display)
};

struct FileReport {
  std::string path;
  std::string format;  // detected or given; empty when none was found
  LogKind kind = LogKind::unknown;
  std::string compression;  // none, gzip, bzip2, zstd
  uint64_t size_on_disk = 0;
  uint64_t bytes = 0;  // decompressed bytes read
  uint64_t lines = 0;
  uint64_t events = 0;
  uint64_t meta_lines = 0;  // headers, comments, blank lines
  uint64_t bad_lines = 0;
  uint64_t filtered = 0;     // events outside --since/--until
  uint64_t passed_over = 0;  // lines the LineSelector did not pick
  std::vector<BadLine> bad_examples;
  TimeUs first_time = kNoTime, last_time = kNoTime;
  bool offset_assumed = false;  // some times were read with the --tz zone
  // Set when the file could not be read (or not all of it), or its format
  // not recognized: the reason, in words.
  std::string error;
  bool read_completely = true;
  // The file could not be opened, or its data stopped early (truncated or
  // corrupt compression, I/O error): an input error, unlike an unknown format.
  bool input_error = false;
};

// A run of consecutive lines of one file, parsed.
struct Batch {
  uint32_t file_index = 0;
  uint64_t seq = 0;  // position in the run; ordered() sees batches by seq
  std::vector<Event> events;
  std::vector<BadLine> bad;  // every bad line of the batch
  // The block the lines were cut from: every event's raw text lies in it,
  // so work over all lines can run over this once.
  std::string_view text;
};

class EventConsumer {
 public:
  virtual ~EventConsumer() = default;
  // Concurrently from worker threads, in any order: per-event work that
  // needs no order (matching). `worker` < threads + 1 (the reading thread
  // parses order-dependent files itself, as worker number `threads`).
  virtual void process(const Batch& batch, unsigned worker) {
    (void)batch;
    (void)worker;
  }
  // Optional, before process() and from the same thread: the batch's
  // events [from, to), just parsed (the events after `to` are not this
  // batch's yet: slots kept from its last use), while they and their lines
  // are still in the core's cache. Work done here for them need not be done
  // again in process(). Keep no pointer into `batch.events` from one call to
  // the next: it may grow, and move.
  virtual void process_parsed(const Batch& batch, size_t from, size_t to, unsigned worker) {
    (void)batch;
    (void)from;
    (void)to;
    (void)worker;
  }
  // One batch at a time, in input order (stateful work).
  virtual void ordered(const Batch& batch) { (void)batch; }
  // After the last batch of a file, in input order.
  virtual void file_done(uint32_t file_index, const FileReport& report) {
    (void)file_index;
    (void)report;
  }
};

struct IngestResult {
  std::vector<FileReport> files;  // parallel to InputSet::files
  std::string zone_name;          // the zone assumed for offset-less times
  std::string error;              // a fatal problem (bad --log-format)
};

IngestResult ingest(const InputSet& inputs, const IngestOptions& options, EventConsumer& consumer);

}  // namespace shodo::ingest

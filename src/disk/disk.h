// Public API of the disk component: what `shodo disk` shows of a disk image
// opened through fsview (info, listings, a file-system timeline, extraction)
// and where the logs inside an image are (for `shodo hunt IMAGE`).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"
#include "ingest/ingest.h"

namespace shodo::disk {

// Receives output text as it is produced (stdout or a file).
using Sink = std::function<void(std::string_view)>;

// What a command met that it could not read, for the summary and exit code.
struct Outcome {
  uint64_t entries = 0;  // entries listed, timeline rows, files extracted
  std::vector<fsview::Problem> problems;
};

// `disk info`: the image, its partitions and file systems, the OS found on
// each (/etc/os-release, /etc/hostname), and what libtsk supports.
// format: text or json.
void info(const fsview::Source& source, const std::string& format, const Sink& out);

// The views a --partition value selects: all when partition < 0, else the
// one whose volume has that index. Empty with a message when none matches.
std::vector<const fsview::View*> select_views(const fsview::Source& source, int partition,
                                              std::string& error);

struct ListOptions {
  std::string path = "/";
  int partition = -1;  // -1: every file system of the image
  bool deleted = false, recursive = false;
  std::string format = "text";  // text, json, jsonl, csv
};
Outcome list(const fsview::Source& source, const ListOptions& options, const Sink& out);

struct TimelineOptions {
  std::string format = "body";  // body (TSK mactime -b), csv, jsonl
  // Rows (csv, jsonl) or files with any time (body) in [since, until).
  fsview::TimeNs since = fsview::kNoTime, until = fsview::kNoTime;
  // csv and jsonl are sorted by time: rows beyond this many bytes are
  // sorted in runs in temporary files and merged (see report::SortedRuns).
  size_t sort_memory = 64u << 20;
};
Outcome timeline(const fsview::Source& source, const TimelineOptions& options, const Sink& out);

struct ExtractOptions {
  std::vector<std::string> paths;  // inside the image
  std::string to;                  // the output folder (created; must be empty or new)
  int partition = -1;              // -1: the first file system that has the path
};
// Writes each file under `to` (hostile names made safe, never outside it)
// and `to`/manifest.json. Outcome::entries counts files written.
Outcome extract(const fsview::Source& source, const ExtractOptions& options);

// The logs of an image, as ingest inputs streamed from libtsk: web server
// logs, auth and mail logs, every user's shell history, IIS logs, and
// `extra` paths (files or folders inside the image). Paths read
// "IMAGE:pN:/var/log/..." (":pN" only when the image has partitions).
// `source` must outlive the ingest run.
ingest::InputSet find_logs(const fsview::Source& source, const std::vector<std::string>& extra);

// `shodo hunt` arguments: disk images give their logs (find_logs, with
// `log_paths` inside them); everything else is expanded as log files,
// folders and patterns (ingest::expand_inputs). The images opened are kept
// in `images`, which must outlive the ingest run.
ingest::InputSet hunt_inputs(const std::vector<std::string>& args,
                             const std::vector<std::string>& log_paths,
                             std::vector<fsview::Source>& images);

}  // namespace shodo::disk

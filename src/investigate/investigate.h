// Public API of the investigate component: `shodo investigate` — acquire the
// evidence into the case, find what each item holds, run every analysis
// (log hunt, webroot scan, integrity diff, system triage), correlate, and
// write findings.json, the timeline, IOC exports and the reports.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "evidence/evidence.h"
#include "ingest/ingest.h"
#include "investigate/investigation.h"

namespace shodo::investigate {

struct Options {
  std::vector<std::string> evidence;  // files, folders, archives, disk images
  std::string out_dir;                // where outputs go (created)
  std::vector<std::string> rule_dirs, yara_dirs;
  std::vector<std::string> webroots;  // document roots to scan besides those found
  std::string known_good;             // pristine release folder to diff webroots against
  ingest::IngestOptions ingest;       // zone, threads, since/until
  bool full_timeline = false;         // every log event in the timeline, not only the relevant ones
  bool public_body = false;        // 行政機関等: the APPI persons threshold is 100, not 1,000
  size_t max_clients = 1'000'000;  // client addresses the detectors keep state for
  // Progress: a stage starts ("acquiring", "scanning"...), and bytes or files done of total.
  std::function<void(std::string_view stage)> on_stage;
  std::function<void(uint64_t done, uint64_t total)> on_progress;
};

struct Result {
  Investigation inv;
  std::vector<std::pair<std::string, std::string>> outputs;  // label, path
  std::vector<std::string> problems;  // what could not be read, in words (raw evidence text)
  bool input_error = false;           // some evidence could not be read (fully)
  bool evidence_changed = false;      // a source's hash after the analyses differs
  std::string error;                  // fatal: nothing written
};

// `session` is the open case (its store, zone and key).
Result investigate(const Options& options, evidence::Session& session);

}  // namespace shodo::investigate

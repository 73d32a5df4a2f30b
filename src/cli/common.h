// Flags every command spells the same way, and turning them into component
// options.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "detect/finding.h"
#include "ingest/ingest.h"

namespace shodo::cli {

struct CommonOptions {
  std::string out;  // --out: file to write instead of stdout
  std::string format = "text";
  std::string tz;            // --tz: zone for times without an offset
  std::string since, until;  // --since/--until
  std::string lang = "en";   // --lang ja|en
  unsigned threads = 0;      // -j: 0 = all cores
  bool quiet = false, verbose = false;
  std::string log_format;  // --log-format
  size_t max_line = 1u << 20;
  size_t max_clients = 1'000'000;  // --max-clients: per-client detector state
  uint64_t max_expansion = util::ExpansionLimit{}.ratio;  // --max-expansion
};

// Adds the shared flags; `formats` lists what --format accepts here.
void add_common_options(CLI::App& cmd, CommonOptions& o, const std::vector<std::string>& formats);
// Adds --log-format, --max-line and --max-expansion (commands that read logs).
void add_log_options(CLI::App& cmd, CommonOptions& o);
// Adds --max-clients (commands that run the detectors).
void add_detector_options(CLI::App& cmd, CommonOptions& o);

// Fills ingest options from the flags; false with a message on a bad value.
bool make_ingest_options(const CommonOptions& o, ingest::IngestOptions& out, std::string& error);

// Parses --since/--until: a date (2024-01-02), a date and time
// (2024-01-02T03:04:05, optional offset), read in `zone` when no offset.
bool parse_time_flag(const std::string& text, const ingest::Zone& zone, ingest::TimeUs& out);

// A --min-level value: informational, low, medium, high, critical.
bool parse_level(const std::string& text, detect::Level& out);

// kExitInput when an argument gave nothing to read or a file could not be
// read to its end (README "Exit codes"), kExitClean otherwise.
int input_exit_code(const ingest::InputSet& inputs, const ingest::IngestResult& result);

// Where output goes: --out FILE or stdout.
class Output {
 public:
  explicit Output(const std::string& path);
  ~Output();
  bool ok() const { return f_ != nullptr; }
  void write(std::string_view s) { std::fwrite(s.data(), 1, s.size(), f_); }
  // Flushes and closes; false when anything failed to be written.
  bool finish();
  std::FILE* file() const { return f_; }

 private:
  std::FILE* f_;
  bool owned_;
};

}  // namespace shodo::cli

#include "cli/common.h"

#include <thread>

#include "cli/exit_codes.h"
#include "ingest/time/civil.h"

namespace shodo::cli {

void add_common_options(CLI::App& cmd, CommonOptions& o, const std::vector<std::string>& formats) {
  cmd.add_option("--out,-o", o.out, "Write the output to this file instead of standard output");
  cmd.add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  cmd.add_option("--tz", o.tz,
                 "Time zone of log times written without an offset (IANA name such as "
                 "Asia/Tokyo, or +09:00); default: this machine's zone");
  cmd.add_option("--since", o.since, "Only events at or after this time (2024-01-02[T03:04:05])");
  cmd.add_option("--until", o.until, "Only events before this time");
  cmd.add_option("--lang", o.lang, "Language of the text output")
      ->check(CLI::IsMember({"en", "ja"}))
      ->capture_default_str();
  cmd.add_option("-j,--threads", o.threads, "Worker threads (default: all cores)");
  cmd.add_flag("-q,--quiet", o.quiet, "No progress display");
  cmd.add_flag("-v,--verbose", o.verbose, "More detail (all bad-line examples, timings)");
}

void add_log_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--log-format", o.log_format,
                 "Log format for all inputs instead of detecting it per file: a preset name "
                 "(shodo formats), apache:'LogFormat string', nginx:'log_format string', or "
                 "map:FILE (JSON/CSV field map)");
  cmd.add_option("--max-line", o.max_line,
                 "Longest line read, in bytes; longer lines are reported and skipped")
      ->capture_default_str();
  cmd.add_option("--max-expansion", o.max_expansion,
                 "Compressed logs expanding more than this many times their size (beyond 256 "
                 "MiB) are compression bombs: read up to there and reported; 0: no limit")
      ->capture_default_str();
}

void add_detector_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--max-clients", o.max_clients,
                 "Client addresses (and accounts) the detectors keep state for (about 360 "
                 "bytes each); further ones are not followed, and the run says so")
      ->capture_default_str();
}

bool parse_time_flag(const std::string& text, const ingest::Zone& zone, ingest::TimeUs& out) {
  ingest::CivilTime t;
  size_t n = 0;
  std::string s = text;
  if (s.size() == 10) s += "T00:00:00";
  if (!ingest::parse_iso8601(s, t, n) || n != s.size()) return false;
  ingest::Event ev;
  ingest::ZoneCache cache(&zone);
  cache.apply(t, ev);
  out = ev.time;
  return true;
}

bool make_ingest_options(const CommonOptions& o, ingest::IngestOptions& out, std::string& error) {
  if (o.tz.empty()) {
    out.zone = ingest::Zone::system();
  } else {
    out.zone = ingest::Zone::locate(o.tz, error);
    if (!out.zone) return false;
  }
  if (!o.since.empty() && !parse_time_flag(o.since, *out.zone, out.since)) {
    error = "--since: not a date or time: " + o.since;
    return false;
  }
  if (!o.until.empty() && !parse_time_flag(o.until, *out.zone, out.until)) {
    error = "--until: not a date or time: " + o.until;
    return false;
  }
  out.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  out.log_format = o.log_format;
  out.max_line_bytes = o.max_line;
  out.expansion.ratio = o.max_expansion;
  return true;
}

bool parse_level(const std::string& text, detect::Level& out) {
  for (detect::Level l : {detect::Level::informational, detect::Level::low, detect::Level::medium,
                          detect::Level::high, detect::Level::critical})
    if (text == detect::level_name(l)) {
      out = l;
      return true;
    }
  return false;
}

int input_exit_code(const ingest::InputSet& inputs, const ingest::IngestResult& result) {
  bool input_error = !inputs.problems.empty();
  for (const auto& f : result.files) input_error |= f.input_error;
  return input_error ? kExitInput : kExitClean;
}

Output::Output(const std::string& path) : f_(stdout), owned_(false) {
  if (!path.empty() && path != "-") {
    f_ = std::fopen(path.c_str(), "wb");
    owned_ = true;
  }
}

bool Output::finish() {
  if (!f_) return false;
  bool good = std::fflush(f_) == 0 && !std::ferror(f_);
  if (owned_) good = std::fclose(f_) == 0 && good;
  f_ = nullptr;
  return good;
}

Output::~Output() {
  finish();
}

}  // namespace shodo::cli

// shodo triage PATH|IMAGE...: what an examiner checks first on a
// compromised Linux server, on a live folder or inside a disk image.
#include <charconv>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/file_findings_output.h"
#include "detect/detect.h"
#include "fsview/fsview.h"
#include "report/file_findings.h"
#include "triage/triage.h"

namespace shodo::cli {
namespace {

struct TriageArgs {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string min_level = "informational";
  std::string forged_threshold = "1d";
  size_t max_window = 200;
};

// "90s", "30m", "12h", "1d" (a bare number is seconds) to nanoseconds.
bool parse_duration(const std::string& text, fsview::TimeNs& out) {
  int64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || n < 0) return false;
  const std::string_view unit(p, text.data() + text.size() - p);
  int64_t seconds = 0;
  if (unit.empty() || unit == "s")
    seconds = 1;
  else if (unit == "m")
    seconds = 60;
  else if (unit == "h")
    seconds = 3600;
  else if (unit == "d")
    seconds = 86400;
  else
    return false;
  if (n > INT64_MAX / 1'000'000'000 / seconds) return false;
  out = n * seconds * 1'000'000'000;
  return true;
}

int run_triage(const TriageArgs& a) {
  detect::Level min_level{};
  if (!parse_level(a.min_level, min_level)) {
    std::fprintf(stderr, "shodo triage: --min-level: not a level: %s\n", a.min_level.c_str());
    return kExitUsage;
  }
  ingest::IngestOptions times;
  std::string error;
  if (!make_ingest_options(a.common, times, error)) {
    std::fprintf(stderr, "shodo triage: %s\n", error.c_str());
    return kExitUsage;
  }
  triage::TriageOptions options;
  if (!parse_duration(a.forged_threshold, options.forged_threshold_ns)) {
    std::fprintf(stderr, "shodo triage: --forged-threshold: not a duration: %s\n",
                 a.forged_threshold.c_str());
    return kExitUsage;
  }
  // --since/--until are read to the microsecond; file times are in nanoseconds.
  if (times.since != ingest::kNoTime) options.since = times.since * 1000;
  if (times.until != ingest::kNoTime) options.until = times.until * 1000;
  options.max_window_findings = a.max_window;
  const detect::RuleSet rules(detect::RuleSetOptions{});
  options.rules = &rules;

  std::vector<detect::FileFinding> findings;
  std::vector<fsview::Problem> problems;
  report::FileFindingsReport r;
  for (const std::string& path : a.paths) {
    fsview::Source source = fsview::open_source(path);
    problems.insert(problems.end(), source.problems.begin(), source.problems.end());
    for (const auto& view : source.views) {
      triage::TriageResult result = triage::run_triage(*view, options);
      for (detect::FileFinding& f : result.findings)
        if (f.level >= min_level) findings.push_back(std::move(f));
      problems.insert(problems.end(), result.problems.begin(), result.problems.end());
      r.files_examined += result.files_examined;
      for (size_t i = 0; i < result.notes.size(); ++i) {
        r.notes.push_back(view->description() + ": " + result.notes[i]);
        r.notes_ja.push_back(view->description() + ": " + result.notes_ja[i]);
      }
    }
  }

  r.title = a.common.lang == "ja" ? "システム調査（Linux）" : "System triage (Linux)";
  r.findings = &findings;
  r.problems = &problems;
  return write_file_findings(a.common, "triage", r);
}

}  // namespace

void add_triage_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TriageArgs>();
  CLI::App* cmd = app.add_subcommand(
      "triage",
      "Triage a Linux system (a folder or a disk image): accounts, sudoers, SSH keys, cron, "
      "systemd, ld.so.preload, programs in /tmp, SUID files, replaced binaries, shell "
      "histories, changes in a time window, forged timestamps");
  cmd->add_option("paths", args->paths, "System root folders or disk images")->required();
  add_common_options(*cmd, args->common, {"text", "json", "jsonl", "csv"});
  cmd->add_option("--min-level", args->min_level,
                  "Report findings at this level or above: informational, low, medium, high, "
                  "critical")
      ->check(CLI::IsMember({"informational", "low", "medium", "high", "critical"}));
  cmd->add_option("--forged-threshold", args->forged_threshold,
                  "How much earlier than its birth (or ctime) a file's mtime must be to look "
                  "forged: 90s, 30m, 12h, 1d")
      ->capture_default_str();
  cmd->add_option("--max-window", args->max_window,
                  "At most this many 'changed in the time window' findings per view (all are "
                  "counted)")
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  shodo triage /mnt/evidence/root\n"
      "  shodo triage server.E01 --since 2024-03-01 --until 2024-03-15 --tz Asia/Tokyo\n"
      "  shodo triage / --min-level medium --format jsonl -o triage.jsonl");
  cmd->final_callback([args, &exit_code] { exit_code = run_triage(*args); });
}

}  // namespace shodo::cli

// shodo scan PATH|IMAGE...: webroot triage — YARA (shipped and the analyst's
// rules) plus code heuristics, skimmers, placement and time — on a live
// folder or inside a disk image.
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/file_findings_output.h"
#include "files/files.h"
#include "fsview/fsview.h"
#include "report/file_findings.h"

namespace shodo::cli {
namespace {

struct ScanArgs {
  CommonOptions common;
  std::vector<std::string> paths, webroots, docroots, yara;
  bool no_default_rules = false;
  std::string min_level = "low";
  uint64_t max_scan_mib = 16;
};

int run_scan(const ScanArgs& a) {
  files::ScanOptions o;
  if (!parse_level(a.min_level, o.min_level)) {
    std::fprintf(stderr, "shodo scan: --min-level: not a level: %s\n", a.min_level.c_str());
    return kExitUsage;
  }
  for (const std::string& d : a.docroots) {
    size_t eq = d.find('=');
    if (eq == std::string::npos || eq == 0 || d[0] != '/') {
      std::fprintf(stderr, "shodo scan: --docroot: expected DIR=URLPREFIX (/var/www/html=/): %s\n",
                   d.c_str());
      return kExitUsage;
    }
    o.docroots.push_back({d.substr(0, eq), d.substr(eq + 1)});
  }
  ingest::IngestOptions times;
  std::string error;
  if (!make_ingest_options(a.common, times, error)) {
    std::fprintf(stderr, "shodo scan: %s\n", error.c_str());
    return kExitUsage;
  }
  // --since/--until are read to the microsecond; file times are in nanoseconds.
  if (times.since != ingest::kNoTime) o.since = times.since * 1000;
  if (times.until != ingest::kNoTime) o.until = times.until * 1000;
  o.webroots = a.webroots;
  o.yara_dirs = a.yara;
  o.shipped_rules = !a.no_default_rules;
  o.threads = a.common.threads;
  o.max_scan_bytes = a.max_scan_mib << 20;

  std::vector<detect::FileFinding> findings;
  std::vector<fsview::Problem> problems;
  report::FileFindingsReport r;
  for (const std::string& path : a.paths) {
    fsview::Source source = fsview::open_source(path);
    problems.insert(problems.end(), source.problems.begin(), source.problems.end());
    for (const auto& view : source.views) {
      files::ScanResult result = files::scan(*view, o);
      std::move(result.findings.begin(), result.findings.end(), std::back_inserter(findings));
      problems.insert(problems.end(), result.problems.begin(), result.problems.end());
      r.files_examined += result.files_examined;
    }
  }
  r.title = a.common.lang == "ja" ? "Web コンテンツ調査" : "Webroot scan";
  r.findings = &findings;
  r.problems = &problems;
  return write_file_findings(a.common, "scan", r);
}

}  // namespace

void add_scan_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand(
      "scan",
      "Scan a webroot (a folder or a disk image) for webshells, backdoors, injected code, "
      "skimmers, SEO spam and defacement: YARA rules plus code heuristics, placement and time");
  cmd->add_option("paths", args->paths, "Folders or disk images")->required();
  add_common_options(*cmd, args->common, {"text", "json", "jsonl", "csv"});
  cmd->add_option("--webroot", args->webroots,
                  "Scan only this folder of the view (repeatable; default: everything)")
      ->allow_extra_args(false);
  cmd->add_option("--docroot", args->docroots,
                  "DIR=URLPREFIX: DIR of the view is served at URLPREFIX, so findings carry "
                  "their URL (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--yara", args->yara,
                  "Also run the YARA rules in this folder or file (repeatable); the externals "
                  "filename, filepath, extension, filetype and owner are set per file")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-rules", args->no_default_rules,
                "Do not run the YARA rules shipped with shodo");
  cmd->add_option("--min-level", args->min_level,
                  "Report findings at this level or above: informational, low, medium, high, "
                  "critical")
      ->check(CLI::IsMember({"informational", "low", "medium", "high", "critical"}))
      ->capture_default_str();
  cmd->add_option("--max-scan-size", args->max_scan_mib,
                  "MiB of one file scanned; larger files are scanned on their start (and "
                  "listed), hashed whole")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  shodo scan /var/www --docroot /html=/\n"
      "  shodo scan server.E01 --webroot /var/www --since 2024-03-01 --tz Asia/Tokyo\n"
      "  shodo scan /srv/site --yara ~/rules/webshells --format jsonl -o scan.jsonl");
  cmd->final_callback([args, &exit_code] { exit_code = run_scan(*args); });
}

}  // namespace shodo::cli

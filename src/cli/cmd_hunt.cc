// shodo hunt PATHS...: read logs, run every rule and detector over them, and
// say what was found, by whom, and whether it worked.
#include <chrono>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "detect/detect.h"
#include "detect/stateful/detectors.h"
#include "disk/disk.h"
#include "report/findings.h"
#include "util/progress.h"

namespace shodo::cli {
namespace {

struct HuntArgs {
  CommonOptions common;
  std::vector<std::string> paths;
  std::vector<std::string> log_paths;  // inside disk images
  std::vector<std::string> rule_dirs;
  bool no_default_rules = false;
  bool no_detectors = false;
  std::string min_level = "informational";
};

int run_hunt(const HuntArgs& a) {
  ingest::IngestOptions opt;
  std::string error;
  detect::Level min_level{};
  if (!parse_level(a.min_level, min_level)) {
    std::fprintf(stderr, "shodo hunt: --min-level: not a level: %s\n", a.min_level.c_str());
    return kExitUsage;
  }
  if (!make_ingest_options(a.common, opt, error)) {
    std::fprintf(stderr, "shodo hunt: %s\n", error.c_str());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  detect::RuleSetOptions rule_options;
  rule_options.dirs = a.rule_dirs;
  rule_options.shipped = !a.no_default_rules;
  const detect::RuleSet rules(rule_options);
  if (!a.common.quiet && !rules.problems().empty())
    std::fprintf(stderr, "shodo hunt: %zu rules or rule files not run; see `shodo rules lint`\n",
                 rules.problems().size());

  std::vector<fsview::Source> images;  // read by ingest: kept open until the end
  const ingest::InputSet inputs = disk::hunt_inputs(a.paths, a.log_paths, images);
  util::Progress progress("hunting", !a.common.quiet);
  opt.progress = [&](uint64_t done, uint64_t total) { progress.update(done, total); };

  detect::HuntOptions hunt_options;
  hunt_options.threads = opt.threads;
  hunt_options.detectors = !a.no_detectors;
  hunt_options.max_clients = a.common.max_clients;
  detect::Hunt hunt(rules, hunt_options);
  const ingest::IngestResult result = ingest::ingest(inputs, opt, hunt);
  std::vector<detect::Finding> findings = hunt.finish();
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  for (const std::string& limit : hunt.limits())
    std::fprintf(stderr, "shodo hunt: limit reached: %s\n", limit.c_str());
  if (!result.error.empty()) {
    std::fprintf(stderr, "shodo hunt: %s\n", result.error.c_str());
    return kExitUsage;
  }
  std::erase_if(findings, [&](const detect::Finding& f) { return f.level < min_level; });

  Output out(a.common.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo hunt: cannot write %s\n", a.common.out.c_str());
    return kExitInternal;
  }
  report::HuntReport r;
  r.inputs = &inputs;
  r.ingest = &result;
  r.seconds = secs;
  r.findings = &findings;
  r.rules.rules_loaded = rules.running_rules();
  r.rules.correlations = rules.correlations().size();
  r.rules.detectors = hunt_options.detectors ? detect::make_detectors({}).all.size() : 0;
  r.rules.problems = rules.problems().size();
  r.verbose = a.common.verbose;
  r.lang = a.common.lang;
  r.min_level = min_level;
  out.write(report::render_hunt(r, a.common.format));
  if (!out.finish()) {
    std::fprintf(stderr, "shodo hunt: could not write the output (disk full?)\n");
    return kExitInternal;
  }

  const int input = input_exit_code(inputs, result);
  if (input != kExitClean) return input;
  return findings.empty() ? kExitClean : kExitFindings;
}

}  // namespace

void add_hunt_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<HuntArgs>();
  CLI::App* cmd = app.add_subcommand(
      "hunt",
      "Hunt logs (files, folders, globs; plain or compressed) with Sigma rules and the built-in "
      "detectors: findings by severity and attacker, each with its outcome and citation");
  cmd->add_option("paths", args->paths,
                  "Log files, folders or glob patterns, or disk images (raw, E01...) whose logs "
                  "are found and read inside them")
      ->required();
  cmd->add_option("--log-path", args->log_paths,
                  "In disk images: also read this file or folder (repeatable)")
      ->allow_extra_args(false);
  add_common_options(*cmd, args->common, {"text", "json", "jsonl", "csv"});
  add_log_options(*cmd, args->common);
  add_detector_options(*cmd, args->common);
  cmd->add_option("--rules", args->rule_dirs,
                  "Also load the Sigma rules in this folder or file (repeatable), e.g. a SigmaHQ "
                  "checkout")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-rules", args->no_default_rules,
                "Do not load the rules shipped with shodo");
  cmd->add_flag("--no-detectors", args->no_detectors,
                "Do not run the built-in stateful detectors (brute force, scanning, floods, "
                "exfiltration, webshell use)");
  cmd->add_option("--min-level", args->min_level,
                  "Report findings at this level or above: informational, low, medium, high, "
                  "critical")
      ->check(CLI::IsMember({"informational", "low", "medium", "high", "critical"}));
  cmd->footer(
      "Examples:\n"
      "  shodo hunt /var/log/nginx/\n"
      "  shodo hunt 'evidence/logs/access.log*' --tz Asia/Tokyo --min-level high\n"
      "  shodo hunt server.E01 --log-path /srv/app/logs\n"
      "  shodo hunt logs/ --rules ~/sigma/rules/web --format jsonl -o findings.jsonl\n"
      "  shodo hunt app.log --log-format nginx:'$remote_addr [$time_local] \"$request\" $status'");
  cmd->final_callback([args, &exit_code] { exit_code = run_hunt(*args); });
}

}  // namespace shodo::cli

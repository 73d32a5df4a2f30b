// shodo investigate EVIDENCE…: the main job — preserve the evidence in a
// case, run every analysis, correlate, and write findings.json, the
// timeline, IOC exports and the reports (ja, en).
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "investigate/investigate.h"
#include "report/incident_report.h"
#include "util/escape.h"
#include "util/progress.h"

namespace shodo::cli {
namespace {

struct InvestigateArgs {
  CommonOptions common;
  CaseOptions c;
  std::vector<std::string> evidence;
  std::vector<std::string> rule_dirs, yara_dirs, webroots;
  std::string known_good, knowledge_date, number;
  bool full_timeline = false;
  bool public_body = false;
};

constexpr const char* kDefaultCase = "shodo-case";

// The case to work in: --case (created when it holds no case yet), else the
// one found from here upwards, else ./shodo-case, created.
bool prepare_case(const InvestigateArgs& a, std::string& dir, std::string& error) {
  cases::CaseDir found;
  if (a.c.case_dir.empty() && cases::find_case("", found)) {
    dir = found.root;
    return true;
  }
  dir = a.c.case_dir.empty() ? kDefaultCase : a.c.case_dir;
  if (std::filesystem::exists(dir + "/case.db")) return true;
  cases::CaseFields f;
  const std::string number =
      a.number.empty() ? "IR-" + cases::stamp_now("UTC").utc.substr(0, 10) : a.number;
  for (const auto& [name, value] :
       {std::pair{"number", number},
        {"time_zone", a.common.tz.empty() ? std::string("UTC") : a.common.tz},
        {"knowledge_date", a.knowledge_date}}) {
    if (value.empty()) continue;
    if (cases::Status st = cases::set_case_field(f, name, value); !st) {
      error = st.error;
      return false;
    }
  }
  f.created_at = cases::stamp_now("UTC").utc;
  std::unique_ptr<cases::CaseStore> store;
  evidence::Passphrase pass;
  cases::CaseDir created;
  cases::Status st = evidence::read_passphrase(a.c.passphrase_file, pass);
  if (st) st = cases::create_case(dir, f, store);
  if (st) st = cases::find_case(dir, created);
  if (st) st = evidence::create_case_key(created, pass);
  if (!st) error = st.error;
  return bool(st);
}

int run(const InvestigateArgs& a) {
  investigate::Options o;
  std::string error;
  if (!make_ingest_options(a.common, o.ingest, error)) {
    std::fprintf(stderr, "shodo investigate: %s\n", error.c_str());
    return kExitUsage;
  }
  std::string case_dir;
  if (!prepare_case(a, case_dir, error)) {
    std::fprintf(stderr, "shodo investigate: case %s: %s\n",
                 util::escape_terminal(case_dir).c_str(), util::escape_terminal(error).c_str());
    return kExitInput;
  }
  CaseOptions co = a.c;
  co.case_dir = case_dir;
  OpenCase c;
  if (!open_case(co, CaseAccess::evidence, "investigate", c)) return kExitInput;
  if (!a.knowledge_date.empty()) {
    cases::CaseFields f;
    cases::Status st = c.store->fields(f);
    if (st && f.knowledge_date != a.knowledge_date) {
      st = cases::set_case_field(f, "knowledge_date", a.knowledge_date);
      if (st) st = c.store->save_fields(f);
    }
    if (!st) {
      std::fprintf(stderr, "shodo investigate: --knowledge-date: %s\n", st.error.c_str());
      return kExitUsage;
    }
  }

  o.evidence = a.evidence;
  o.out_dir = a.common.out.empty() ? c.dir.reports() : a.common.out;
  o.rule_dirs = a.rule_dirs;
  o.yara_dirs = a.yara_dirs;
  o.webroots = a.webroots;
  o.known_good = a.known_good;
  o.full_timeline = a.full_timeline;
  o.public_body = a.public_body;
  o.max_clients = a.common.max_clients;
  const bool show = !a.common.quiet && util::Progress::stderr_is_terminal();
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<util::Progress> bar;
  o.on_stage = [&](std::string_view stage) {
    if (bar) bar->finish();
    bar = std::make_unique<util::Progress>(std::string(stage), show);
    if (!a.common.quiet)
      std::fprintf(stderr, "[%5.1fs] %.*s\n",
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                   static_cast<int>(stage.size()), stage.data());
  };
  o.ingest.progress = [&](uint64_t done, uint64_t total) {
    if (bar) bar->update(done, total);
  };

  investigate::Result r = investigate::investigate(o, c.session);
  if (bar) bar->finish();
  if (!r.error.empty()) {
    std::fprintf(stderr, "shodo investigate: %s\n", util::escape_terminal(r.error).c_str());
    return kExitInternal;
  }
  for (const std::string& p : r.problems)
    if (a.common.verbose) std::fprintf(stderr, "problem: %s\n", util::escape_terminal(p).c_str());
  if (!r.problems.empty() && !a.common.verbose)
    std::fprintf(
        stderr,
        "%zu problems reading the evidence (listed in the report's limitations; -v prints them)\n",
        r.problems.size());
  std::vector<std::pair<std::string, std::string>> outputs = r.outputs;
  outputs.insert(outputs.begin(), {"case", c.dir.root});
  std::fputs(report::render_investigation_summary(r.inv, a.common.lang, outputs).c_str(), stdout);
  if (r.evidence_changed) {
    std::fprintf(
        stderr,
        "shodo investigate: an evidence source changed during the analysis (see custody)\n");
    return kExitInternal;
  }
  if (r.input_error) return kExitInput;
  return r.inv.verdict.value == "no-evidence" ? kExitClean : kExitFindings;
}

}  // namespace

void add_investigate_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<InvestigateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "investigate",
      "The main job: preserve the evidence (logs, webroots, collected folders and archives, disk "
      "images) in a case, hunt, scan, diff and triage it, correlate, and write findings.json, a "
      "timeline, IOC exports and the initial investigation report (ja, en)");
  cmd->add_option("EVIDENCE", a->evidence,
                  "Log files or folders, a webroot, a collected folder or archive (tar of /var/log "
                  "and /var/www), disk images")
      ->required();
  add_case_options(*cmd, a->c, true);
  add_common_options(*cmd, a->common, {"text"});
  add_log_options(*cmd, a->common);
  add_detector_options(*cmd, a->common);
  cmd->get_option("--out")->description("Folder for the outputs (default: the case's reports/)");
  cmd->add_option("--rules", a->rule_dirs,
                  "Also load the Sigma rules in this folder or file (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--yara", a->yara_dirs,
                  "Also load the YARA rules in this folder or file (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--webroot", a->webroots,
                  "Scan this folder as a document root besides those found (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--known-good", a->known_good,
                  "The site's pristine release (folder): webroots are compared with it");
  cmd->add_option(
      "--knowledge-date", a->knowledge_date,
      "The day the breach became known (YYYY-MM-DD, 知った日): starts the reporting clocks");
  cmd->add_option("--number", a->number,
                  "Case number when the case is created (default IR-<today>)");
  cmd->add_flag("--full-timeline", a->full_timeline,
                "Put every log event in the timeline, not only the attackers', the flagged files' "
                "and the system logs'");
  cmd->add_flag("--public-body", a->public_body,
                "The organisation is a public body (行政機関等): the APPI reporting threshold is "
                "more than 100 persons, not 1,000");
  cmd->footer(
      "Outputs: findings.json, timeline.csv/.jsonl/.body, iocs.stix.json/.misp.json/.csv,\n"
      "initial-report.{ja,en}.{html,md} (and disk-report.* for disk images).\n"
      "Running it again on the same case and evidence gives the same results and adds nothing "
      "twice.\n"
      "Examples:\n"
      "  shodo investigate --case IR-2024-001 --tz Asia/Tokyo evidence/\n"
      "  shodo investigate logs/ webroot.tar.gz --known-good release/ --knowledge-date 2024-03-11\n"
      "  shodo investigate server.E01 --lang ja");
  cmd->final_callback([a, &exit_code] { exit_code = run(*a); });
}

}  // namespace shodo::cli

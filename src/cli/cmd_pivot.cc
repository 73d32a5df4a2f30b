// shodo pivot VALUE: every event, finding, attacker, webshell and changed
// file of an investigated case that involves VALUE, in time order.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/findings_input.h"
#include "investigate/pivot.h"
#include "report/investigation_json.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct PivotArgs {
  CommonOptions common;
  CaseOptions c;
  std::string value;
  std::string from;  // findings.json
};

int run(const PivotArgs& a) {
  investigate::Investigation inv;
  if (!load_findings(a.c, a.from, "pivot", inv)) return kExitInput;
  std::string error;
  ingest::IngestOptions opt;
  if (!make_ingest_options(a.common, opt, error)) {
    std::fprintf(stderr, "shodo pivot: %s\n", error.c_str());
    return kExitUsage;
  }
  const investigate::PivotResult r = investigate::pivot(inv, a.value, opt);
  Output out(a.common.out);
  if (!out.ok()) return kExitInternal;
  std::string s;
  for (const investigate::PivotHit& h : r.hits) {
    if (a.common.format == "jsonl") {
      s += "{\"time\":\"" + report::utc_or_empty(h.time) + "\",\"kind\":\"" + h.kind +
           "\",\"file\":\"";
      util::append_json_string(s, h.cite.file);
      s += "\",\"line\":" + std::to_string(h.cite.line) + ",\"finding_id\":\"" + h.finding_id +
           "\",\"text\":\"";
      util::append_json_string(s, h.text);
      s += "\"}\n";
    } else {
      s +=
          fmt::format("{:<25} {:<12} ", report::local_time_or_dash(h.time, h.utc_offset_s), h.kind);
      util::append_escaped_terminal(s, h.cite.file.empty() ? "-" : h.cite.file);
      if (h.cite.line) s += ":" + std::to_string(h.cite.line);
      if (!h.finding_id.empty()) s += " " + h.finding_id;
      s += "  ";
      util::append_escaped_terminal(s, h.text);
      s += "\n";
    }
  }
  if (a.common.format != "jsonl")
    s += fmt::format("{} hits for {} ({} events read)\n", r.hits.size(),
                     util::escape_terminal(a.value), r.events_read);
  out.write(s);
  for (const std::string& p : r.problems)
    std::fprintf(stderr, "problem: %s\n", util::escape_terminal(p).c_str());
  if (!out.finish()) return kExitInternal;
  return r.hits.empty() ? kExitClean : kExitFindings;
}

}  // namespace

void add_pivot_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<PivotArgs>();
  CLI::App* cmd = app.add_subcommand(
      "pivot",
      "Everything in an investigated case that involves a value (IP address, path, hash, user "
      "agent, user name): log events from every source, findings, attackers, webshells, changed "
      "files, in time order");
  cmd->add_option("VALUE", a->value, "The value to follow")->required();
  add_case_options(*cmd, a->c, false);
  add_common_options(*cmd, a->common, {"text", "jsonl"});
  add_log_options(*cmd, a->common);
  cmd->add_option("--from", a->from, "The findings.json to start from (default: the case's)");
  cmd->footer(
      "A value matches as a whole token: 203.0.113.4 does not match 203.0.113.45.\n"
      "Examples:\n"
      "  shodo pivot 203.0.113.77\n"
      "  shodo pivot /uploads/img/cache.php --case IR-2024-001 --format jsonl");
  cmd->final_callback([a, &exit_code] { exit_code = run(*a); });
}

}  // namespace shodo::cli

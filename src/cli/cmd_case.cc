// shodo case init|show|set|purge: the case folder, its fields, and the
// certified deletion of its evidence.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/json_writer.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct InitArgs {
  std::string dir;
  cases::CaseFields fields;
  std::string passphrase_file;
};

int run_init(const InitArgs& a) {
  cases::CaseFields f;
  for (const cases::FieldSpec& spec : cases::case_field_specs()) {
    const std::string v = cases::get_case_field(a.fields, spec.name);
    if (v.empty() && spec.name != "number") continue;
    if (cases::Status st = cases::set_case_field(f, spec.name, v); !st) {
      std::fprintf(stderr, "shodo case init: %s\n", st.error.c_str());
      return kExitUsage;
    }
  }
  f.created_at = cases::stamp_now("UTC").utc;
  evidence::Passphrase pass;
  if (cases::Status st = evidence::read_passphrase(a.passphrase_file, pass); !st) {
    std::fprintf(stderr, "shodo case init: %s\n", st.error.c_str());
    return kExitUsage;
  }
  std::unique_ptr<cases::CaseStore> store;
  cases::CaseDir dir;
  if (cases::Status st = cases::create_case(a.dir, f, store); !st) {
    std::fprintf(stderr, "shodo case init: %s\n", util::escape_terminal(st.error).c_str());
    return kExitInput;
  }
  if (cases::Status st = cases::find_case(a.dir, dir);
      !st || !(st = evidence::create_case_key(dir, pass))) {
    std::fprintf(stderr, "shodo case init: %s\n", util::escape_terminal(st.error).c_str());
    return kExitInternal;
  }
  fmt::print("case {} created in {}\ncase key: {}\n", util::escape_terminal(f.number),
             util::escape_terminal(dir.root),
             pass.given ? "wrapped with the passphrase (scrypt)" : "stored unwrapped in keys/");
  return kExitClean;
}

int run_show(const CaseOptions& o, const std::string& format) {
  OpenCase c;
  if (!open_case(o, CaseAccess::read, "case show", c)) return kExitInput;
  cases::CaseFields f;
  std::vector<cases::Item> items;
  int64_t head = 0;
  std::string head_hash;
  if (cases::Status st = c.store->fields(f);
      !st || !(st = c.store->items(items)) || !(st = c.store->custody_head(head, head_hash))) {
    std::fprintf(stderr, "shodo case show: %s\n", st.error.c_str());
    return kExitInternal;
  }
  uint64_t bytes = 0;
  size_t held = 0;
  for (const cases::Item& it : items) {
    bytes += it.size;
    held += it.disposition == "held";
  }
  if (format == "json") {
    std::string out;
    report::JsonObject j(out);
    j.text("folder", c.dir.root);
    for (const cases::FieldSpec& spec : cases::case_field_specs())
      j.text(spec.name, cases::get_case_field(f, spec.name));
    j.text("created_at", f.created_at);
    j.number("schema_version", int64_t{c.store->schema_version()});
    j.number("items", static_cast<uint64_t>(items.size()));
    j.number("items_held", static_cast<uint64_t>(held));
    j.number("bytes", bytes);
    j.number("custody_events", head);
    j.close();
    fmt::print("{}\n", out);
    return kExitClean;
  }
  fmt::print("case folder     {}\n", util::escape_terminal(c.dir.root));
  for (const cases::FieldSpec& spec : cases::case_field_specs())
    fmt::print("{:<15} {}\n", spec.name,
               util::escape_terminal(cases::get_case_field(f, spec.name)));
  fmt::print("{:<15} {}\n", "created_at", f.created_at);
  fmt::print("evidence        {} item(s), {} held, {} bytes\n", items.size(), held, bytes);
  fmt::print("custody log     {} event(s)\n", head);
  return kExitClean;
}

int run_set(const CaseOptions& o, const std::string& field, const std::string& value) {
  OpenCase c;
  if (!open_case(o, CaseAccess::read, "case set", c)) return kExitInput;
  cases::CaseFields f;
  if (cases::Status st = c.store->fields(f); !st) {
    std::fprintf(stderr, "shodo case set: %s\n", st.error.c_str());
    return kExitInternal;
  }
  if (cases::Status st = cases::set_case_field(f, field, value); !st) {
    std::fprintf(stderr, "shodo case set: %s\n", util::escape_terminal(st.error).c_str());
    return kExitUsage;
  }
  if (cases::Status st = c.store->save_fields(f); !st) {
    std::fprintf(stderr, "shodo case set: %s\n", st.error.c_str());
    return kExitInternal;
  }
  return kExitClean;
}

int run_purge(const CaseOptions& o, const std::string& confirm) {
  OpenCase c;
  if (!open_case(o, CaseAccess::exclusive, "case purge", c)) return kExitInput;
  evidence::PurgeReport r;
  if (cases::Status st = evidence::purge(c.session, confirm, r); !st) {
    std::fprintf(stderr, "shodo case purge: %s\n", util::escape_terminal(st.error).c_str());
    return st.error.rfind("refused", 0) == 0 ? kExitUsage : kExitInternal;
  }
  fmt::print("purged {} item(s): case key destroyed, vault deleted ({} file(s) removed)\n",
             r.items.size(), r.removed.size());
  fmt::print("check: {} file(s) searched for {} evidence fragment(s): {}\n", r.files_scanned,
             r.probes, r.clean() ? "none found" : "FOUND in:");
  for (const std::string& p : r.residue) fmt::print("  {}\n", util::escape_terminal(p));
  fmt::print("certificate: {}\n             {}\n", util::escape_terminal(r.certificate_json),
             util::escape_terminal(r.certificate_html));
  return r.clean() ? kExitClean : kExitFindings;
}

}  // namespace

void add_case_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("case", "Create and inspect a case; purge its evidence");
  cmd->require_subcommand(1);

  auto init = std::make_shared<InitArgs>();
  CLI::App* init_cmd = cmd->add_subcommand(
      "init", "Create a case folder: database, encrypted evidence vault, keys, exports, reports");
  init_cmd->add_option("DIR", init->dir, "New case folder (absent or empty)")->required();
  init_cmd->add_option("--number", init->fields.number, "Case number")->required();
  init_cmd->add_option("--title", init->fields.title, "Title");
  init_cmd->add_option("--customer", init->fields.customer, "Customer (the breached company)");
  init_cmd->add_option("--examiners", init->fields.examiners, "Examiners, comma-separated");
  init_cmd->add_option("--tz", init->fields.time_zone, "Case time zone (IANA name or ±HH:MM)");
  init_cmd->add_option("--phase", init->fields.phase, "Service phase");
  init_cmd->add_option("--severity", init->fields.severity, "Severity 1-4");
  init_cmd->add_option("--tlp", init->fields.tlp, "TLP:CLEAR|GREEN|AMBER|AMBER+STRICT|RED");
  init_cmd->add_option("--knowledge-date", init->fields.knowledge_date,
                       "知った日: when the company learned of the incident (YYYY-MM-DD)");
  init_cmd->add_option("--passphrase-file", init->passphrase_file,
                       "Wrap the case key with the passphrase in this file (or SHODO_PASSPHRASE)");
  init_cmd->footer(
      "Example:\n  shodo case init cases/2024-017 --number 2024-017 --customer 'Example KK' "
      "--tz Asia/Tokyo --knowledge-date 2024-03-10");
  init_cmd->final_callback([init, &exit_code] { exit_code = run_init(*init); });

  auto show_opts = std::make_shared<CaseOptions>();
  auto show_format = std::make_shared<std::string>("text");
  CLI::App* show = cmd->add_subcommand("show", "Print the case's fields and a summary");
  add_case_options(*show, *show_opts, false);
  show->add_option("--format", *show_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  show->footer("Example:\n  shodo case show --case cases/2024-017");
  show->final_callback(
      [show_opts, show_format, &exit_code] { exit_code = run_show(*show_opts, *show_format); });

  auto set_opts = std::make_shared<CaseOptions>();
  auto set_args = std::make_shared<std::vector<std::string>>();
  std::string fields;
  for (const cases::FieldSpec& s : cases::case_field_specs())
    fields += fmt::format("\n  {:<15} {}", s.name, s.help);
  CLI::App* set = cmd->add_subcommand("set", "Set one case field");
  add_case_options(*set, *set_opts, false);
  set->add_option("FIELD VALUE", *set_args, "Field name and value")->expected(2)->required();
  set->footer("Fields:" + fields + "\nExample:\n  shodo case set phase full");
  set->final_callback([set_opts, set_args, &exit_code] {
    exit_code = run_set(*set_opts, (*set_args)[0], (*set_args)[1]);
  });

  auto purge_opts = std::make_shared<CaseOptions>();
  auto confirm = std::make_shared<std::string>();
  CLI::App* purge = cmd->add_subcommand(
      "purge",
      "Destroy the case's evidence (cryptographic erase), keep the record and custody log, and "
      "write a deletion certificate");
  add_case_options(*purge, *purge_opts, true);
  purge->add_option("--confirm", *confirm, "The case number, to confirm")->required();
  purge->footer("Example:\n  shodo case purge --confirm 2024-017");
  purge->final_callback(
      [purge_opts, confirm, &exit_code] { exit_code = run_purge(*purge_opts, *confirm); });
}

}  // namespace shodo::cli

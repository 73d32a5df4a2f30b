// shodo custody show|verify: the chain of custody.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/json_writer.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

constexpr const char* kColumns[] = {"seq",   "item",    "action",    "time_utc",  "time_local",
                                    "actor", "purpose", "matched",   "hashes",    "tool",
                                    "host",  "details", "prev_hash", "event_hash"};

std::vector<std::string> columns(const cases::CustodyEvent& e) {
  return {std::to_string(e.seq),
          e.item_id ? std::to_string(e.item_id) : "",
          e.action,
          e.time_utc,
          e.time_local,
          e.actor,
          e.purpose,
          e.matched,
          e.hashes_json,
          e.tool,
          e.host,
          e.details,
          e.prev_hash,
          e.event_hash};
}

std::string render(const std::vector<cases::CustodyEvent>& events, const std::string& format) {
  std::string out;
  if (format == "json") {
    report::append_json_array(out, events, [](std::string& o, const cases::CustodyEvent& e) {
      report::JsonObject j(o);
      j.number("seq", e.seq);
      if (e.item_id) j.number("item", e.item_id);
      j.text("action", e.action);
      j.text("time_utc", e.time_utc);
      j.text("time_local", e.time_local);
      j.text("zone", e.zone);
      j.text("actor", e.actor);
      j.text("purpose", e.purpose);
      if (!e.hashes_json.empty()) j.member("hashes") += e.hashes_json;  // shodo's own JSON
      j.text("matched", e.matched);
      j.text("tool", e.tool);
      j.text("host", e.host);
      j.text("details", e.details);
      j.text("prev_hash", e.prev_hash);
      j.text("event_hash", e.event_hash);
      j.close();
    });
    return out + "\n";
  }
  if (format == "csv") {
    for (size_t i = 0; i < std::size(kColumns); ++i) out += std::string(i ? "," : "") + kColumns[i];
    out += "\r\n";
    for (const auto& e : events) {
      const auto cols = columns(e);
      for (size_t i = 0; i < cols.size(); ++i) {
        if (i) out += ',';
        util::append_csv_cell(out, cols[i]);
      }
      out += "\r\n";
    }
    return out;
  }
  for (const auto& e : events) {
    out += fmt::format("{:>4}  {}  {:<11} {:<6} {}\n", e.seq, e.time_utc, e.action,
                       e.item_id ? "#" + std::to_string(e.item_id) : "case",
                       util::escape_terminal(e.actor));
    out += fmt::format("      local {}  host {}  tool {}\n", e.time_local,
                       util::escape_terminal(e.host), util::escape_terminal(e.tool));
    if (!e.purpose.empty()) out += "      purpose " + util::escape_terminal(e.purpose) + "\n";
    if (!e.hashes_json.empty())
      out += "      hashes " + e.hashes_json +
             (e.matched.empty() ? "" : "  matched: " + e.matched) + "\n";
    if (!e.details.empty()) out += "      " + util::escape_terminal(e.details) + "\n";
  }
  return out;
}

int run_show(const CaseOptions& o, const std::string& ref, const std::string& format) {
  OpenCase c;
  if (!open_case(o, CaseAccess::read, "custody show", c)) return kExitInput;
  int64_t item_id = 0;
  if (!ref.empty()) {
    cases::Item it;
    if (cases::Status st = evidence::resolve_item(*c.store, ref, it); !st) {
      std::fprintf(stderr, "shodo custody show: %s\n", util::escape_terminal(st.error).c_str());
      return kExitUsage;
    }
    item_id = it.id;
  }
  std::vector<cases::CustodyEvent> events;
  if (cases::Status st = c.store->events(item_id, events); !st) {
    std::fprintf(stderr, "shodo custody show: %s\n", st.error.c_str());
    return kExitInternal;
  }
  fmt::print("{}", render(events, format));
  return kExitClean;
}

int run_verify(const CaseOptions& o) {
  OpenCase c;
  if (!open_case(o, CaseAccess::read, "custody verify", c)) return kExitInput;
  cases::ChainCheck chk;
  if (cases::Status st = evidence::verify_custody(*c.store, chk); !st) {
    std::fprintf(stderr, "shodo custody verify: %s\n", st.error.c_str());
    return kExitInternal;
  }
  if (chk.ok) {
    fmt::print("custody chain intact: {} event(s)\n", chk.events);
    return kExitClean;
  }
  fmt::print("custody chain BROKEN at event {}: {}\n", chk.first_bad_seq, chk.reason);
  return kExitFindings;
}

}  // namespace

void add_custody_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("custody", "Show or verify the chain of custody");
  cmd->require_subcommand(1);
  auto show_opts = std::make_shared<CaseOptions>();
  auto ref = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  CLI::App* show = cmd->add_subcommand("show", "Print the custody log (of one item, or all)");
  add_case_options(*show, *show_opts, false);
  show->add_option("ITEM", *ref, "Item number (#12 or 12) or SHA-256 prefix");
  show->add_option("--format", *format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  show->footer(
      "Examples:\n  shodo custody show\n  shodo custody show 3 --format csv > custody.csv");
  show->final_callback(
      [show_opts, ref, format, &exit_code] { exit_code = run_show(*show_opts, *ref, *format); });

  auto verify_opts = std::make_shared<CaseOptions>();
  CLI::App* verify = cmd->add_subcommand(
      "verify",
      "Check the hash chain of the custody log; names the first altered, deleted, inserted or "
      "reordered event (exit 1)");
  add_case_options(*verify, *verify_opts, false);
  verify->footer("Example:\n  shodo custody verify --case cases/2024-017");
  verify->final_callback([verify_opts, &exit_code] { exit_code = run_verify(*verify_opts); });
}

}  // namespace shodo::cli

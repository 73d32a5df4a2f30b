// shodo acquire SOURCE…: sources into the case's evidence vault.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct AcquireArgs {
  CaseOptions c;
  std::vector<std::string> sources;
  std::string kind = "auto";
  evidence::AcquireOptions options;
};

int run(const AcquireArgs& a) {
  evidence::AcquireOptions options = a.options;
  if (!evidence::parse_source_kind(a.kind, options.kind)) {
    std::fprintf(stderr, "shodo acquire: unknown --as %s\n", util::escape_terminal(a.kind).c_str());
    return kExitUsage;
  }
  OpenCase c;
  if (!open_case(a.c, CaseAccess::evidence, "acquire", c)) return kExitInput;
  int code = kExitClean;
  for (const std::string& source : a.sources) {
    evidence::AcquireReport r;
    cases::Status st = evidence::acquire(c.session, source, options, r);
    for (const auto& e : r.items) {
      const std::string where =
          e.item.entry_path.empty() ? e.item.source : e.item.source + "!" + e.item.entry_path;
      fmt::print("#{:<5} {:<13} {:>12}  {}  {}{}\n", e.item.id, e.item.kind, e.item.size,
                 e.item.hashes.sha256, util::escape_terminal(where),
                 e.existing ? "  (already in the case)" : "");
    }
    for (const auto& chk : r.e01) {
      fmt::print("E01 {}: media MD5 {} (stored {}), SHA-1 {} (stored {}): {}\n",
                 util::escape_terminal(chk.image), chk.media.md5,
                 chk.stored_md5.empty() ? "none" : chk.stored_md5, chk.media.sha1,
                 chk.stored_sha1.empty() ? "none" : chk.stored_sha1,
                 chk.match ? "match" : "MISMATCH");
      if (!chk.match) code = std::max(code, int{kExitFindings});
    }
    for (const auto& p : r.problems)
      fmt::print(stderr, "problem: {}: {}\n", util::escape_terminal(p.where),
                 util::escape_terminal(p.reason));
    if (r.malformed_entries)
      fmt::print(stderr, "{}: {} malformed archive entr{}\n", util::escape_terminal(source),
                 r.malformed_entries, r.malformed_entries == 1 ? "y" : "ies");
    if (!st) {
      fmt::print(stderr, "shodo acquire: {}\n", util::escape_terminal(st.error));
      code = kExitInput;
    } else if (!r.problems.empty() || r.malformed_entries) {
      code = std::max(code, int{kExitInput});
    }
  }
  return code;
}

}  // namespace

void add_acquire_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<AcquireArgs>();
  CLI::App* cmd = app.add_subcommand(
      "acquire",
      "Preserve evidence: hash (SHA-256, SHA-1, MD5) and store files, folders, archives, raw / "
      "split raw / E01 images and block devices in the case's encrypted vault, with custody");
  add_case_options(*cmd, a->c, true);
  cmd->add_option("SOURCE", a->sources, "Files, folders, archives, images or devices")->required();
  cmd->add_option("--as", a->kind,
                  "Source kind: auto (default), file, dir, archive, raw, split-raw, e01, device");
  cmd->add_option("--notes", a->options.notes, "Free notes recorded with each item");
  cmd->add_option("--purpose", a->options.purpose, "Purpose recorded in the custody log");
  cmd->footer(
      "Sources are never modified (read-only, O_NOATIME). Identical content is stored once;\n"
      "running the same acquisition again records nothing twice.\n"
      "Examples:\n  shodo acquire /srv/www access.log.1.gz\n"
      "  shodo acquire --case cases/2024-017 disk.E01 --notes 'web01 system disk'");
  cmd->final_callback([a, &exit_code] { exit_code = run(*a); });
}

}  // namespace shodo::cli

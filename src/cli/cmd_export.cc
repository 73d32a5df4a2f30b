// shodo export ITEM… --to DIR: original bytes out of the vault, with a
// manifest of hashes, logged in custody.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct ExportArgs {
  CaseOptions c;
  std::vector<std::string> refs;
  std::string to;
  std::string purpose = "export";
};

int run(const ExportArgs& a) {
  OpenCase c;
  if (!open_case(a.c, CaseAccess::evidence, "export", c)) return kExitInput;
  std::vector<cases::Item> items;
  for (const std::string& ref : a.refs) {
    cases::Item it;
    if (cases::Status st = evidence::resolve_item(*c.store, ref, it); !st) {
      std::fprintf(stderr, "shodo export: %s\n", util::escape_terminal(st.error).c_str());
      return kExitUsage;
    }
    items.push_back(std::move(it));
  }
  evidence::ExportReport r;
  cases::Status st = evidence::export_items(c.session, items, a.to, a.purpose, r);
  for (const auto& f : r.files) fmt::print("#{} -> {}\n", f.item.id, util::escape_terminal(f.path));
  if (!r.manifest_path.empty())
    fmt::print("manifest: {}\n", util::escape_terminal(r.manifest_path));
  if (!st) {
    std::fprintf(stderr, "shodo export: %s\n", util::escape_terminal(st.error).c_str());
    return kExitInput;
  }
  return kExitClean;
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write evidence items' original bytes to a folder, with a manifest of hashes");
  add_case_options(*cmd, a->c, true);
  cmd->add_option("ITEM", a->refs, "Item number (#12 or 12) or SHA-256 prefix")->required();
  cmd->add_option("--to", a->to, "Target folder (files are only ever written inside it)")
      ->required();
  cmd->add_option("--purpose", a->purpose, "Purpose recorded in the custody log");
  cmd->footer("Example:\n  shodo export 3 7 --to /media/usb/for-pfi --purpose 'handover to PFI'");
  cmd->final_callback([a, &exit_code] { exit_code = run(*a); });
}

}  // namespace shodo::cli

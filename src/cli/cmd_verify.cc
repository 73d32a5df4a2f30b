// shodo verify: every vault item re-hashed, and the custody chain checked.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

int run(const CaseOptions& o) {
  OpenCase c;
  if (!open_case(o, CaseAccess::evidence, "verify", c)) return kExitInput;
  evidence::VerifyReport r;
  if (cases::Status st = evidence::verify(c.session, r); !st) {
    std::fprintf(stderr, "shodo verify: %s\n", util::escape_terminal(st.error).c_str());
    return kExitInternal;
  }
  size_t bad = 0;
  for (const evidence::ItemCheck& chk : r.items) {
    if (chk.ok) continue;
    ++bad;
    fmt::print("MISMATCH {}: {}\n", util::escape_terminal(chk.item.label()),
               util::escape_terminal(chk.error));
  }
  fmt::print("{} item(s) verified: {} intact, {} failed\n", r.items.size(), r.items.size() - bad,
             bad);
  fmt::print("custody chain: {}\n", r.chain.ok ? fmt::format("{} event(s), intact", r.chain.events)
                                               : "BROKEN at event " +
                                                     std::to_string(r.chain.first_bad_seq) + ": " +
                                                     r.chain.reason);
  return r.ok() ? kExitClean : kExitFindings;
}

}  // namespace

void add_verify_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CaseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Re-hash every evidence item in the vault against its acquisition hashes and check the "
      "custody chain (exit 1 on any mismatch)");
  add_case_options(*cmd, *o, true);
  cmd->footer("Example:\n  shodo verify --case cases/2024-017");
  cmd->final_callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace shodo::cli

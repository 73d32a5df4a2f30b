#include "cli/case_options.h"

#include <cstdio>

#include "util/escape.h"

namespace shodo::cli {

void add_case_options(CLI::App& cmd, CaseOptions& o, bool uses_key) {
  cmd.add_option("--case", o.case_dir,
                 "Case folder (default: the case in this folder or the nearest parent)");
  cmd.add_option("--examiner", o.examiner,
                 "Who acts, for the custody log (default: $SHODO_EXAMINER, else the OS user)");
  if (uses_key)
    cmd.add_option("--passphrase-file", o.passphrase_file,
                   "File holding the passphrase of the case key (or set SHODO_PASSPHRASE)");
}

std::string tool_name() {
  return "shodo " SHODO_VERSION;
}

bool open_case(const CaseOptions& o, CaseAccess access, const char* command, OpenCase& out) {
  auto fail = [command](const std::string& why) {
    std::fprintf(stderr, "shodo %s: %s\n", command, util::escape_terminal(why).c_str());
    return false;
  };
  if (cases::Status st = cases::find_case(o.case_dir, out.dir); !st) return fail(st.error);
  if (cases::Status st = out.lock.lock(out.dir, access == CaseAccess::exclusive); !st)
    return fail(st.error);
  if (cases::Status st = cases::open_case(out.dir, out.store); !st) return fail(st.error);
  if (access == CaseAccess::read) return true;
  evidence::Passphrase pass;
  if (cases::Status st = evidence::read_passphrase(o.passphrase_file, pass); !st)
    return fail(st.error);
  if (cases::Status st = evidence::open_session(
          out.dir, *out.store, cases::examiner_name(o.examiner), tool_name(), pass, out.session);
      !st)
    return fail(st.error);
  return true;
}

}  // namespace shodo::cli

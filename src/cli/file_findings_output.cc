#include "cli/file_findings_output.h"

#include <cstdio>

#include "cli/exit_codes.h"

namespace shodo::cli {

int write_file_findings(const CommonOptions& o, const char* command,
                        report::FileFindingsReport& r) {
  Output out(o.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo %s: cannot write %s\n", command, o.out.c_str());
    return kExitInternal;
  }
  r.lang = o.lang;
  out.write(report::render_file_findings(r, o.format));
  if (!out.finish()) {
    std::fprintf(stderr, "shodo %s: could not write the output (disk full?)\n", command);
    return kExitInternal;
  }
  if (!r.problems->empty()) return kExitInput;
  return r.findings->empty() ? kExitClean : kExitFindings;
}

}  // namespace shodo::cli

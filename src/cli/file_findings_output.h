// Writing the findings of a file-analysis command (scan, triage) and
// choosing its exit code: the same for every such command.
#pragma once

#include "cli/common.h"
#include "report/file_findings.h"

namespace shodo::cli {

// Renders `r` (findings and problems set) in --format to --out. Returns
// kExitInternal when the output cannot be written, else kExitInput when
// something was not read, kExitFindings when something was found, kExitClean.
int write_file_findings(const CommonOptions& o, const char* command, report::FileFindingsReport& r);

}  // namespace shodo::cli

// The findings.json a command starts from: --from FILE, else the case's
// (reports/findings.json of --case or the case found from the current folder).
#pragma once

#include <string>

#include "cli/case_options.h"
#include "investigate/investigation.h"

namespace shodo::cli {

// Prints why to stderr (prefixed "shodo <command>: ") and returns false
// when there is no readable, valid findings.json. `case_knowledge_date`, when
// given, gets the case's current knowledge date (it may have been set after
// the investigation); it is left alone with --from.
bool load_findings(const CaseOptions& c, const std::string& from, const char* command,
                   investigate::Investigation& out, std::string* case_knowledge_date = nullptr);

}  // namespace shodo::cli

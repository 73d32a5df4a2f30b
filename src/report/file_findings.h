// Rendering findings about files (system triage, webroot scans) for a
// terminal (en, ja) or for other tools (json, jsonl, csv). Same findings in,
// byte-identical output out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/file_finding.h"
#include "fsview/fsview.h"

namespace shodo::report {

struct FileFindingsReport {
  std::string title;  // e.g. "System triage", shown above the text table
  const std::vector<detect::FileFinding>* findings = nullptr;  // in the caller's order
  const std::vector<fsview::Problem>* problems = nullptr;      // what could not be read
  uint64_t files_examined = 0;
  // Summary lines below the counts (en, ja; ja falls back to en), e.g. how
  // many findings a cap left out.
  std::vector<std::string> notes, notes_ja;
  std::string lang = "en";  // en | ja (text only)
};

// format: text | json | jsonl | csv
std::string render_file_findings(const FileFindingsReport& r, std::string_view format);

}  // namespace shodo::report

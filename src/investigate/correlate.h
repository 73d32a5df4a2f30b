// Correlation: from the findings of every analysis (log hunt, webroot scan,
// integrity diff, system triage) and the activity measured in the logs, the
// account of the incident: attackers, webshells and who used them, changed
// files, the incident window, the attack chain, the verdict, what to do now
// and the indicators to share. Pure: same input, same output.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "detect/file_finding.h"
#include "detect/finding.h"
#include "files/files.h"
#include "investigate/investigation.h"
#include "investigate/log_analysis.h"

namespace shodo::investigate {

// A file-system time (ns) as an investigation time (us).
inline TimeUs us_of(fsview::TimeNs t) {
  return t == fsview::kNoTime ? kNoTime : t / 1000;
}

// A file finding with the evidence it came from.
struct FileFindingIn {
  detect::FileFinding finding;
  std::string origin;  // evidence argument or archive: citations read "<origin>:<path>"
  std::string kind;    // scan, triage
};

// A difference from the known-good release, in a webroot. The change's
// paths are full view paths (the document root prepended).
struct ChangeIn {
  files::Change change;
  std::string origin;
  std::string docroot;  // view path of the webroot the change is in
  std::string content;  // the file's current text head (for the assessment), raw
};

struct CorrelationInput {
  const ingest::InputSet* logs = nullptr;
  const HuntPass* hunt = nullptr;  // findings, watched activity, hourly totals
  std::vector<WatchedUrl> watched;
  std::vector<std::string> watched_paths;  // parallel: the view path of each watched file
  std::vector<FileFindingIn> file_findings;
  std::vector<ChangeIn> changes;
  bool baseline_given = false;
};

// Stage 1: the findings in one time-ordered list with ids, and the client
// addresses that attacked (their activity is measured by a second log pass).
struct Stage1 {
  std::vector<FindingRecord> findings;
  std::set<std::string> attackers;
  std::set<std::pair<uint32_t, uint64_t>> cited;  // log lines to quote
};
Stage1 correlate_findings(const CorrelationInput& in);

// Stage 2: everything else, into `inv` (evidence, stats and case fields are
// the caller's).
void correlate(const CorrelationInput& in, Stage1 stage1, const ActivityPass& activity,
               Investigation& inv);

}  // namespace shodo::investigate

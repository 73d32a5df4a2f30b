// The file side of an investigation: webroots scanned (YARA and code
// heuristics) and compared with the known-good release, system trees
// triaged; and from their results, the URLs whose requests the log passes
// must watch.
#pragma once

#include <string>
#include <vector>

#include "detect/detect.h"
#include "investigate/correlate.h"
#include "investigate/sources.h"

namespace shodo::investigate {

struct FileAnalysis {
  std::vector<FileFindingIn> findings;
  std::vector<ChangeIn> changes;
  std::vector<std::string> problems;
  uint64_t files_examined = 0;
  bool baseline_given = false;
};

struct FileOptions {
  std::vector<std::string> yara_dirs;
  std::string known_good;  // host folder of the pristine release
  unsigned threads = 0;
  const detect::RuleSet* rules = nullptr;  // judges shell histories in triage
};

FileAnalysis analyse_files(const Sources& sources, const FileOptions& options);

// The files whose requests matter, with their URLs: flagged by a scan
// (medium or above) or changed since the release, in a webroot.
void watch_list(const Sources& sources, const std::vector<FileFindingIn>& findings,
                const std::vector<ChangeIn>& changes, std::vector<WatchedUrl>& urls,
                std::vector<std::string>& paths);

}  // namespace shodo::investigate

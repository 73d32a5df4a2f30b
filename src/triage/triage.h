// Public API of the triage component: what an examiner checks first on a
// compromised Linux server (accounts, sudoers, SSH keys, cron, systemd,
// ld.so.preload, programs in temporary folders, SUID files, replaced system
// binaries, shell histories, files changed in a time window, forged-looking
// timestamps), each as a cited finding. Reads the evidence only through a
// fsview::View, so a live folder and a disk image give the same answers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "detect/file_finding.h"
#include "fsview/fsview.h"

namespace shodo::detect {
class RuleSet;
}

namespace shodo::triage {

struct TriageOptions {
  // Files changed in [since, until) (either end may be open) are reported;
  // checks of added or changed things (accounts, keys, cron, units) use the
  // same window. kNoTime on both ends: no window.
  fsview::TimeNs since = fsview::kNoTime, until = fsview::kNoTime;
  // A file whose mtime is earlier than its birth time (or ctime when the
  // file system records no birth time) by more than this looks backdated.
  fsview::TimeNs forged_threshold_ns = 86'400'000'000'000;  // 1 day
  // A system binary stands out when its mtime or ctime is later than its
  // folder's median by more than this and by more than 5 robust deviations.
  fsview::TimeNs sibling_gap_ns = 7 * 86'400'000'000'000;
  // At most this many "changed in the window" findings; the rest are counted.
  size_t max_window_findings = 200;
  // The Sigma rules whose shell_history rules judge shell histories and the
  // commands of cron jobs and systemd units (one rule set for hunt and
  // triage). nullptr: those commands are judged by triage's own markers only
  // and histories are not judged (a problem says so).
  const detect::RuleSet* rules = nullptr;
};

struct TriageResult {
  // Most severe first, then by check, path and line.
  std::vector<detect::FileFinding> findings;
  std::vector<fsview::Problem> problems;  // what could not be read or judged
  uint64_t files_examined = 0;            // entries seen by the full walk
  uint64_t window_changes = 0;            // files changed in the window, all of them
  // Lines for the report's summary (en, ja), e.g. how many window findings
  // were left out.
  std::vector<std::string> notes, notes_ja;
};

TriageResult run_triage(const fsview::View& view, const TriageOptions& options);

}  // namespace shodo::triage

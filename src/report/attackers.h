// Findings grouped by the client address that caused them: who attacked,
// when, how and with what result. Shared by every findings renderer.
#pragma once

#include <string>
#include <vector>

#include "detect/finding.h"
#include "report/outcome_counts.h"

namespace shodo::report {

struct Attacker {
  std::string ip;
  uint64_t findings = 0;
  uint64_t events = 0;  // sum of the findings' counts
  detect::Level max_level = detect::Level::informational;
  // First and last event seen, each with the offset its source used.
  ingest::TimeUs first_time = ingest::kNoTime, last_time = ingest::kNoTime;
  int32_t first_offset_s = 0, last_offset_s = 0;
  std::vector<std::string> techniques;  // sorted, unique
  OutcomeCounts outcomes;
  // The first finding of each rule hit, in the order the rules were first hit.
  std::vector<const detect::Finding*> rules;
};

// One entry per client IP (findings without one are left out), most findings
// first, then the most severe, then by address.
std::vector<Attacker> group_by_attacker(const std::vector<detect::Finding>& findings);

}  // namespace shodo::report

// Findings grouped by the rule that produced them, most severe rules first:
// the body of the text (and later HTML) report.
#pragma once

#include <vector>

#include "detect/finding.h"
#include "report/outcome_counts.h"

namespace shodo::report {

struct RuleGroup {
  // The rule's first finding: id, title, level, techniques, source.
  const detect::Finding* rule = nullptr;
  std::vector<const detect::Finding*> findings;  // in input order
  uint64_t events = 0;                           // sum of the findings' counts
  OutcomeCounts outcomes;
};

// One group per rule (id and title), by level (critical first), then in the
// order the rules first appear in `findings`.
std::vector<RuleGroup> group_by_rule(const std::vector<detect::Finding>& findings);

}  // namespace shodo::report

// Sigma v2 correlation rules (event_count, value_count, temporal,
// temporal_ordered) over the matches of base rules, per group-by key, in
// sliding time windows. See docs/detectors.md for the exact semantics.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "detect/finding.h"
#include "detect/sigma/rule.h"
#include "ingest/event.h"

namespace shodo::detect {

namespace correlation {
class Correlator;
}

class CorrelationEngine {
 public:
  // base_rules: the loaded Sigma rules, indexed as the engine reports matches.
  // Correlations that cannot run (unknown rule, a correlation of
  // correlations) are left out and listed by problems().
  CorrelationEngine(const std::vector<sigma::Correlation>& correlations,
                    const std::vector<sigma::Rule>& base_rules);
  ~CorrelationEngine();
  CorrelationEngine(const CorrelationEngine&) = delete;
  CorrelationEngine& operator=(const CorrelationEngine&) = delete;

  // In input order; matched_rules: indices into base_rules that matched ev.
  void observe(const ingest::Event& ev, std::span<const uint32_t> matched_rules);
  // After the last event: appends one finding per firing window per group.
  void finish(std::vector<Finding>& out);
  // Whether the rule feeds some correlation.
  bool wants(uint32_t rule_index) const {
    return rule_index < wanted_by_.size() && !wanted_by_[rule_index].empty();
  }
  const std::vector<sigma::Problem>& problems() const { return problems_; }

 private:
  struct Use {
    uint32_t correlator;
    uint32_t position;  // in the correlation's `rules` list
  };
  std::vector<std::unique_ptr<correlation::Correlator>> correlators_;
  std::vector<std::vector<Use>> wanted_by_;  // per base rule
  std::vector<sigma::Problem> problems_;
};

}  // namespace shodo::detect

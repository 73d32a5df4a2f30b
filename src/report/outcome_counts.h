// How many findings ended in each outcome, listed most telling first.
#pragma once

#include <array>
#include <cstdint>

#include "detect/finding.h"

namespace shodo::report {

// Outcomes in the order reports list them: what worked first.
inline constexpr std::array<detect::Outcome, 6> kOutcomeOrder = {
    detect::Outcome::success, detect::Outcome::likely_success, detect::Outcome::attempted,
    detect::Outcome::failed,  detect::Outcome::blocked,        detect::Outcome::unknown,
};

// Position of an outcome in kOutcomeOrder: 0 is the most telling.
inline size_t outcome_rank(detect::Outcome o) {
  for (size_t i = 0; i < kOutcomeOrder.size(); ++i)
    if (kOutcomeOrder[i] == o) return i;
  return kOutcomeOrder.size();
}

struct OutcomeCounts {
  std::array<uint64_t, 6> by_rank{};  // indexed by outcome_rank()
  void add(detect::Outcome o) { ++by_rank[outcome_rank(o)]; }
  uint64_t operator[](detect::Outcome o) const { return by_rank[outcome_rank(o)]; }
};

}  // namespace shodo::report

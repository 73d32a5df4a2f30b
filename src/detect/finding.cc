#include "detect/finding.h"

namespace shodo::detect {

std::string_view level_name(Level l) {
  switch (l) {
    case Level::informational: return "informational";
    case Level::low: return "low";
    case Level::medium: return "medium";
    case Level::high: return "high";
    case Level::critical: return "critical";
  }
  return "medium";
}

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::unknown: return "unknown";
    case Outcome::blocked: return "blocked";
    case Outcome::failed: return "failed";
    case Outcome::attempted: return "attempted";
    case Outcome::likely_success: return "likely-success";
    case Outcome::success: return "success";
  }
  return "unknown";
}

}  // namespace shodo::detect

#include "detect/finding.h"

#include <cctype>

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

std::vector<std::string> attack_techniques(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const std::string& tag : tags) {
    if (tag.size() < 9 || tag.compare(0, 8, "attack.t") != 0 ||
        !std::isdigit(static_cast<unsigned char>(tag[8])))
      continue;
    std::string id = tag.substr(7);
    for (char& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out.push_back(std::move(id));
  }
  return out;
}

}  // namespace shodo::detect

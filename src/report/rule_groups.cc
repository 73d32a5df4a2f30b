#include "report/rule_groups.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace shodo::report {

std::vector<RuleGroup> group_by_rule(const std::vector<detect::Finding>& findings) {
  std::vector<RuleGroup> groups;
  std::map<std::pair<std::string_view, std::string_view>, size_t> index;
  for (const auto& f : findings) {
    auto [it, added] = index.try_emplace({f.rule_id, f.title}, groups.size());
    if (added) groups.emplace_back().rule = &f;
    RuleGroup& g = groups[it->second];
    g.findings.push_back(&f);
    g.events += f.count;
    g.outcomes.add(f.outcome);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const RuleGroup& a, const RuleGroup& b) {
    return a.rule->level > b.rule->level;
  });
  return groups;
}

}  // namespace shodo::report

#include "detect/correlation/correlation_engine.h"

#include <fmt/format.h>

#include <unordered_map>

#include "detect/correlation/correlator.h"

namespace shodo::detect {

namespace {

constexpr size_t kMaxRelated = 10;

// The field an alias reads for a rule, known by id or name; the alias name
// itself when the correlation gives none for the rule (or it is no alias).
std::string field_for(const sigma::Correlation& c, const std::string& group_field,
                      const sigma::RuleMeta& rule) {
  for (const auto& alias : c.aliases) {
    if (alias.name != group_field) continue;
    for (const auto& [rule_ref, field] : alias.per_rule) {
      if ((!rule.id.empty() && rule_ref == rule.id) ||
          (!rule.name.empty() && rule_ref == rule.name))
        return field;
    }
  }
  return group_field;
}

}  // namespace

CorrelationEngine::CorrelationEngine(const std::vector<sigma::Correlation>& correlations,
                                     const std::vector<sigma::Rule>& base_rules)
    : wanted_by_(base_rules.size()) {
  std::unordered_map<std::string, uint32_t> by_ref;  // id and name -> index
  for (uint32_t i = 0; i < base_rules.size(); ++i) {
    if (!base_rules[i].meta.id.empty()) by_ref.emplace(base_rules[i].meta.id, i);
    if (!base_rules[i].meta.name.empty()) by_ref.emplace(base_rules[i].meta.name, i);
  }
  for (const sigma::Correlation& c : correlations) {
    std::vector<uint32_t> indices;
    std::string missing;
    for (const std::string& ref : c.rules) {
      const auto it = by_ref.find(ref);
      if (it == by_ref.end()) {
        missing = ref;
        break;
      }
      indices.push_back(it->second);
    }
    if (!missing.empty() || c.rules.empty() || c.timespan_us <= 0) {
      sigma::Problem p;
      p.file = c.meta.file;
      p.line = c.meta.line;
      p.rule = c.meta.id.empty() ? c.meta.title : c.meta.id;
      p.kind = missing.empty() ? sigma::Problem::Kind::error : sigma::Problem::Kind::unsupported;
      p.reason = !missing.empty()
                     ? fmt::format(
                           "refers to '{}', which is not a loaded base rule (correlations "
                           "of correlations are not supported)",
                           missing)
                 : c.rules.empty() ? std::string("names no rules")
                                   : std::string("has no timespan");
      problems_.push_back(std::move(p));
      continue;
    }
    std::vector<std::vector<std::string>> fields(indices.size());
    for (size_t pos = 0; pos < indices.size(); ++pos) {
      for (const std::string& g : c.group_by)
        fields[pos].push_back(field_for(c, g, base_rules[indices[pos]].meta));
    }
    const auto id = static_cast<uint32_t>(correlators_.size());
    correlators_.push_back(
        std::make_unique<correlation::Correlator>(c, std::move(fields), kMaxRelated));
    for (uint32_t pos = 0; pos < indices.size(); ++pos)
      wanted_by_[indices[pos]].push_back({id, pos});
  }
}

CorrelationEngine::~CorrelationEngine() = default;

void CorrelationEngine::observe(const ingest::Event& ev, std::span<const uint32_t> matched_rules) {
  for (uint32_t rule : matched_rules) {
    if (rule >= wanted_by_.size()) continue;
    for (const Use& use : wanted_by_[rule]) correlators_[use.correlator]->observe(ev, use.position);
  }
}

void CorrelationEngine::finish(std::vector<Finding>& out) {
  for (auto& c : correlators_) c->finish(out);
}

}  // namespace shodo::detect

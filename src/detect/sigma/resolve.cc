// resolve_correlations(): checks what correlations refer to, and applies
// Sigma's `generate` rule.
//
// Sigma v2: the rules a correlation refers to are building blocks; only the
// correlation produces results "(default)", unless the correlation says
// `generate: true`, which keeps its rules producing findings of their own.
// `generate` is an attribute of the correlation, not of the base rule.
#include <map>
#include <set>

#include "detect/sigma/loader.h"

namespace shodo::detect::sigma {
namespace {

// What a reference (id or name) points at.
struct Target {
  int rule = -1;         // index into rules
  int correlation = -1;  // index into correlations
};

std::map<std::string, Target> index_by_reference(const LoadedRules& in) {
  std::map<std::string, Target> index;
  for (size_t i = 0; i < in.rules.size(); ++i)
    for (const std::string* key : {&in.rules[i].meta.id, &in.rules[i].meta.name})
      if (!key->empty()) index[*key].rule = static_cast<int>(i);
  for (size_t i = 0; i < in.correlations.size(); ++i)
    for (const std::string* key : {&in.correlations[i].meta.id, &in.correlations[i].meta.name})
      if (!key->empty()) index[*key].correlation = static_cast<int>(i);
  return index;
}

Problem problem_for(const Correlation& c, std::string reason) {
  return {c.meta.file, c.meta.line, c.meta.id.empty() ? c.meta.title : c.meta.id, std::move(reason),
          Problem::Kind::error};
}

// The first reference of correlation `c` that no loaded rule answers to.
std::optional<std::string> missing_reference(const Correlation& c,
                                             const std::map<std::string, Target>& index) {
  for (const std::string& ref : c.rules)
    if (!index.contains(ref)) return ref;
  for (const Correlation::Alias& a : c.aliases)
    for (const auto& [ref, field] : a.per_rule)
      if (!index.contains(ref)) return ref;
  return std::nullopt;
}

// Whether correlation `i` reaches itself through the correlations it names.
bool in_cycle(size_t i, const LoadedRules& in, const std::map<std::string, Target>& index) {
  std::vector<size_t> stack{i};
  std::set<size_t> seen;
  while (!stack.empty()) {
    const size_t c = stack.back();
    stack.pop_back();
    for (const std::string& ref : in.correlations[c].rules) {
      const auto it = index.find(ref);
      if (it == index.end() || it->second.correlation < 0) continue;
      const auto next = static_cast<size_t>(it->second.correlation);
      if (next == i) return true;
      if (seen.insert(next).second) stack.push_back(next);
    }
  }
  return false;
}

}  // namespace

void resolve_correlations(LoadedRules& in) {
  // Drop correlations with dangling references or cycles, until none is
  // left: dropping one may leave another dangling.
  for (bool dropped = true; dropped;) {
    const auto index = index_by_reference(in);
    std::vector<Correlation> kept;
    for (size_t i = 0; i < in.correlations.size(); ++i) {
      Correlation& c = in.correlations[i];
      if (auto ref = missing_reference(c, index))
        in.problems.push_back(
            problem_for(c, "the correlation refers to '" + *ref +
                               "', which is not the id or name of a loaded rule"));
      else if (in_cycle(i, in, index))
        in.problems.push_back(
            problem_for(c, "the correlation refers to itself through other correlations"));
      else
        kept.push_back(std::move(c));
    }
    dropped = kept.size() < in.correlations.size();
    in.correlations = std::move(kept);
  }

  const auto index = index_by_reference(in);
  std::vector<bool> referred(in.rules.size()), generated(in.rules.size());
  for (Correlation& c : in.correlations) {
    for (const std::string& ref : c.rules) {
      const Target t = index.at(ref);
      if (t.rule < 0) continue;
      referred[t.rule] = true;
      generated[t.rule] = generated[t.rule] || c.generate;
      if (c.examples.format.empty()) c.examples.format = in.rules[t.rule].examples.format;
    }
  }
  for (size_t i = 0; i < in.rules.size(); ++i) in.rules[i].generate = !referred[i] || generated[i];
}

}  // namespace shodo::detect::sigma

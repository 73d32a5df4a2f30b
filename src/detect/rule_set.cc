// Loading and compiling the rules of a run.
#include <cstdlib>

#include "detect/correlation/correlation_engine.h"
#include "detect/detect.h"
#include "detect/engine/matcher.h"
#include "detect/sigma/loader.h"

namespace shodo::detect {

std::string shipped_rules_dir() {
  if (const char* env = std::getenv("SHODO_RULES_DIR"); env && *env) return env;
  return SHODO_RULES_DIR;
}

std::string rule_key(const sigma::RuleMeta& meta) {
  if (!meta.id.empty()) return meta.id;
  if (!meta.name.empty()) return meta.name;
  return meta.title;
}

struct RuleSet::Impl {
  sigma::LoadedRules loaded;
  std::unique_ptr<engine::Matcher> matcher;
};

RuleSet::RuleSet(const RuleSetOptions& options) : impl_(std::make_unique<Impl>()) {
  sigma::LoadedRules& loaded = impl_->loaded;
  std::vector<std::string> sources = options.dirs;
  if (options.shipped) sources.insert(sources.begin(), shipped_rules_dir());
  sigma::load_rule_sources(sources, loaded);
  sigma::resolve_correlations(loaded);
  impl_->matcher = std::make_unique<engine::Matcher>(loaded.rules);
  const CorrelationEngine correlations(loaded.correlations, loaded.rules);
  loaded.problems.insert(loaded.problems.end(), correlations.problems().begin(),
                         correlations.problems().end());
  for (const engine::EngineNote& n : impl_->matcher->notes()) {
    if (!n.unsupported) continue;
    const sigma::RuleMeta& m = loaded.rules[n.rule].meta;
    loaded.problems.push_back(
        {m.file, m.line, rule_key(m), n.text, sigma::Problem::Kind::unsupported});
  }
}

RuleSet::~RuleSet() = default;

const std::vector<sigma::Rule>& RuleSet::rules() const {
  return impl_->loaded.rules;
}
const std::vector<sigma::Correlation>& RuleSet::correlations() const {
  return impl_->loaded.correlations;
}
const std::vector<sigma::Problem>& RuleSet::problems() const {
  return impl_->loaded.problems;
}
const std::vector<engine::EngineNote>& RuleSet::notes() const {
  return impl_->matcher->notes();
}
size_t RuleSet::files() const {
  return impl_->loaded.files;
}
size_t RuleSet::running_rules() const {
  return impl_->matcher->running_rules();
}
const engine::Matcher& RuleSet::matcher() const {
  return *impl_->matcher;
}

}  // namespace shodo::detect

// Public API of the detect component: load Sigma rules (shipped and the
// user's), compile them, and hunt an event stream for findings with the
// rules, their correlations and the built-in stateful detectors.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "detect/finding.h"
#include "detect/sigma/rule.h"
#include "ingest/ingest.h"

namespace shodo::detect {

namespace engine {
class Matcher;
struct EngineNote;
}  // namespace engine

struct RuleSetOptions {
  std::vector<std::string> dirs;  // user rule folders or files (--rules)
  bool shipped = true;            // load the rules shipped with shodo
};

// The shipped rules: $SHODO_RULES_DIR when set, else the rules/ folder of
// the source tree shodo was built from.
std::string shipped_rules_dir();

// The id a finding of this rule carries: its id, else its name, else title.
std::string rule_key(const sigma::RuleMeta& meta);

// Every rule loaded and compiled once, shared by all threads of a hunt.
class RuleSet {
 public:
  explicit RuleSet(const RuleSetOptions& options);
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  const std::vector<sigma::Rule>& rules() const;
  const std::vector<sigma::Correlation>& correlations() const;
  // Rules and files that do not run, with the reason (`shodo rules lint`).
  const std::vector<sigma::Problem>& problems() const;
  // How the rules that do run are run (regex fallbacks, rules evaluated on
  // every event): rule index and text.
  const std::vector<engine::EngineNote>& notes() const;
  size_t files() const;
  size_t running_rules() const;
  const engine::Matcher& matcher() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct HuntOptions {
  unsigned threads = 1;   // the ingest threads (-j)
  bool detectors = true;  // the built-in stateful detectors (docs/detectors.md)
  // Client addresses (and accounts) each detector keeps state for; new ones
  // past it are not followed, and limits() says so.
  size_t max_clients = 1'000'000;
  // Report every rule match, also of rules that only feed correlations
  // (`generate: false`); used by `shodo rules test`.
  bool all_matches = false;
};

// An event consumer: plug it into ingest::ingest(), then call finish().
// Findings do not depend on the number of threads.
class Hunt final : public ingest::EventConsumer {
 public:
  Hunt(const RuleSet& rules, const HuntOptions& options);
  ~Hunt() override;

  void process_parsed(const ingest::Batch& batch, size_t from, size_t to, unsigned worker) override;
  void process(const ingest::Batch& batch, unsigned worker) override;
  void ordered(const ingest::Batch& batch) override;

  // Every finding, sorted by time, then file, line and rule.
  std::vector<Finding> finish();
  // After finish(): the limits reached (a sentence each), for the report.
  std::vector<std::string> limits() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// `shodo rules test`: runs every example carried by the rules.
struct ExampleFailure {
  std::string rule;  // rule_key
  std::string file;
  int line = 0;
  bool expected_match = true;
  std::string example;  // the example's text
  std::string reason;   // e.g. "no finding", "matched", "line not parsed as combined"
};
struct ExampleReport {
  size_t rules_with_examples = 0, rules_without_examples = 0;
  size_t examples = 0;
  std::vector<ExampleFailure> failures;
  std::vector<std::string> untested;  // rule keys without examples
  // Malformed rules and files (lint's errors): their examples could not run.
  std::vector<sigma::Problem> not_loaded;
};
ExampleReport test_examples(const RuleSet& rules);

}  // namespace shodo::detect

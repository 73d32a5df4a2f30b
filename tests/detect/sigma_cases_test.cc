// Runs the engine cases in tests/data/detect/sigma/ (one feature per file,
// see its README) and the examples of every shipped rule.
#include <gtest/gtest.h>

#include "detect/detect.h"

namespace shodo::detect {
namespace {

void expect_examples_pass(const RuleSet& rules) {
  for (const sigma::Problem& p : rules.problems())
    ADD_FAILURE() << p.file << ":" << p.line << ": " << p.rule << ": " << p.reason;
  const ExampleReport report = test_examples(rules);
  EXPECT_GT(report.examples, 0u);
  for (const ExampleFailure& f : report.failures)
    ADD_FAILURE() << f.file << ":" << f.line << ": " << f.rule << ": expected "
                  << (f.expected_match ? "a match" : "no match") << ", got " << f.reason << "\n  "
                  << f.example;
}

TEST(SigmaCases, EveryCaseHolds) {
  RuleSetOptions o;
  o.shipped = false;
  o.dirs = {SHODO_TEST_DATA "/detect/sigma"};
  const RuleSet rules(o);
  EXPECT_GE(rules.rules().size(), 20u);
  EXPECT_GE(rules.correlations().size(), 3u);
  expect_examples_pass(rules);
}

TEST(ShippedRules, EveryExampleHoldsAndEveryRuleRuns) {
  const RuleSet rules(RuleSetOptions{});
  EXPECT_GE(rules.running_rules(), 40u);
  EXPECT_EQ(rules.running_rules(), rules.rules().size());
  expect_examples_pass(rules);
  // Every rule that reports findings carries examples of its own.
  const ExampleReport report = test_examples(rules);
  for (const std::string& key : report.untested) {
    const auto& all = rules.rules();
    const bool feeds_correlation = std::any_of(all.begin(), all.end(), [&](const sigma::Rule& r) {
      return rule_key(r.meta) == key && !r.generate;
    });
    EXPECT_TRUE(feeds_correlation) << key << " has no examples";
  }
}

}  // namespace
}  // namespace shodo::detect

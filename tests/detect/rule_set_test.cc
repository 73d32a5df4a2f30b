// What `shodo rules lint` learns from the rule set: rules that do not run and
// how the others run.
#include <gtest/gtest.h>

#include "detect/detect.h"
#include "detect/engine/matcher.h"
#include "support/temp_dir.h"

namespace shodo::detect {
namespace {

std::string notes_text(const RuleSet& rules) {
  std::string out;
  for (const auto& n : rules.notes()) out += n.text + "\n";
  for (const auto& p : rules.problems()) out += p.reason + "\n";
  return out;
}

TEST(RuleSetLint, SaysHowEachRuleRunsAndWhichDoNot) {
  testing::TempDir dir;
  dir.write("backref.yml", R"(title: back-reference
logsource: {category: webserver}
detection:
  sel: {cs-uri-query|re: '(a)\1'}
  condition: sel
)");
  dir.write("only_not.yml", R"(title: only not
logsource: {category: webserver}
detection:
  sel: {cs-method: GET}
  condition: not sel
)");
  dir.write("windows.yml", R"(title: windows
logsource: {product: windows, category: process_creation}
detection:
  sel: {Image|endswith: '\cmd.exe'}
  condition: sel
)");
  dir.write("broken.yml", "title: [unclosed\n");
  RuleSetOptions o;
  o.shipped = false;
  o.dirs = {dir.path().string()};
  const RuleSet rules(o);
  const std::string text = notes_text(rules);
  EXPECT_NE(text.find("std::regex, not Hyperscan"), std::string::npos) << text;
  EXPECT_NE(text.find("evaluated on every event"), std::string::npos) << text;
  size_t other = 0, errors = 0;
  for (const auto& p : rules.problems()) {
    other += p.kind == sigma::Problem::Kind::other_source;
    errors += p.kind == sigma::Problem::Kind::error;
  }
  EXPECT_EQ(other, 1u) << text;
  EXPECT_EQ(errors, 1u) << text;
  EXPECT_EQ(rules.running_rules(), 2u);
}

TEST(RuleSetLint, ShippedRulesAllRunOnHyperscan) {
  const RuleSet rules(RuleSetOptions{});
  EXPECT_TRUE(rules.problems().empty());
  for (const auto& n : rules.notes())
    ADD_FAILURE() << rule_key(rules.rules()[n.rule].meta) << ": " << n.text;
}

}  // namespace
}  // namespace shodo::detect

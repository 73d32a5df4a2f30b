#include "detect/sigma/rule_cache.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <random>
#include <string>

#include "support/temp_dir.h"

namespace shodo::detect::sigma {
namespace {

const std::string kShippedRules = std::string(SHODO_TEST_DATA) + "/../../rules/sigma";

// Every field of every rule, correlation and problem, as the loader gave it.
void expect_same(const LoadedRules& a, const LoadedRules& b) {
  EXPECT_EQ(a.files, b.files);
  EXPECT_TRUE(a.rules == b.rules);
  EXPECT_TRUE(a.correlations == b.correlations);
  EXPECT_TRUE(a.problems == b.problems);
}

// The cache of a test is its own folder.
class RuleCache : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SHODO_CACHE_DIR", cache_.path().c_str(), 1); }
  void TearDown() override { unsetenv("SHODO_CACHE_DIR"); }
  shodo::testing::TempDir cache_;
};

TEST_F(RuleCache, TheShippedRulesComeBackAsTheyWere) {
  LoadedRules shipped;
  load_rule_dir(kShippedRules, shipped);
  ASSERT_GT(shipped.rules.size(), 50u);
  ASSERT_FALSE(shipped.correlations.empty());
  // A problem of each kind too.
  load_rule_text("title: [broken", "broken.yml", shipped);
  load_rule_text("title: t\nlogsource: {product: windows}\ndetection: {s: {a: b}, condition: s}\n",
                 "windows.yml", shipped);
  ASSERT_GE(shipped.problems.size(), 2u);
  LoadedRules back;
  ASSERT_TRUE(deserialize_rules(serialize_rules(shipped), back));
  expect_same(shipped, back);
}

TEST_F(RuleCache, ARunReadsWhatTheRunBeforeParsed) {
  LoadedRules first, second, uncached;
  load_rule_dir(kShippedRules, first);  // parses, and stores
  load_rule_dir(kShippedRules, second);
  setenv("SHODO_CACHE_DIR", "off", 1);
  load_rule_dir(kShippedRules, uncached);
  expect_same(first, uncached);
  expect_same(second, uncached);
}

TEST_F(RuleCache, AnEntryServesOnlyTheTextItWasParsedFrom) {
  shodo::testing::TempDir dir;
  const std::string text =
      "title: Real\nlogsource: {category: webserver}\n"
      "detection: {s: {cs-uri-query|contains: x}, condition: s}\n";
  const std::string path = dir.write("r.yml", text);
  // What is stored for the file's text is what a load gives...
  LoadedRules planted;
  load_rule_text(std::string(text).replace(text.find("Real"), 4, "Planted"), path, planted);
  ASSERT_EQ(planted.rules.size(), 1u);
  store_cached_rules(path, text, planted);
  LoadedRules loaded;
  load_rule_file(path, loaded);
  ASSERT_EQ(loaded.rules.size(), 1u);
  EXPECT_EQ(loaded.rules[0].meta.title, "Planted");
  // ...and nothing once the file says something else, nor for another path.
  dir.write("r.yml", text + "level: high\n");
  LoadedRules edited;
  load_rule_file(path, edited);
  ASSERT_EQ(edited.rules.size(), 1u);
  EXPECT_EQ(edited.rules[0].meta.title, "Real");
  LoadedRules other;
  EXPECT_FALSE(load_cached_rules(path + ".copy", text, other));
}

TEST_F(RuleCache, ADamagedEntryIsNoRules) {
  LoadedRules shipped;
  load_rule_dir(kShippedRules, shipped);
  const std::string bytes = serialize_rules(shipped);
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 4) {
    LoadedRules out;
    EXPECT_FALSE(deserialize_rules(std::string_view(bytes).substr(0, cut), out)) << cut;
    EXPECT_TRUE(out.rules.empty() && out.problems.empty() && out.files == 0);
  }
  std::mt19937_64 rng(20261127);
  for (int round = 0; round < 300; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 4; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng());
    LoadedRules out;
    deserialize_rules(damaged, out);  // whatever it says, it does not crash or hang
  }
}

}  // namespace
}  // namespace shodo::detect::sigma

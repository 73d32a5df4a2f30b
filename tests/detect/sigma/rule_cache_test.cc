#include "detect/sigma/rule_cache.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <optional>
#include <random>
#include <string>

#include "detect/engine/matcher.h"
#include "support/temp_dir.h"

namespace shodo::detect::sigma {
namespace {

const std::string kShippedRules = std::string(SHODO_TEST_DATA) + "/../../rules/sigma";

// A rule whose atoms use every kind and flag the model has (the shipped rules
// leave some at their defaults).
constexpr std::string_view kEveryAtom = R"(title: Every atom
id: 00000000-0000-4000-8000-00000000cafe
name: every_atom
description: d
author: a
date: 2026-11-27
modified: 2026-11-28
references: [r]
falsepositives: [f]
fields: [c-ip]
tags: [attack.t1190]
level: low
shodo: {title_ja: すべて}
logsource: {category: webserver}
detection:
  net: {c-ip|cidr: ['10.0.0.0/8', '2001:db8::/32']}
  num: {sc-status|gte: 500}
  ref: {cs-referer|fieldref: cs-uri-query}
  has: {cs-cookie|exists: true}
  nul: {cs-host: null}
  pat: {cs-uri-query|re|m|s: '^a.b$', c-useragent|cased|contains: 'Tool', cs-method: GET}
  enc: {cs-uri-query|base64offset|contains: 'id=', cs-referer|wide|startswith: 'x'}
  condition: (net or num or ref) and not (has and nul) or 1 of pat* or all of enc
examples:
  format: combined
  match: ['10.1.2.3 - - [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 500 1 "-" "-"']
  no_match: ['192.0.2.1 - - [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 200 1 "-" "-"']
)";

// Every field of every rule, correlation and problem, as the loader gave it.
void expect_same(const LoadedRules& a, const LoadedRules& b) {
  EXPECT_EQ(a.files, b.files);
  EXPECT_TRUE(a.rules == b.rules);
  EXPECT_TRUE(a.correlations == b.correlations);
  EXPECT_TRUE(a.problems == b.problems);
}

// The cache of a test is its own folder; the one before comes back after.
class RuleCache : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* was = getenv("SHODO_CACHE_DIR")) before_ = was;
    setenv("SHODO_CACHE_DIR", cache_.path().c_str(), 1);
  }
  void TearDown() override {
    if (before_)
      setenv("SHODO_CACHE_DIR", before_->c_str(), 1);
    else
      unsetenv("SHODO_CACHE_DIR");
  }
  shodo::testing::TempDir cache_;
  std::optional<std::string> before_;
};

TEST_F(RuleCache, TheShippedRulesComeBackAsTheyWere) {
  LoadedRules shipped;
  load_rule_dir(kShippedRules, shipped);
  ASSERT_GT(shipped.rules.size(), 50u);
  ASSERT_FALSE(shipped.correlations.empty());
  load_rule_text(kEveryAtom, "every.yml", shipped);
  ASSERT_EQ(shipped.rules.back().meta.title, "Every atom");
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
  RuleCacheEntry(path, text).store(planted);
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
  EXPECT_FALSE(RuleCacheEntry(path + ".copy", text).load(other));
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
}

// What the engine relies on and the loader checks is checked again.
TEST_F(RuleCache, AnEntryTheLoaderWouldNotMakeIsRefused) {
  LoadedRules every;
  load_rule_text(kEveryAtom, "every.yml", every);
  ASSERT_EQ(every.rules.size(), 1u);
  LoadedRules back;
  ASSERT_TRUE(deserialize_rules(serialize_rules(every), back));
  auto refused = [&](auto change) {
    LoadedRules bad = every;
    change(bad.rules[0]);
    LoadedRules out;
    return !deserialize_rules(serialize_rules(bad), out) && out.rules.empty();
  };
  EXPECT_TRUE(refused([](Rule& r) {
    for (auto& alt : r.selections[0].alternatives)
      for (FieldMatch& fm : alt) fm.atoms[0].prefix_len = 129;
  }));
  EXPECT_TRUE(refused([](Rule& r) { r.condition = {Condition::Op::selection, 99, {}}; }));
  EXPECT_TRUE(refused([](Rule& r) { r.condition = {Condition::Op::not_, -1, {}}; }));
  EXPECT_TRUE(refused([](Rule& r) { r.meta.level = static_cast<Level>(9); }));
}

// Damage anywhere in an entry, once read back (when it is), gives rules the
// engine compiles and runs without a fault (the sanitizer build checks).
TEST_F(RuleCache, DamagedRulesThatReadBackStillCompileAndRun) {
  LoadedRules every;
  load_rule_text(kEveryAtom, "every.yml", every);
  const std::string bytes = serialize_rules(every);
  ingest::Event ev;
  ev.kind = ingest::LogKind::web_access;
  ev.client_ip = "10.1.2.3";
  ev.status = 500;
  ev.query = ev.request_target = "a\nb=aWQ9";
  ev.raw = "10.1.2.3 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 500 1";
  std::mt19937_64 rng(20261127);
  int read_back = 0;
  for (int round = 0; round < 300; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 2; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng());
    LoadedRules out;
    if (!deserialize_rules(damaged, out)) continue;
    ++read_back;
    const engine::Matcher matcher(out.rules);
    const auto scratch = matcher.make_scratch();
    std::vector<uint32_t> matched;
    matcher.match(ev, *scratch, matched);
    for (uint32_t r : matched) matcher.explain(ev, r, *scratch);
  }
  EXPECT_GT(read_back, 10);  // damage inside strings and numbers reads back
}

}  // namespace
}  // namespace shodo::detect::sigma

// The loader's file handling, metadata, examples and hostile input.
#include "detect/sigma/loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>

#include "support/temp_dir.h"

namespace shodo::detect::sigma {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kWebRule = R"(title: Web rule
id: cccccccc-0000-4000-8000-000000000001
logsource: {category: webserver}
detection: {sel: {cs-uri-stem|contains: /.env}, condition: sel}
)";

std::string problems_text(const LoadedRules& r) {
  std::string out;
  for (const Problem& p : r.problems)
    out += p.file + ":" + std::to_string(p.line) + ": " + p.reason + "\n";
  return out;
}

TEST(SigmaLoader, ReadsMetadataAndExamples) {
  LoadedRules r;
  load_rule_text(R"(title: Sudo shell
id: 0b4c4b6e-0000-4000-8000-000000000001
name: sudo_shell
description: Root shell through sudo.
status: test
author: a, b
date: 2024-03-01
modified: 2024-03-02
tags: [attack.t1548.003, attack.privilege-escalation]
references: https://example.com/one
falsepositives: [Admins]
fields: [user.name]
level: critical
shodo: {title_ja: sudoでシェル}
logsource: {product: linux, service: sudo}
detection: {sel: {process.command_line: /bin/bash}, condition: sel}
examples:
    tz: Asia/Tokyo
    match: ['a', 'b']
    no_match: 'c'
)",
                 "rules/sudo.yml", r);
  ASSERT_EQ(r.rules.size(), 1u) << problems_text(r);
  const RuleMeta& m = r.rules[0].meta;
  EXPECT_EQ(m.id, "0b4c4b6e-0000-4000-8000-000000000001");
  EXPECT_EQ(m.name, "sudo_shell");
  EXPECT_EQ(m.title_ja, "sudoでシェル");
  EXPECT_EQ(m.status, "test");
  EXPECT_EQ(m.author, "a, b");
  EXPECT_EQ(m.date, "2024-03-01");
  EXPECT_EQ(m.modified, "2024-03-02");
  EXPECT_EQ(m.level, Level::critical);
  EXPECT_EQ(m.tags, (std::vector<std::string>{"attack.t1548.003", "attack.privilege-escalation"}));
  EXPECT_EQ(m.references, std::vector<std::string>{"https://example.com/one"});
  EXPECT_EQ(m.falsepositives, std::vector<std::string>{"Admins"});
  EXPECT_EQ(m.fields, std::vector<std::string>{"user.name"});
  EXPECT_EQ(m.file, "rules/sudo.yml");
  EXPECT_EQ(m.line, 1);
  EXPECT_EQ(r.rules[0].logsource.service, "sudo");
  const Examples& ex = r.rules[0].examples;
  EXPECT_EQ(ex.format, "syslog");
  EXPECT_EQ(ex.tz, "Asia/Tokyo");
  EXPECT_EQ(ex.match, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ex.no_match, std::vector<std::string>{"c"});
  EXPECT_TRUE(r.rules[0].generate);
  EXPECT_EQ(r.files, 1u);
}

TEST(SigmaLoader, ExampleFormatDefaultsBySource) {
  const struct {
    const char* logsource;
    const char* format;
  } cases[] = {
      {"{category: webserver}", "combined"},
      {"{category: proxy}", "combined"},
      {"{product: nginx, service: error}", "nginx_error"},
      {"{category: webserver_error}", "apache_error"},
      {"{product: linux, service: sshd}", "syslog"},
      {"{service: mail}", "syslog"},
      {"{product: linux, category: shell_history}", "bash_history"},
  };
  for (const auto& c : cases) {
    LoadedRules r;
    load_rule_text(std::string("title: t\nlogsource: ") + c.logsource +
                       "\ndetection: {sel: {a: x}, condition: sel}\n",
                   "f.yml", r);
    ASSERT_EQ(r.rules.size(), 1u) << c.logsource << problems_text(r);
    EXPECT_EQ(r.rules[0].examples.format, c.format) << c.logsource;
    EXPECT_EQ(r.rules[0].examples.tz, "UTC");
  }
}

TEST(SigmaLoader, CorrelationTakesItsRulesExampleFormatAndMultiLineExamples) {
  LoadedRules r;
  load_rule_text(R"(title: Failed
name: failed
logsource: {product: linux, service: sshd}
detection: {sel: {event.outcome: failure}, condition: sel}
---
title: Many failures
correlation: {type: event_count, rules: failed, group-by: source.ip, timespan: 1m, condition: {gte: 2}}
examples:
    match:
        - |
          line one
          line two
)",
                 "c.yml", r);
  resolve_correlations(r);
  ASSERT_EQ(r.correlations.size(), 1u) << problems_text(r);
  EXPECT_EQ(r.correlations[0].examples.format, "syslog");
  EXPECT_EQ(r.correlations[0].examples.match, std::vector<std::string>{"line one\nline two\n"});
  EXPECT_EQ(r.correlations[0].meta.line, 6);
}

TEST(SigmaLoader, OneBrokenDocumentDoesNotHideTheOthers) {
  LoadedRules r;
  load_rule_text(std::string(kWebRule) + "---\ntitle: [broken\n---\n" + std::string(kWebRule),
                 "multi.yml", r);
  EXPECT_EQ(r.rules.size(), 2u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 7);
  EXPECT_EQ(r.rules[1].meta.line, 8);
}

TEST(SigmaLoader, ReadsFolderRecursivelyInPathOrder) {
  shodo::testing::TempDir dir;
  std::string other(kWebRule);
  other.replace(other.find("0001"), 4, "0002");
  dir.write("b/second.yaml", other);
  dir.write("a/deeper/first.yml", kWebRule);
  dir.write("c.yml",
            "title: Correlation\ncorrelation: {type: temporal, rules: "
            "[cccccccc-0000-4000-8000-000000000001], timespan: 1m}\n");
  dir.write("notes.txt", "not a rule");
  dir.write(".github/workflows/ci.yml", "on: push\n");
  dir.write("bad.yml", "title: x\n\x01\x02\xff: [\n");
  fs::create_symlink(dir.path() / "b", dir.path() / "link");
  LoadedRules r;
  load_rule_dir(dir.path().string(), r);
  resolve_correlations(r);
  EXPECT_EQ(r.files, 4u);
  ASSERT_EQ(r.rules.size(), 2u);
  EXPECT_EQ(r.rules[0].meta.file, (dir.path() / "a/deeper/first.yml").string());
  EXPECT_EQ(r.rules[1].meta.file, (dir.path() / "b/second.yaml").string());
  EXPECT_FALSE(r.rules[0].generate);  // referred to by the correlation in c.yml
  ASSERT_EQ(r.correlations.size(), 1u);
  ASSERT_EQ(r.problems.size(), 2u) << problems_text(r);
  const std::string text = problems_text(r);
  EXPECT_NE(text.find("link:0: symbolic link not followed"), std::string::npos) << text;
  EXPECT_NE(text.find("bad.yml:3: YAML error"), std::string::npos) << text;
}

// A large collection is loaded on several threads: still in path order,
// with every file's problems in that order too.
TEST(SigmaLoader, ALargeFolderLoadsInPathOrder) {
  shodo::testing::TempDir dir;
  const int kFiles = 200;
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "r%03d.yml", i);
    std::string rule(kWebRule);
    char id[8];
    std::snprintf(id, sizeof id, "%04d", i + 10);
    rule.replace(rule.find("0001"), 4, id);
    dir.write(name, i % 10 == 3 ? std::string("title: x\n\x01: [\n") : rule);
  }
  LoadedRules r;
  load_rule_dir(dir.path().string(), r);
  EXPECT_EQ(r.files, static_cast<size_t>(kFiles));
  ASSERT_EQ(r.rules.size(), 180u);
  ASSERT_EQ(r.problems.size(), 20u);
  for (size_t i = 1; i < r.rules.size(); ++i)
    EXPECT_LT(r.rules[i - 1].meta.file, r.rules[i].meta.file);
  for (size_t i = 0; i < r.problems.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/r%02zu3.yml", i);
    EXPECT_TRUE(r.problems[i].file.ends_with(name)) << r.problems[i].file;
  }
}

// The sources of a run (shipped folder, --rules folders and files) load
// together, yet in the order given, each folder's files in path order.
TEST(SigmaLoader, SourcesLoadTogetherInTheOrderGiven) {
  shodo::testing::TempDir dir;
  auto rule = [](int n) {
    std::string r(kWebRule);
    char id[8];
    std::snprintf(id, sizeof id, "%04d", n);
    r.replace(r.find("0001"), 4, id);
    return r;
  };
  for (int i = 0; i < 40; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "second/r%02d.yml", i);
    dir.write(name, rule(100 + i));
  }
  dir.write("first/b.yml", rule(2));
  dir.write("first/a.yml", rule(1));
  const std::string single = dir.write("single.yml", rule(200));
  LoadedRules r;
  load_rule_sources({(dir.path() / "first").string(), (dir.path() / "missing").string(),
                     (dir.path() / "second").string(), single},
                    r);
  EXPECT_EQ(r.files, 43u);
  ASSERT_EQ(r.rules.size(), 43u);
  std::vector<std::string> ids;
  for (const Rule& x : r.rules) ids.push_back(x.meta.id.substr(x.meta.id.size() - 4));
  EXPECT_EQ(ids[0], "0001");
  EXPECT_EQ(ids[1], "0002");
  for (int i = 0; i < 40; ++i) EXPECT_EQ(ids[2 + i], std::to_string(100 + i).insert(0, "0"));
  EXPECT_EQ(ids[42], "0200");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(r.problems[0].file.ends_with("/missing"));
  EXPECT_EQ(r.problems[0].reason, "no such file or folder");
}

TEST(SigmaLoader, MissingAndUnreadableFilesAreProblems) {
  shodo::testing::TempDir dir;
  LoadedRules r;
  load_rule_file((dir.path() / "none.yml").string(), r);
  load_rule_dir((dir.path() / "nothing").string(), r);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].reason, "no such file");
  EXPECT_EQ(r.problems[1].reason, "no such file or folder");
  if (geteuid() != 0) {  // root reads anything
    const std::string locked = dir.write("locked.yml", kWebRule);
    fs::permissions(locked, fs::perms::none);
    load_rule_dir(dir.path().string(), r);
    EXPECT_EQ(r.problems.back().reason, "cannot open the file");
  }
}

// Hostile input: every case must end as Problems, quickly, without a crash.
void expect_refused(const std::string& yaml, std::string_view reason_part) {
  LoadedRules r;
  load_rule_text(yaml, "hostile.yml", r);
  EXPECT_TRUE(r.rules.empty());
  ASSERT_FALSE(r.problems.empty());
  EXPECT_NE(r.problems[0].reason.find(reason_part), std::string::npos) << r.problems[0].reason;
}

TEST(SigmaLoaderHostile, DeepNesting) {
  expect_refused("title: x\ndetection: " + std::string(100000, '[') + "\n", "YAML error");
  std::string blocks = "title: x\ndetection:\n";
  for (int i = 0; i < 5000; ++i) blocks += std::string(i + 1, ' ') + "- \n";
  expect_refused(blocks, "");
  expect_refused(
      "title: x\nlogsource: {category: webserver}\ndetection: {sel: {a: x}, condition: '" +
          std::string(10000, '(') + "sel" + std::string(10000, ')') + "'}\n",
      "nested too deeply");
}

TEST(SigmaLoaderHostile, AliasBomb) {
  std::string yaml =
      "title: x\nlogsource: {category: webserver}\nv0: &v0 [aaaaaaaaaaaaaaaaaaaaaaaa]\n";
  for (int i = 1; i < 30; ++i)
    yaml += "v" + std::to_string(i) + ": &v" + std::to_string(i) + " [*v" + std::to_string(i - 1) +
            ", *v" + std::to_string(i - 1) + "]\n";
  // Lists of lists are not values; a flat list repeated through aliases is.
  yaml += "flat: &flat [" + std::string("a, ", 3);
  for (int i = 0; i < 500; ++i) yaml += "a, ";
  yaml += "a]\ndetection:\n  sel:\n";
  for (int i = 0; i < 60; ++i) yaml += "    f" + std::to_string(i) + ": *flat\n";
  yaml += "  condition: sel\ntags: *v29\n";
  expect_refused(yaml, "");
  std::string many = "title: x\nlogsource: {category: webserver}\nbig: &big ['" +
                     std::string(100000, 'x') + "']\nreferences: [";
  for (int i = 0; i < 1000; ++i) many += "*big, ";
  expect_refused(many + "*big]\ndetection: {sel: {a: x}, condition: sel}\n", "");
}

TEST(SigmaLoaderHostile, HugeFile) {
  expect_refused("title: x\n" + std::string(kMaxRuleFileBytes, '#'), "larger than 8 MiB");
}

TEST(SigmaLoaderHostile, BinaryJunk) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string junk(1 + rng() % 2000, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    if (round % 2) junk = std::string(kWebRule).substr(0, rng() % kWebRule.size()) + junk;
    LoadedRules r;
    load_rule_text(junk, "junk.yml", r);  // must not crash or throw
  }
}

}  // namespace
}  // namespace shodo::detect::sigma

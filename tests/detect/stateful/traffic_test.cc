// The detectors on a generated shop: nothing on clean traffic, every
// injected attack found, from the attacker's address.
#include <gtest/gtest.h>
#include <time.h>

#include <cstdio>
#include <map>

#include "detect/stateful/run_detectors.h"

namespace shodo::testing {
namespace {

using detect::Finding;
constexpr ingest::TimeUs kHour = 3600LL * 1'000'000;

std::string describe(const Finding& f) {
  return f.rule_id + " " + f.client_ip + " " + f.user + ": " + f.detail;
}

TEST(StatefulTraffic, CleanShopGivesNoFindings) {
  for (uint64_t seed : {1, 2, 3}) {
    WebTraffic shop({.seed = seed});
    const auto& records = shop.records();
    ASSERT_GT(records.size(), 50000u);
    const std::vector<Finding> found = run_detectors(records);
    for (const Finding& f : found) ADD_FAILURE() << "seed " << seed << ": " << describe(f);
  }
}

struct Injected {
  Attack attack;
  const char* ip;
  ingest::TimeUs hours_in;
  std::vector<std::string> rules;  // each must be found with the attacker's address
};

TEST(StatefulTraffic, InjectedAttacksAreFound) {
  const std::vector<Injected> attacks = {
      {Attack::web_brute_force, "198.51.100.11", 26, {"shodo.web-brute-force"}},
      {Attack::web_login_success, "198.51.100.12", 28, {"shodo.web-login-after-failures"}},
      {Attack::ssh_brute_force, "198.51.100.13", 30, {"shodo.ssh-brute-force"}},
      {Attack::ssh_login_success, "198.51.100.14", 31, {"shodo.ssh-login-after-failures"}},
      {Attack::scan, "198.51.100.15", 33, {"shodo.scanning"}},
      {Attack::flood, "198.51.100.16", 35, {"shodo.flood", "shodo.flood-client"}},
      {Attack::oversized_response, "198.51.100.17", 37, {"shodo.oversized-response"}},
      {Attack::dump_download, "198.51.100.18", 38, {"shodo.dump-download"}},
      {Attack::large_transfer, "198.51.100.19", 40, {"shodo.large-transfer"}},
      {Attack::webshell, "198.51.100.20", 41, {"shodo.webshell-use"}},
  };
  for (uint64_t seed : {1, 2}) {
    WebTraffic shop({.seed = seed});
    for (const Injected& a : attacks)
      shop.inject(a.attack, shop.start() + a.hours_in * kHour, a.ip);
    const auto& records = shop.records();
    const std::vector<Finding> found = run_detectors(records);
    std::multimap<std::string, std::string> by_rule;  // rule -> ip
    for (const Finding& f : found) {
      by_rule.emplace(f.rule_id, f.client_ip);
      // Every finding must cite injected records (account-wide findings
      // have no address to compare; their runs may start with background
      // noise).
      bool cites_attack = !records[f.cite.line - 1].attack.empty();
      for (const detect::Citation& c : f.related)
        cites_attack |= !records[c.line - 1].attack.empty();
      EXPECT_TRUE(cites_attack) << "seed " << seed << " false positive: " << describe(f);
      EXPECT_FALSE(f.detail.empty());
      EXPECT_FALSE(f.detail_ja.empty());
      EXPECT_GT(f.cite.line, 0u) << describe(f);
    }
    for (const Injected& a : attacks) {
      for (const std::string& rule : a.rules) {
        bool seen = false;
        for (auto [it, end] = by_rule.equal_range(rule); it != end; ++it)
          seen |= it->second == a.ip;
        EXPECT_TRUE(seen) << "seed " << seed << ": " << attack_name(a.attack) << " not found as "
                          << rule;
      }
    }
  }
}

TEST(StatefulTraffic, CitationsPointAtTheAttack) {
  WebTraffic shop({.seed = 4});
  shop.inject(Attack::web_login_success, shop.start() + 30 * kHour, "198.51.100.12");
  const auto& records = shop.records();
  const std::vector<Finding> found = run_detectors(records);
  int successes = 0;
  for (const Finding& f : found) {
    if (f.rule_id != "shodo.web-login-after-failures") continue;
    ++successes;
    const Record& cited = records[f.cite.line - 1];
    EXPECT_EQ(cited.status, 302);
    EXPECT_EQ(cited.attack, "web-login-success");
    EXPECT_EQ(f.level, detect::Level::critical);
    EXPECT_EQ(f.outcome, detect::Outcome::success);
    EXPECT_EQ(f.related.size(), 10u);
    for (const detect::Citation& c : f.related)
      EXPECT_EQ(records[c.line - 1].attack, "web-login-success");
  }
  EXPECT_EQ(successes, 1);
}

}  // namespace
}  // namespace shodo::testing

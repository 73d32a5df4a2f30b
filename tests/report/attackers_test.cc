#include "report/attackers.h"

#include <gtest/gtest.h>

#include "report/hunt_fixture.h"
#include "report/rule_groups.h"

namespace shodo::report {
namespace {

using testing::Hunt;
using testing::utc;

TEST(Attackers, OnePerAddressWithTimesTechniquesOutcomesAndRules) {
  Hunt h;
  h.add_sample_findings();
  detect::Finding no_ip = Hunt::scanner();
  no_ip.client_ip.clear();
  h.findings.push_back(no_ip);

  const std::vector<Attacker> a = group_by_attacker(h.findings);
  ASSERT_EQ(a.size(), 3u);  // the finding without an address is in none

  // Two findings each: the critical one first; then the single one.
  EXPECT_EQ(a[0].ip, "203.0.113.7");
  EXPECT_EQ(a[1].ip, "198.51.100.23");
  EXPECT_EQ(a[2].ip, "192.0.2.1");

  const Attacker& sqli = a[1];
  EXPECT_EQ(sqli.findings, 2u);
  EXPECT_EQ(sqli.events, 501u);  // the brute force finding stands for 500
  EXPECT_EQ(sqli.max_level, detect::Level::high);
  EXPECT_EQ(sqli.first_time, utc(2024, 3, 9, 16, 0, 0));
  EXPECT_EQ(sqli.last_time, utc(2024, 3, 9, 18, 9, 42));  // the aggregate's last event
  EXPECT_EQ(sqli.first_offset_s, testing::kTokyo);
  EXPECT_EQ(sqli.techniques, (std::vector<std::string>{"T1110.001", "T1190"}));
  EXPECT_EQ(sqli.outcomes[detect::Outcome::blocked], 1u);
  EXPECT_EQ(sqli.outcomes[detect::Outcome::failed], 1u);
  EXPECT_EQ(sqli.outcomes[detect::Outcome::success], 0u);
  ASSERT_EQ(sqli.rules.size(), 2u);
  EXPECT_EQ(sqli.rules[0]->title, "SQL injection attempt");
  EXPECT_EQ(sqli.rules[1]->title, "SSH password guessing");

  const Attacker& webshell = a[0];
  EXPECT_EQ(webshell.rules.size(), 1u);  // two findings, one rule
  EXPECT_EQ(webshell.techniques, (std::vector<std::string>{"T1059", "T1505.003"}));
}

TEST(Attackers, MostFindingsFirstThenMostSevereThenAddress) {
  std::vector<detect::Finding> f;
  auto add = [&](const char* ip, detect::Level l) {
    detect::Finding x = Hunt::scanner();
    x.client_ip = ip;
    x.level = l;
    f.push_back(x);
  };
  add("10.0.0.9", detect::Level::low);
  add("10.0.0.2", detect::Level::low);
  add("10.0.0.5", detect::Level::high);
  add("10.0.0.1", detect::Level::low);
  add("10.0.0.1", detect::Level::low);
  const std::vector<Attacker> a = group_by_attacker(f);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].ip, "10.0.0.1");
  EXPECT_EQ(a[1].ip, "10.0.0.5");
  EXPECT_EQ(a[2].ip, "10.0.0.2");
  EXPECT_EQ(a[3].ip, "10.0.0.9");
}

TEST(Attackers, FindingsWithoutTimeLeaveTheTimesAlone) {
  detect::Finding f = Hunt::scanner();
  f.time = ingest::kNoTime;
  const std::vector<Attacker> a = group_by_attacker({f});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].first_time, ingest::kNoTime);
  EXPECT_EQ(a[0].last_time, ingest::kNoTime);
}

TEST(FindingsRuleGroups, MostSevereFirstThenByFirstAppearance) {
  Hunt h;
  h.add_sample_findings();
  const std::vector<RuleGroup> g = group_by_rule(h.findings);
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(g[0].rule->title, "Webshell command execution");
  EXPECT_EQ(g[0].findings.size(), 2u);
  EXPECT_EQ(g[0].outcomes[detect::Outcome::success], 1u);
  EXPECT_EQ(g[0].outcomes[detect::Outcome::attempted], 1u);
  EXPECT_EQ(g[1].rule->title, "SQL injection attempt");
  EXPECT_EQ(g[2].rule->title, "SSH password guessing");
  EXPECT_EQ(g[2].events, 500u);
  EXPECT_EQ(g[3].rule->title, "Vulnerability scanner user agent");
}

}  // namespace
}  // namespace shodo::report

// Sigma v2 correlations over hand-built rules and events.
#include <gtest/gtest.h>

#include <deque>

#include "detect/correlation/correlation_engine.h"

namespace shodo::detect {
namespace {

using ingest::TimeUs;
using Type = sigma::Correlation::Type;
constexpr TimeUs kMinute = 60'000'000;
constexpr TimeUs kT0 = 1709218800LL * 1'000'000;

sigma::Rule rule(std::string id, std::string name) {
  sigma::Rule r;
  r.meta.id = std::move(id);
  r.meta.name = std::move(name);
  r.meta.title = r.meta.name;
  return r;
}

sigma::Correlation correlation(Type type, std::vector<std::string> rules, TimeUs span,
                               std::vector<std::string> group_by, double gte = 0) {
  sigma::Correlation c;
  c.meta.id = "corr-1";
  c.meta.title = "Many logins";
  c.meta.title_ja = "大量のログイン";
  c.meta.level = Level::high;
  c.meta.tags = {"attack.credential-access", "attack.t1110.001", "cve.2021-44228"};
  c.type = type;
  c.rules = std::move(rules);
  c.timespan_us = span;
  c.group_by = std::move(group_by);
  if (gte > 0) c.condition.push_back({sigma::Atom::Op::gte, gte});
  return c;
}

// Events that own their text, with increasing line numbers.
class Feed {
 public:
  Feed(const std::vector<sigma::Correlation>& correlations, std::vector<sigma::Rule> rules)
      : rules_(std::move(rules)), engine_(correlations, rules_) {}

  // An event at kT0 + minutes that matched `rule` (index).
  void event(uint32_t rule, double minutes, std::string ip, std::string user = "alice",
             std::string server_ip = "", uint32_t file = 0) {
    auto& text = texts_.emplace_back(
        std::array<std::string, 3>{std::move(ip), std::move(user), std::move(server_ip)});
    ingest::Event ev;
    ev.file_index = file;
    ev.line = ++line_;
    ev.time = kT0 + static_cast<TimeUs>(minutes * static_cast<double>(kMinute));
    ev.client_ip = text[0];
    ev.user = text[1];
    ev.server_ip = text[2];
    const uint32_t matched[] = {rule};
    engine_.observe(ev, matched);
  }
  std::vector<Finding> finish() {
    std::vector<Finding> out;
    engine_.finish(out);
    return out;
  }
  const CorrelationEngine& engine() const { return engine_; }

 private:
  std::vector<sigma::Rule> rules_;
  CorrelationEngine engine_;
  std::deque<std::array<std::string, 3>> texts_;
  uint64_t line_ = 0;
};

TEST(CorrelationEventCount, FiresAtTheThresholdOncePerWindow) {
  Feed below({correlation(Type::event_count, {"login_failed"}, 5 * kMinute, {"source.ip"}, 5)},
             {rule("r1", "login_failed")});
  for (int i = 0; i < 4; ++i) below.event(0, i * 0.5, "198.51.100.23");
  EXPECT_TRUE(below.finish().empty());

  Feed at({correlation(Type::event_count, {"login_failed"}, 5 * kMinute, {"source.ip"}, 5)},
          {rule("r1", "login_failed")});
  for (int i = 0; i < 7; ++i) at.event(0, i * 0.5, "198.51.100.23");
  const auto found = at.finish();
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.source, Finding::Source::correlation);
  EXPECT_EQ(f.rule_id, "corr-1");
  EXPECT_EQ(f.title, "Many logins");
  EXPECT_EQ(f.title_ja, "大量のログイン");
  EXPECT_EQ(f.level, Level::high);
  EXPECT_EQ(f.techniques, std::vector<std::string>{"T1110.001"});
  EXPECT_EQ(f.count, 7u);      // 5 fired it, 2 more in the same window
  EXPECT_EQ(f.cite.line, 5u);  // the event that completed the condition
  ASSERT_EQ(f.related.size(), 6u);
  EXPECT_EQ(f.related[0].line, 1u);
  EXPECT_EQ(f.time, kT0);
  EXPECT_EQ(f.last_time, kT0 + 3 * kMinute);
  EXPECT_EQ(f.client_ip, "198.51.100.23");
  EXPECT_EQ(f.field, "source.ip");
  EXPECT_EQ(f.value, "198.51.100.23");
  EXPECT_EQ(f.detail, "7 events from source.ip=198.51.100.23 within 5m");
}

TEST(CorrelationEventCount, WindowSlides) {
  // 0, 4, 6, 8 minutes: no 5-minute window from the first event holds three,
  // but [4, 8] does.
  Feed feed({correlation(Type::event_count, {"r"}, 5 * kMinute, {"source.ip"}, 3)},
            {rule("r1", "r")});
  for (double m : {0.0, 4.0, 6.0, 8.0}) feed.event(0, m, "203.0.113.5");
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].count, 3u);
  EXPECT_EQ(found[0].time, kT0 + 4 * kMinute);
  EXPECT_EQ(found[0].cite.line, 4u);
}

TEST(CorrelationEventCount, WindowSpanIsInclusiveAtTheBoundary) {
  Feed inside({correlation(Type::event_count, {"r"}, 5 * kMinute, {}, 2)}, {rule("r1", "r")});
  inside.event(0, 0, "a");
  inside.event(0, 5, "b");
  EXPECT_EQ(inside.finish().size(), 1u);
  Feed outside({correlation(Type::event_count, {"r"}, 5 * kMinute, {}, 2)}, {rule("r1", "r")});
  outside.event(0, 0, "a");
  outside.event(0, 5.01, "b");
  EXPECT_TRUE(outside.finish().empty());
}

TEST(CorrelationEventCount, NewWindowAfterTheFiredOneFiresAgain) {
  Feed feed({correlation(Type::event_count, {"r"}, 5 * kMinute, {"source.ip"}, 3)},
            {rule("r1", "r")});
  for (double m : {0.0, 1.0, 2.0, 10.0, 11.0, 12.0}) feed.event(0, m, "203.0.113.5");
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].count, 3u);
  EXPECT_EQ(found[1].count, 3u);
}

TEST(CorrelationEventCount, GroupsBySeveralFields) {
  Feed feed({correlation(Type::event_count, {"r"}, 5 * kMinute, {"source.ip", "user.name"}, 3)},
            {rule("r1", "r")});
  // Same address, three accounts: no group reaches three.
  feed.event(0, 0, "203.0.113.5", "alice");
  feed.event(0, 1, "203.0.113.5", "bob");
  feed.event(0, 2, "203.0.113.5", "carol");
  feed.event(0, 3, "203.0.113.5", "bob");
  EXPECT_TRUE(feed.finish().empty());

  Feed three({correlation(Type::event_count, {"r"}, 5 * kMinute, {"source.ip", "user.name"}, 3)},
             {rule("r1", "r")});
  for (int i = 0; i < 3; ++i) three.event(0, i, "203.0.113.5", "bob");
  three.event(0, 3, "203.0.113.6", "bob");
  const auto found = three.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].detail, "3 events from source.ip=203.0.113.5, user.name=bob within 5m");
}

TEST(CorrelationEventCount, ToleratesFilesOutOfTimeOrder) {
  // The newer file is read first; the older one completes the window.
  Feed feed({correlation(Type::event_count, {"r"}, 5 * kMinute, {"source.ip"}, 5)},
            {rule("r1", "r")});
  for (double m : {10.0, 11.0, 12.0}) feed.event(0, m, "203.0.113.5", "x", "", 1);
  for (double m : {-30.0, 8.0, 9.0}) feed.event(0, m, "203.0.113.5", "x", "", 0);
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].count, 5u);
  EXPECT_EQ(found[0].time, kT0 + 8 * kMinute);
  EXPECT_EQ(found[0].last_time, kT0 + 12 * kMinute);
}

TEST(CorrelationEventCount, UpperBoundIsJudgedOnTheWholeWindow) {
  auto c = correlation(Type::event_count, {"r"}, 5 * kMinute, {"source.ip"}, 2);
  c.condition.push_back({sigma::Atom::Op::lte, 3});
  Feed feed({c}, {rule("r1", "r")});
  for (double m : {0.0, 1.0, 2.0}) feed.event(0, m, "203.0.113.5");       // 3: fires
  for (double m : {0.0, 1.0, 2.0, 3.0}) feed.event(0, m, "203.0.113.6");  // 4: too many
  feed.event(0, 0, "203.0.113.7");                                        // 1: too few
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].client_ip, "203.0.113.5");
  EXPECT_EQ(found[0].count, 3u);
  EXPECT_EQ(found[0].cite.line, 3u);
}

TEST(CorrelationValueCount, CountsDistinctValues) {
  auto c = correlation(Type::value_count, {"r"}, 10 * kMinute, {"source.ip"}, 3);
  c.value_field = "user.name";
  Feed feed({c}, {rule("r1", "r")});
  for (int i = 0; i < 5; ++i) feed.event(0, i, "203.0.113.5", "root");  // one value
  feed.event(0, 0, "203.0.113.9", "root");
  feed.event(0, 1, "203.0.113.9", "admin");
  feed.event(0, 2, "203.0.113.9", "admin");
  EXPECT_TRUE(feed.finish().empty());

  Feed spray({c}, {rule("r1", "r")});
  for (const char* user : {"root", "admin", "root", "oracle", "test"})
    spray.event(0, 1, "203.0.113.5", user);
  const auto found = spray.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].count, 4u);
  EXPECT_EQ(found[0].detail, "4 distinct user.name values from source.ip=203.0.113.5 within 10m");
}

TEST(CorrelationTemporal, AllRulesWithinTheSpanInAnyOrder) {
  const auto c = correlation(Type::temporal, {"upload", "exec"}, 5 * kMinute, {"source.ip"});
  Feed feed({c}, {rule("r1", "upload"), rule("r2", "exec")});
  feed.event(1, 0, "203.0.113.5");  // exec first, then upload: any order
  feed.event(0, 3, "203.0.113.5");
  feed.event(0, 0, "203.0.113.6");  // too far apart
  feed.event(1, 6, "203.0.113.6");
  feed.event(0, 0, "203.0.113.7");  // only one rule
  feed.event(0, 1, "203.0.113.7");
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].client_ip, "203.0.113.5");
  EXPECT_EQ(found[0].count, 2u);
  EXPECT_EQ(found[0].cite.line, 2u);
  EXPECT_EQ(found[0].detail, "rules upload, exec all matched for source.ip=203.0.113.5 within 5m");
}

TEST(CorrelationTemporalOrdered, OnlyInTheListedOrder) {
  const auto c = correlation(Type::temporal_ordered, {"a", "b", "c"}, 10 * kMinute, {"source.ip"});
  Feed feed({c}, {rule("r1", "a"), rule("r2", "b"), rule("r3", "c")});
  for (uint32_t r : {0u, 1u, 2u}) feed.event(r, r, "203.0.113.5");      // a b c
  for (uint32_t r : {2u, 1u, 0u}) feed.event(r, 2 - r, "203.0.113.6");  // c b a
  feed.event(0, 0, "203.0.113.7");                                      // a c b c
  feed.event(2, 1, "203.0.113.7");
  feed.event(1, 2, "203.0.113.7");
  feed.event(2, 3, "203.0.113.7");
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].client_ip, "203.0.113.5");
  EXPECT_EQ(found[1].client_ip, "203.0.113.7");
  EXPECT_EQ(found[1].cite.line, 10u);
}

TEST(CorrelationAliases, EachRuleReadsItsOwnField) {
  // The attacker is the client of the scan and the server of the callback.
  auto c = correlation(Type::temporal, {"scan", "callback"}, 5 * kMinute, {"host_ip"});
  c.aliases.push_back({"host_ip", {{"scan", "source.ip"}, {"r2", "destination.ip"}}});
  Feed feed({c}, {rule("r1", "scan"), rule("r2", "callback")});
  feed.event(0, 0, "203.0.113.5");
  feed.event(1, 1, "10.0.0.1", "x", "203.0.113.5");
  feed.event(0, 0, "203.0.113.6");
  feed.event(1, 1, "203.0.113.6", "x", "10.0.0.2");
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].detail, "rules scan, callback all matched for host_ip=203.0.113.5 within 5m");
}

TEST(CorrelationEngine, ReportsWhatItCannotRun) {
  const auto ok = correlation(Type::event_count, {"r"}, 5 * kMinute, {}, 2);
  const auto of_correlation = correlation(Type::event_count, {"corr-0"}, 5 * kMinute, {}, 2);
  Feed feed({ok, of_correlation}, {rule("r1", "r"), rule("r2", "unused")});
  EXPECT_TRUE(feed.engine().wants(0));
  EXPECT_FALSE(feed.engine().wants(1));
  EXPECT_FALSE(feed.engine().wants(7));
  ASSERT_EQ(feed.engine().problems().size(), 1u);
  EXPECT_EQ(feed.engine().problems()[0].kind, sigma::Problem::Kind::unsupported);
}

TEST(CorrelationEngine, ManyIdleGroupsAreSweptAndStillFire) {
  Feed feed({correlation(Type::event_count, {"r"}, 1 * kMinute, {"source.ip"}, 3)},
            {rule("r1", "r")});
  // 20,000 one-off addresses over hours, and one that fires among them.
  for (int i = 0; i < 20000; ++i) {
    feed.event(0, i * 0.01, "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250));
    if (i % 5000 == 0) feed.event(0, i * 0.01, "203.0.113.5");
  }
  for (int i = 0; i < 3; ++i) feed.event(0, 200 + i * 0.1, "203.0.113.9");
  const auto found = feed.finish();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].client_ip, "203.0.113.9");
}

}  // namespace
}  // namespace shodo::detect

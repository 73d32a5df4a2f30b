// The whole hunt (rules, correlations, detectors, outcomes) over the bundled
// sample incident: what it must find, and that -j changes nothing.
#include <gtest/gtest.h>

#include <sstream>

#include "detect/detect.h"

namespace shodo::detect {
namespace {

const std::string kSample = std::string(SHODO_TEST_DATA) + "/../../samples/incident";

std::vector<Finding> hunt(const RuleSet& rules, unsigned threads) {
  ingest::IngestOptions opt;
  std::string error;
  opt.zone = ingest::Zone::locate("Asia/Tokyo", error);
  opt.threads = threads;
  opt.block_bytes = 4096;  // many small batches, so threads really interleave
  HuntOptions h;
  h.threads = threads;
  Hunt consumer(rules, h);
  const ingest::InputSet inputs = ingest::expand_inputs({kSample});
  ingest::ingest(inputs, opt, consumer);
  return consumer.finish();
}

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings)
    out << f.rule_id << ' ' << f.time << ' ' << f.cite.file_index << ':' << f.cite.line << ' '
        << f.client_ip << ' ' << f.field << '=' << f.value << ' ' << outcome_name(f.outcome)
        << ' ' << f.count << '\n';
  return out.str();
}

TEST(Hunt, SameFindingsForAnyNumberOfThreads) {
  const RuleSet rules(RuleSetOptions{});
  const std::string one = describe(hunt(rules, 1));
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, describe(hunt(rules, 2)));
  EXPECT_EQ(one, describe(hunt(rules, 4)));
}

TEST(Hunt, FindsTheSampleIncident) {
  const RuleSet rules(RuleSetOptions{});
  const std::vector<Finding> findings = hunt(rules, 2);
  auto has = [&](auto pred) { return std::any_of(findings.begin(), findings.end(), pred); };
  // The SSH brute force, every attempt refused: found, and said to have failed.
  EXPECT_TRUE(has([](const Finding& f) {
    return f.client_ip == "198.51.100.23" && f.rule_id == "shodo.ssh-brute-force" &&
           f.outcome == Outcome::failed;
  })) << describe(findings);
  EXPECT_FALSE(has([](const Finding& f) { return f.outcome == Outcome::success; }))
      << describe(findings);
  // UNION-based SQL injection by the attacker, with the matched request.
  EXPECT_TRUE(has([](const Finding& f) {
    return f.source == Finding::Source::sigma && f.client_ip == "203.0.113.45" &&
           f.value.find("UNION") != std::string::npos && f.cite.line > 0 &&
           std::find(f.techniques.begin(), f.techniques.end(), "T1190") != f.techniques.end();
  }));
  // The webshell, from the logs alone, used from the attacker's second address.
  EXPECT_TRUE(has([](const Finding& f) {
    return f.rule_id == "shodo.webshell-use" && f.path == "/uploads/img/cache.php" &&
           f.client_ip == "203.0.113.77";
  })) << describe(findings);
  // Nothing serious points at the shop's customers or its owner (samples/EXPECTED.md
  // names the three attackers).
  for (const Finding& f : findings) {
    if (f.level >= Level::high && !f.client_ip.empty()) {
      EXPECT_TRUE(f.client_ip == "203.0.113.45" || f.client_ip == "203.0.113.77" ||
                  f.client_ip == "198.51.100.23")
          << f.rule_id << " " << f.title << " " << f.client_ip;
    }
  }
}

}  // namespace
}  // namespace shodo::detect

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/findings.h"
#include "report/hunt_fixture.h"

namespace shodo::report {
namespace {

using nlohmann::json;
using testing::Hunt;

std::vector<json> parse_lines(const std::string& s) {
  std::vector<json> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

TEST(FindingsJsonl, OneEcsObjectPerFindingInInputOrder) {
  Hunt h;
  h.add_sample_findings();
  const std::vector<json> lines = parse_lines(render_hunt(h.report, "jsonl"));
  ASSERT_EQ(lines.size(), 5u);

  const json& sqli = lines[0];
  EXPECT_EQ(sqli["@timestamp"], "2024-03-09T16:00:00Z");
  EXPECT_EQ(sqli["event.timezone"], "+09:00");
  EXPECT_FALSE(sqli.contains("event.end"));
  EXPECT_EQ(sqli["rule.id"], "5f1c2d3e-0000-4000-8000-00000000b002");
  EXPECT_EQ(sqli["rule.title"], "SQL injection attempt");
  EXPECT_EQ(sqli["rule.title_ja"], "SQL インジェクションの試行");
  EXPECT_EQ(sqli["rule.level"], "high");
  EXPECT_EQ(sqli["rule.source"], "sigma");
  EXPECT_EQ(sqli["threat.technique.id"], json::array({"T1190"}));
  EXPECT_EQ(sqli["source.ip"], "198.51.100.23");
  EXPECT_EQ(sqli["shodo.match.field"], "url.query");
  EXPECT_EQ(sqli["shodo.match.value"], "id=1' OR '1'='1");
  EXPECT_EQ(sqli["http.request.method"], "GET");
  EXPECT_EQ(sqli["url.path"], "/item.php");
  EXPECT_EQ(sqli["http.response.status_code"], 403);
  EXPECT_FALSE(sqli.contains("http.response.body.bytes"));  // unknown: left out
  EXPECT_FALSE(sqli.contains("user.name"));
  EXPECT_EQ(sqli["shodo.outcome"], "blocked");
  EXPECT_EQ(sqli["shodo.count"], 1);
  EXPECT_EQ(sqli["log.file.path"], "/evidence/var/log/apache2/access.log");
  EXPECT_EQ(sqli["log.file.line"], 120);
  EXPECT_EQ(sqli["log.offset"], 12000);
  EXPECT_FALSE(sqli.contains("shodo.related"));

  const json& brute = lines[1];
  EXPECT_EQ(brute["rule.source"], "detector");
  EXPECT_EQ(brute["event.end"], "2024-03-09T18:09:42Z");
  EXPECT_EQ(brute["user.name"], "root");
  EXPECT_EQ(brute["shodo.count"], 500);
  EXPECT_EQ(brute["shodo.outcome_reason"], "every attempt was refused");
  EXPECT_EQ(brute["shodo.detail_ja"], "9 分間に 3 アカウントへのログイン失敗 500 回");
  EXPECT_EQ(brute["shodo.related"],
            json::parse(R"([{"log.file.path":"/evidence/var/log/auth.log","log.file.line":4,)"
                        R"("log.offset":290},{"log.file.path":"/evidence/var/log/auth.log",)"
                        R"("log.file.line":5,"log.offset":371}])"));

  EXPECT_EQ(lines[3]["@timestamp"], "2024-03-09T16:35:10.123456Z");
  EXPECT_EQ(lines[2]["http.response.body.bytes"], 512);
  EXPECT_EQ(lines[2]["threat.technique.id"], json::array({"T1505.003", "T1059"}));
}

TEST(FindingsJsonl, HostileStringsStayDataAndInvalidBytesRecoverable) {
  Hunt h;
  detect::Finding f = Hunt::scanner();
  f.value = "\x1b[2J\"},{\"rule.level\":\"informational\n</script><script>alert(1)</script>";
  f.user = "=cmd|' /C calc'!A0";
  h.findings = {f};
  const json j = json::parse(render_hunt(h.report, "jsonl"));
  EXPECT_EQ(j["shodo.match.value"], f.value);
  EXPECT_EQ(j["user.name"], f.user);
  EXPECT_EQ(j["rule.level"], "medium");

  h.findings[0].value = "a\xff\xc0z";
  const std::string raw = render_hunt(h.report, "jsonl");
  EXPECT_NE(raw.find(R"("shodo.match.value":"a\udcff\udcc0z")"), std::string::npos) << raw;
  EXPECT_EQ(std::count(raw.begin(), raw.end(), '\n'), 1);
}

TEST(FindingsJson, SummaryFindingsAndAttackers) {
  Hunt h;
  h.add_sample_findings();
  const json j = json::parse(render_hunt(h.report, "json"));
  const json& s = j["summary"];
  EXPECT_EQ(s["min_level"], "low");
  EXPECT_EQ(s["findings"], 5);
  EXPECT_EQ(s["events"], 504);
  EXPECT_EQ(s["by_level"],
            json::parse(R"({"critical":2,"high":2,"medium":1,"low":0,"informational":0})"));
  EXPECT_EQ(s["attackers"], 3);
  EXPECT_EQ(s["rules"],
            json::parse(R"({"loaded":412,"correlations":12,"detectors":6,"not_run":3})"));
  EXPECT_EQ(s["ingest"]["files"].size(), 2u);
  EXPECT_EQ(s["ingest"]["files"][1]["bad_lines"], 2);
  EXPECT_EQ(s["ingest"]["timezone_assumed_for_offsetless_times"], "Asia/Tokyo");

  // The same objects as jsonl, in the same order.
  const std::vector<json> lines = parse_lines(render_hunt(h.report, "jsonl"));
  ASSERT_EQ(j["findings"].size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(j["findings"][i], lines[i]);

  const json& a = j["attackers"];
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[1]["ip"], "198.51.100.23");
  EXPECT_EQ(a[1]["findings"], 2);
  EXPECT_EQ(a[1]["events"], 501);
  EXPECT_EQ(a[1]["max_level"], "high");
  EXPECT_EQ(a[1]["first_seen"], "2024-03-09T16:00:00Z");
  EXPECT_EQ(a[1]["last_seen"], "2024-03-09T18:09:42Z");
  EXPECT_EQ(a[1]["techniques"], json::array({"T1110.001", "T1190"}));
  EXPECT_EQ(a[1]["outcomes"]["blocked"], 1);
  EXPECT_EQ(a[1]["outcomes"]["failed"], 1);
  EXPECT_EQ(a[1]["outcomes"]["success"], 0);
  EXPECT_EQ(a[1]["rules"][1]["id"], "shodo.ssh_brute_force");
}

TEST(FindingsJson, NoFindings) {
  Hunt h;
  const std::string out = render_hunt(h.report, "json");
  const json j = json::parse(out);
  EXPECT_EQ(j["findings"], json::array());
  EXPECT_EQ(j["attackers"], json::array());
  EXPECT_EQ(j["summary"]["findings"], 0);
  EXPECT_TRUE(out.ends_with("  \"findings\": [],\n  \"attackers\": []\n}\n"));
  EXPECT_EQ(render_hunt(h.report, "jsonl"), "");
}

}  // namespace
}  // namespace shodo::report

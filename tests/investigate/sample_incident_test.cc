// `shodo investigate` on the bundled sample incident, end to end: its
// findings.json must state the ground truth of samples/EXPECTED.md, and a
// second run must change nothing but the generation time.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/shodo_cli.h"
#include "support/temp_dir.h"

namespace shodo::testing {
namespace {

using nlohmann::json;

class SampleIncident : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string args = "investigate -q --tz Asia/Tokyo --case " +
                             (dir_->path() / "case").string() + " --known-good " + samples_dir() +
                             "/shop-release --knowledge-date 2024-03-11 " + samples_dir() +
                             "/incident";
    first_ = new CliRun(run_shodo(args));
    first_json_ = read_file((dir_->path() / "case/reports/findings.json").string());
    second_ = new CliRun(run_shodo(args));
  }
  static void TearDownTestSuite() {
    delete first_;
    delete second_;
    delete dir_;
  }
  static json findings() {
    return json::parse(read_file((dir_->path() / "case/reports/findings.json").string()));
  }
  static const json* attacker(const json& j, const std::string& ip) {
    for (const json& a : j["attackers"])
      if (a["ip"] == ip) return &a;
    return nullptr;
  }

  static TempDir* dir_;
  static CliRun *first_, *second_;
  static std::string first_json_;
};
TempDir* SampleIncident::dir_ = nullptr;
CliRun* SampleIncident::first_ = nullptr;
CliRun* SampleIncident::second_ = nullptr;
std::string SampleIncident::first_json_;

TEST_F(SampleIncident, RunsAndSaysCompromised) {
  EXPECT_EQ(first_->code, 1) << first_->out;  // 1: findings reported
  const json j = findings();
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["verdict"]["value"], "compromised");
  EXPECT_EQ(j["verdict"]["confidence"], "high");
  EXPECT_NE(first_->out.find("Compromised"), std::string::npos) << first_->out;
}

TEST_F(SampleIncident, AttackersAreTheThreeOfTheGroundTruth) {
  const json j = findings();
  std::set<std::string> ips;
  for (const json& a : j["attackers"]) ips.insert(a["ip"].get<std::string>());
  EXPECT_EQ(ips, (std::set<std::string>{"203.0.113.45", "203.0.113.77", "198.51.100.23"}))
      << j["attackers"].dump(1);
  const json* scanner = attacker(j, "203.0.113.45");
  ASSERT_TRUE(scanner);
  EXPECT_EQ((*scanner)["first_seen"], "2024-03-09T16:12:03Z");
  EXPECT_EQ((*scanner)["last_seen"], "2024-03-09T16:34:33Z");
  std::set<std::string> tools((*scanner)["tools"].begin(), (*scanner)["tools"].end());
  EXPECT_TRUE(tools.count("Nikto") && tools.count("sqlmap")) << scanner->dump();
  const json* operator_ = attacker(j, "203.0.113.77");
  ASSERT_TRUE(operator_);
  EXPECT_EQ((*operator_)["first_seen"], "2024-03-09T16:48:33Z");
  EXPECT_EQ((*operator_)["last_seen"], "2024-03-09T17:01:04Z");
  const json* brute = attacker(j, "198.51.100.23");
  ASSERT_TRUE(brute);
  EXPECT_EQ((*brute)["first_seen"], "2024-03-09T18:02:02Z");
  EXPECT_EQ((*brute)["last_seen"], "2024-03-09T18:05:16Z");
  EXPECT_EQ((*brute)["outcome"], "failed");
}

TEST_F(SampleIncident, IncidentWindowIsCited) {
  const json w = findings()["incident_window"];
  EXPECT_EQ(w["first_malicious"]["time"], "2024-03-09T16:12:03Z") << w.dump(1);
  EXPECT_EQ(w["compromise"]["time"], "2024-03-09T16:49:17Z") << w.dump(1);
  EXPECT_EQ(w["last_activity"]["time"], "2024-03-09T17:01:04Z") << w.dump(1);
  for (const char* point : {"first_malicious", "compromise", "last_activity"}) {
    EXPECT_NE(w[point]["citation"]["file"].get<std::string>().find("access.log"), std::string::npos)
        << point;
    EXPECT_GT(w[point]["citation"]["line"].get<int>(), 0) << point;
  }
}

TEST_F(SampleIncident, WebshellUploadedAndUsedBy77) {
  const json j = findings();
  ASSERT_EQ(j["webshells"].size(), 1u) << j["webshells"].dump(1);
  const json& w = j["webshells"][0];
  EXPECT_EQ(w["path"], "/var/www/html/uploads/img/cache.php");
  EXPECT_EQ(w["url"], "/uploads/img/cache.php");
  EXPECT_EQ(w["uploaded_by"], "203.0.113.77");
  EXPECT_EQ(w["uploaded_at"], "2024-03-09T16:49:17Z");
  EXPECT_EQ(w["used_by"], json::array({"203.0.113.77"}));
  EXPECT_EQ(w["first_used"], "2024-03-09T16:50:25Z");
  EXPECT_EQ(w["sha256"].get<std::string>().size(), 64u);
}

TEST_F(SampleIncident, ChangedFilesAgainstTheRelease) {
  std::map<std::string, std::pair<std::string, std::string>> changed;  // path -> change, assessment
  const json j = findings();
  for (const json& c : j["changed_files"])
    changed[c["path"].get<std::string>()] = {c["change"].get<std::string>(),
                                             c["assessment"].get<std::string>()};
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(changed["/var/www/html/index.php"], (P{"modified", "defacement"}));
  EXPECT_EQ(changed["/var/www/html/uploads/img/cache.php"], (P{"added", "webshell"}));
  EXPECT_EQ(changed["/var/www/html/uploads/img/.b.sql"], (P{"added", "data-dump"}));
  for (int n = 100; n <= 111; ++n)
    EXPECT_EQ(changed["/var/www/html/uploads/img/p" + std::to_string(n) + ".jpg"],
              (P{"added", "benign"}))
        << n;
  EXPECT_EQ(changed.size(), 15u);
}

TEST_F(SampleIncident, DumpDownloadIsAFindingAndTheChainEndsInImpact) {
  const json j = findings();
  bool download = false;
  for (const json& f : j["findings"])
    if (f["rule"] == "shodo.link.dump_download") {
      download = true;
      EXPECT_EQ(f["client_ip"], "203.0.113.77");
      EXPECT_EQ(f["time"], "2024-03-09T16:54:52Z");
      EXPECT_EQ(f["bytes"], 36162);
    }
  EXPECT_TRUE(download);
  std::vector<std::string> phases;
  for (const json& s : j["chain"]) phases.push_back(s["phase"].get<std::string>());
  ASSERT_FALSE(phases.empty());
  EXPECT_EQ(phases.front(), "reconnaissance");
  EXPECT_EQ(phases.back(), "impact");
  EXPECT_TRUE(std::count(phases.begin(), phases.end(), "exfiltration")) << j["chain"].dump(1);
}

const json* channel(const json& leak, const std::string& kind, const std::string& actor) {
  for (const json& c : leak["channels"])
    if (c["kind"] == kind && c["actor"] == actor) return &c;
  return nullptr;
}

// samples/EXPECTED.md, "Data exposure": 40 customer rows and 2 admin_users
// rows by SQL injection, the 250-customer dump made through the webshell and
// downloaded whole; 250 persons, 250 card numbers; reportable (cards, attack).
TEST_F(SampleIncident, LeakAssessmentStatesTheDataExposure) {
  const json leak = findings()["leak"];
  EXPECT_EQ(leak["verdict"], "confirmed") << leak.dump(1);
  const json* sqli = channel(leak, "sql-injection", "203.0.113.45");
  ASSERT_TRUE(sqli) << leak["channels"].dump(1);
  EXPECT_EQ((*sqli)["records"], 42);
  EXPECT_EQ((*sqli)["status"], "likely");
  const std::string targets = (*sqli)["targets"].dump();
  EXPECT_NE(targets.find("customers(name,email,card_number)"), std::string::npos) << targets;
  EXPECT_NE(targets.find("admin_users"), std::string::npos) << targets;
  const json* download = channel(leak, "download", "203.0.113.77");
  ASSERT_TRUE(download) << leak["channels"].dump(1);
  EXPECT_EQ((*download)["status"], "confirmed");
  EXPECT_EQ((*download)["bytes"], 36162);
  EXPECT_EQ((*download)["start"], "2024-03-09T16:54:52Z");
  EXPECT_EQ((*download)["targets"][0], "/uploads/img/.b.sql");
  EXPECT_EQ((*download)["records"], 252);  // rows: 250 customers, 2 admin accounts
  ASSERT_FALSE((*download)["citations"].empty());
  EXPECT_NE((*download)["citations"][0]["file"].get<std::string>().find("access.log"),
            std::string::npos);
  const json* shell = channel(leak, "webshell", "203.0.113.77");
  ASSERT_TRUE(shell) << leak["channels"].dump(1);
  EXPECT_NE((*shell)["targets"].dump().find(".b.sql"), std::string::npos);
  EXPECT_EQ(leak["persons_estimate"]["min"], 250) << leak["persons_estimate"].dump();
  EXPECT_EQ(leak["persons_estimate"]["max"], 250) << leak["persons_estimate"].dump();
  EXPECT_EQ(leak["card_data"]["full"], 250);
  EXPECT_EQ(leak["sensitive_data"], false);  // no special-care column in the shop's dump
  std::set<std::string> items;
  for (const json& i : leak["data_items"]) items.insert(i["item"].get<std::string>());
  for (const char* item :
       {"card_number", "email", "phone", "postal_code", "address", "birth_date", "name"})
    EXPECT_TRUE(items.count(item)) << item << " " << leak["data_items"].dump(1);
  // Masked everywhere: no full card number of the dump in findings.json.
  EXPECT_EQ(first_json_.find("5500851198151102"), std::string::npos);
  EXPECT_EQ(leak["period_start"], "2024-03-09T16:31:29Z") << leak.dump(1);
  EXPECT_EQ(leak["period_end"], "2024-03-09T17:00:52Z");
  const json appi = leak["appi"];
  EXPECT_EQ(appi["reportable"], true);
  std::set<int> categories;
  for (const json& c : appi["categories"]) categories.insert(c["number"].get<int>());
  EXPECT_EQ(categories, (std::set<int>{2, 3}));
  EXPECT_EQ(appi["kakuho_days"], 60);
  EXPECT_EQ(appi["sokuho_due"], "2024-03-15");
  EXPECT_EQ(appi["kakuho_due"], "2024-05-09");
  EXPECT_EQ(appi["card_brand_path"], true);
}

TEST_F(SampleIncident, EveryFindingIsCited) {
  const json j = findings();
  for (const json& f : j["findings"]) {
    EXPECT_FALSE(f["source"]["file"].get<std::string>().empty()) << f.dump();
    if (f["origin"] == "log") {
      EXPECT_GT(f["source"]["line"].get<int>(), 0) << f.dump();
    }
  }
}

TEST_F(SampleIncident, EvidenceHashedBeforeAndAfter) {
  const json j = findings();
  ASSERT_FALSE(j["evidence"].empty());
  for (const json& e : j["evidence"]) {
    EXPECT_EQ(e["sha256"].get<std::string>().size(), 64u) << e.dump();
    EXPECT_TRUE(e["unchanged"].get<bool>()) << e.dump();
  }
}

TEST_F(SampleIncident, OutputsWritten) {
  for (const char* name :
       {"findings.json", "timeline.csv", "timeline.jsonl", "timeline.body", "iocs.stix.json",
        "iocs.misp.json", "iocs.csv", "initial-report.ja.html", "initial-report.en.html",
        "initial-report.ja.md", "initial-report.en.md"})
    EXPECT_GT(std::filesystem::file_size(dir_->path() / "case/reports" / name), 0u) << name;
  const std::string csv = read_file((dir_->path() / "case/reports/timeline.csv").string());
  EXPECT_EQ(csv.rfind("datetime,timestamp,timestamp_desc,message", 0), 0u) << csv.substr(0, 200);
}

TEST_F(SampleIncident, SecondRunChangesNothingButTheTime) {
  EXPECT_EQ(second_->code, first_->code) << second_->out;
  json a = json::parse(first_json_), b = findings();
  a.erase("generated_at");
  b.erase("generated_at");
  EXPECT_EQ(a, b);
  // Nothing acquired twice: the case lists each item once.
  const CliRun custody = run_shodo("custody show --case " + (dir_->path() / "case").string());
  size_t acquired = 0;
  for (size_t at = custody.out.find("acquired"); at != std::string::npos;
       at = custody.out.find("acquired", at + 1))
    ++acquired;
  EXPECT_EQ(acquired, a["evidence"].size()) << custody.out.substr(0, 2000);
}

TEST_F(SampleIncident, PivotFollowsTheWebshellOperator) {
  const CliRun r =
      run_shodo("pivot 203.0.113.77 --tz Asia/Tokyo --case " + (dir_->path() / "case").string());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("/admin/upload.php"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/uploads/img/.b.sql"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("203.0.113.45 "), std::string::npos);
  EXPECT_EQ(run_shodo("pivot 203.0.113.7 --case " + (dir_->path() / "case").string()).code, 0);
}

}  // namespace
}  // namespace shodo::testing

namespace shodo::testing {
namespace {

TEST_F(SampleIncident, ObligationsFromTheCaseUseItsKnowledgeDate) {
  const std::string case_dir = (dir_->path() / "case").string();
  const CliRun ja = run_shodo("obligations --lang ja --case " + case_dir);
  EXPECT_EQ(ja.code, 1) << ja.out;  // reportable
  EXPECT_NE(ja.out.find("第2号"), std::string::npos) << ja.out;
  EXPECT_NE(ja.out.find("2024-05-09"), std::string::npos) << ja.out;  // 確報: 60th day
  EXPECT_NE(ja.out.find("法的助言ではありません"), std::string::npos) << ja.out;
  // A later knowledge date moves the due dates.
  const CliRun later =
      run_shodo("obligations --format json --knowledge-date 2024-03-20 --case " + case_dir);
  ASSERT_EQ(later.code, 1) << later.out;
  const json appi = json::parse(later.out);
  EXPECT_EQ(appi["sokuho_due"], "2024-03-24");
  EXPECT_EQ(appi["kakuho_due"], "2024-05-18");
}

TEST(Obligations, FactsGivenAsFlags) {
  const CliRun r = run_shodo(
      "obligations --format json --persons 900-1500 --knowledge-date 2024-12-30 --verdict likely");
  ASSERT_EQ(r.code, 1) << r.out;
  const json appi = json::parse(r.out);
  EXPECT_EQ(appi["reportable"], false);  // only "may apply": the range crosses 1,000
  ASSERT_EQ(appi["categories"].size(), 1u);
  EXPECT_EQ(appi["categories"][0]["status"], "may-apply");
  EXPECT_EQ(appi["kakuho_due"], "2025-01-28");
  EXPECT_EQ(run_shodo("obligations --persons 12 --verdict confirmed").code, 0);
  EXPECT_EQ(run_shodo("obligations --persons 12-3 --verdict confirmed").code, 2);
  EXPECT_EQ(run_shodo("obligations --persons 5 --knowledge-date 2024-02-30 --card").code, 2);
}

TEST(Investigate, MissingEvidenceIsAnInputErrorAndTheRestIsStillAnalysed) {
  TempDir dir;
  const CliRun r = run_shodo("investigate -q --case " + (dir.path() / "case").string() +
                             " /nonexistent/logs " + samples_dir() + "/incident/var/log/auth.log");
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("198.51.100.23"), std::string::npos)
      << r.out;  // the brute force, from the log given
}

}  // namespace
}  // namespace shodo::testing

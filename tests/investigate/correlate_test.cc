// Correlation on small hand-made cases: each link between sources, the
// window, the chain and the verdict.
#include "investigate/correlate.h"

#include <gtest/gtest.h>

#include "investigate/changes.h"
#include "investigate/pivot.h"

namespace shodo::investigate {
namespace {

constexpr TimeUs kS = 1'000'000;
constexpr TimeUs kT0 = 1710000000 * kS;  // 2024-03-09T16:00:00Z

detect::Finding log_finding(const std::string& ip, detect::Level level, detect::Outcome outcome,
                            std::vector<std::string> techniques, TimeUs t, uint64_t line,
                            const std::string& title = "SQL injection") {
  detect::Finding f;
  f.rule_id = "test." + title;
  f.title = title;
  f.level = level;
  f.outcome = outcome;
  f.techniques = std::move(techniques);
  f.time = t;
  f.client_ip = ip;
  f.cite = {0, line, line * 100};
  return f;
}

Request request(const std::string& ip, const std::string& method, const std::string& target,
                int status, TimeUs t, uint64_t line, int64_t bytes = 100) {
  return {ip, method, target, "curl/8.0", status, bytes, t, {"access.log", line, line * 100, 0}};
}

detect::FileFinding webshell_file(const std::string& path, const std::string& url, TimeUs written) {
  detect::FileFinding f;
  f.rule_id = "yara.php_webshell";
  f.title = "PHP webshell";
  f.level = detect::Level::critical;
  f.techniques = {"T1505.003"};
  f.score = 90;
  f.file.path = path;
  f.file.type = fsview::FileType::regular;
  f.file.mtime = written * 1000;
  f.url_path = url;
  f.sha256 = std::string(64, 'a');
  return f;
}

ChangeIn added(const std::string& path, TimeUs mtime, const std::string& content = "") {
  ChangeIn c;
  c.change.kind = files::Change::Kind::added;
  c.change.after.path = path;
  c.change.after.sha256 = std::string(64, 'b');
  c.change.after.mtime = mtime * 1000;
  c.origin = "webroot.tar.gz";
  c.docroot = "/var/www/html";
  c.content = content;
  return c;
}

// A small world: one log file, the hunt's findings, the watched files.
struct World {
  ingest::InputSet logs;
  HuntPass hunt;
  CorrelationInput in;
  ActivityPass activity;
  Investigation inv;

  World() {
    logs.files.push_back({"access.log", 1000, 0, nullptr});
    ingest::FileReport web;
    web.path = "access.log";
    web.kind = ingest::LogKind::web_access;
    web.events = 100;
    web.first_time = kT0 - 3600 * kS;
    hunt.ingest.files.push_back(web);
    in.logs = &logs;
    in.hunt = &hunt;
  }
  void watch(const std::string& path, const std::string& url, TimeUs written, WatchedActivity act) {
    in.watched.push_back({url, written});
    in.watched_paths.push_back(path);
    hunt.watched.push_back(std::move(act));
  }
  void run() {
    Stage1 s = correlate_findings(in);
    for (const std::string& ip : s.attackers) activity.clients[ip].requests = 1;
    inv.files_scanned = 10;
    correlate(in, std::move(s), activity, inv);
  }
};

TEST(Correlate, WebshellIsLinkedToItsUploadAndItsUsers) {
  World w;
  const TimeUs written = kT0 + 100 * kS;
  WatchedActivity act;
  act.upload = request("203.0.113.77", "POST", "/admin/upload.php", 200, written - 1 * kS, 10);
  act.has_upload = true;
  act.requests = {
      request("203.0.113.77", "GET", "/up/x.php?c=id", 200, written + 30 * kS, 11),
      request("198.51.100.9", "GET", "/up/x.php", 404, written + 40 * kS, 12),
      request("203.0.113.77", "GET", "/up/x.php?c=cat%20/etc/passwd", 200, written + 50 * kS, 13)};
  w.watch("/var/www/html/up/x.php", "/up/x.php", written, act);
  w.in.file_findings.push_back(
      {webshell_file("/var/www/html/up/x.php", "/up/x.php", written), "webroot", "scan"});
  w.run();

  ASSERT_EQ(w.inv.webshells.size(), 1u);
  const Webshell& s = w.inv.webshells[0];
  EXPECT_EQ(s.uploaded_by, "203.0.113.77");
  EXPECT_EQ(s.uploaded_at, written - 1 * kS);
  EXPECT_EQ(s.upload_cite.line, 10u);
  EXPECT_EQ(s.used_by, std::vector<std::string>{"203.0.113.77"});  // the 404 is no use
  EXPECT_EQ(s.uses, 2u);
  EXPECT_EQ(s.first_use_cite.line, 11u);
  EXPECT_EQ(s.commands, (std::vector<std::string>{"id", "cat /etc/passwd"}));
  EXPECT_EQ(w.inv.window.compromise.time, written - 1 * kS);
  EXPECT_EQ(w.inv.verdict.value, "compromised");
  EXPECT_EQ(w.inv.verdict.confidence, "high");  // file and logs agree
  ASSERT_EQ(w.inv.attackers.size(), 1u);
  EXPECT_EQ(w.inv.attackers[0].ip, "203.0.113.77");
  EXPECT_EQ(w.inv.attackers[0].files_touched, std::vector<std::string>{"/var/www/html/up/x.php"});
  bool execution = false;
  for (const ChainStep& c : w.inv.chain) execution = execution || c.phase == "execution";
  EXPECT_TRUE(execution);
}

TEST(Correlate, DumpDownloadBecomesExfiltration) {
  World w;
  WatchedActivity act;
  act.requests = {request("203.0.113.77", "GET", "/up/.b.sql", 200, kT0 + 300 * kS, 20, 36162),
                  request("192.0.2.1", "GET", "/up/.b.sql", 404, kT0 + 400 * kS, 21)};
  w.watch("/var/www/html/up/.b.sql", "/up/.b.sql", kT0 + 200 * kS, act);
  w.in.changes.push_back(added("/var/www/html/up/.b.sql", kT0 + 200 * kS, "-- MySQL dump"));
  w.run();
  ASSERT_EQ(w.inv.changed_files.size(), 1u);
  EXPECT_EQ(w.inv.changed_files[0].assessment, "data-dump");
  const FindingRecord* download = nullptr;
  for (const FindingRecord& f : w.inv.findings)
    if (f.rule == "shodo.link.dump_download") download = &f;
  ASSERT_TRUE(download);
  EXPECT_EQ(download->client_ip, "203.0.113.77");
  EXPECT_EQ(download->bytes, 36162);
  EXPECT_EQ(download->source.line, 20u);
  ASSERT_FALSE(w.inv.chain.empty());
  EXPECT_EQ(w.inv.chain.back().phase, "exfiltration");
  bool url_indicator = false;
  for (const Indicator& i : w.inv.indicators)
    url_indicator = url_indicator || (i.type == "url" && i.value == "/up/.b.sql");
  EXPECT_TRUE(url_indicator);
}

TEST(Correlate, UploadByANonAttackerIsBenign) {
  World w;
  WatchedActivity act;
  act.upload = request("192.0.2.10", "POST", "/admin/upload.php", 200, kT0, 5);
  act.has_upload = true;
  w.watch("/var/www/html/up/p1.jpg", "/up/p1.jpg", kT0 + 1 * kS, act);
  w.in.changes.push_back(added("/var/www/html/up/p1.jpg", kT0 + 1 * kS));
  w.run();
  ASSERT_EQ(w.inv.changed_files.size(), 1u);
  EXPECT_EQ(w.inv.changed_files[0].assessment, "benign");
  EXPECT_TRUE(w.inv.attackers.empty());
  EXPECT_EQ(w.inv.verdict.value, "no-evidence");
}

TEST(Correlate, BlockedAttacksAreAttackedNotCompromised) {
  World w;
  w.hunt.findings = {log_finding("198.51.100.23", detect::Level::medium, detect::Outcome::failed,
                                 {"T1110.001"}, kT0, 3, "SSH brute force"),
                     log_finding("203.0.113.45", detect::Level::high, detect::Outcome::blocked,
                                 {"T1190"}, kT0 + 60 * kS, 4)};
  w.run();
  EXPECT_EQ(w.inv.verdict.value, "attacked-not-compromised");
  EXPECT_EQ(w.inv.window.first_malicious.time, kT0);
  EXPECT_EQ(w.inv.window.first_malicious.cite.line, 3u);
  EXPECT_EQ(w.inv.window.compromise.time, kNoTime);
  EXPECT_EQ(w.inv.attackers.size(), 2u);
  EXPECT_EQ(w.inv.attackers[0].ip, "203.0.113.45");  // the higher level first
}

TEST(Correlate, SuccessfulLoginAfterGuessingIsACompromise) {
  World w;
  w.hunt.findings = {log_finding("198.51.100.23", detect::Level::high, detect::Outcome::success,
                                 {"T1110.001"}, kT0, 7, "Login after failures")};
  w.run();
  EXPECT_EQ(w.inv.verdict.value, "compromised");
  EXPECT_EQ(w.inv.verdict.confidence, "medium");  // logs alone
  EXPECT_EQ(w.inv.window.compromise.cite.line, 7u);
  bool reset = false;
  for (const Action& a : w.inv.measures)
    reset = reset || a.text.en.find("administrator passwords") != std::string::npos;
  EXPECT_TRUE(reset);
}

TEST(Correlate, GapsAreNamed) {
  World w;
  w.hunt.ingest.files.clear();
  w.run();
  EXPECT_EQ(w.inv.verdict.value, "no-evidence");
  bool no_logs = false, no_release = false;
  for (const Text& m : w.inv.verdict.missing) {
    no_logs = no_logs || m.en.find("No web access logs") != std::string::npos;
    no_release = no_release || m.en.find("known-good") != std::string::npos;
  }
  EXPECT_TRUE(no_logs);
  EXPECT_TRUE(no_release);
}

TEST(Correlate, FindingIdsFollowTime) {
  World w;
  w.hunt.findings = {log_finding("203.0.113.1", detect::Level::high, detect::Outcome::attempted,
                                 {"T1190"}, kT0 + 9 * kS, 9),
                     log_finding("203.0.113.2", detect::Level::high, detect::Outcome::attempted,
                                 {"T1190"}, kT0, 2)};
  w.run();
  ASSERT_EQ(w.inv.findings.size(), 2u);
  EXPECT_EQ(w.inv.findings[0].id, "F0001");
  EXPECT_EQ(w.inv.findings[0].client_ip, "203.0.113.2");
  EXPECT_EQ(w.inv.findings[1].id, "F0002");
}

TEST(ChangeAssessment, DefacedPageIsJudgedByItsText) {
  ChangeIn c =
      added("/var/www/html/index.php", kT0, "<title>HACKED</title><h1>Hacked by Someone</h1>");
  c.change.kind = files::Change::Kind::changed;
  EXPECT_EQ(assess_change(c, {}).assessment, "defacement");
  c.content = "<?php echo 'welcome'; ?>";
  EXPECT_EQ(assess_change(c, {}).assessment, "unknown");
  EXPECT_EQ(assess_change(added("/var/www/html/new.php", kT0), {}).level, Level::medium);
  EXPECT_EQ(assess_change(added("/var/www/html/a.png", kT0), {}).level, Level::informational);
}

TEST(Pivot, ValuesMatchAsWholeTokens) {
  EXPECT_TRUE(contains_token("203.0.113.45 - - [x]", "203.0.113.45"));
  EXPECT_FALSE(contains_token("203.0.113.45 - - [x]", "203.0.113.4"));
  EXPECT_FALSE(contains_token("1203.0.113.45", "203.0.113.45"));
  EXPECT_TRUE(contains_token("GET /uploads/img/cache.php?c=id", "/uploads/img/cache.php"));
  EXPECT_TRUE(contains_token("user=admin;", "admin"));
  EXPECT_FALSE(contains_token("administrator", "admin"));
  EXPECT_FALSE(contains_token("anything", ""));
}

}  // namespace
}  // namespace shodo::investigate

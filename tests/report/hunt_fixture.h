// A small hunt for the findings renderer tests: two log files, findings of
// three levels from three client addresses.
#pragma once

#include <string>
#include <vector>

#include "detect/finding.h"
#include "ingest/ingest.h"
#include "ingest/time/civil.h"
#include "report/findings.h"

namespace shodo::report::testing {

inline ingest::TimeUs utc(int y, int mo, int d, int h, int mi, int s, int64_t micros = 0) {
  return (ingest::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000000 + micros;
}

constexpr int32_t kTokyo = 9 * 3600;

struct Hunt {
  ingest::InputSet inputs;
  ingest::IngestResult ingest;
  std::vector<detect::Finding> findings;
  HuntReport report;

  Hunt() {
    inputs.files = {{"/evidence/var/log/apache2/access.log", 1000, 0},
                    {"/evidence/var/log/auth.log", 500, 0}};
    ingest::FileReport access;
    access.path = inputs.files[0].path;
    access.format = "combined";
    access.lines = access.events = 900;
    access.bytes = 100000;
    access.first_time = utc(2024, 3, 9, 15, 0, 0);
    access.last_time = utc(2024, 3, 10, 14, 58, 30);
    ingest::FileReport auth;
    auth.path = inputs.files[1].path;
    auth.format = "syslog";
    auth.lines = 100;
    auth.events = 98;
    auth.bad_lines = 2;
    auth.bytes = 9000;
    auth.first_time = utc(2024, 3, 9, 18, 0, 2);
    auth.last_time = utc(2024, 3, 9, 18, 9, 42);
    ingest.files = {access, auth};
    ingest.zone_name = "Asia/Tokyo";
    report.inputs = &inputs;
    report.ingest = &ingest;
    report.seconds = 0.5;
    report.findings = &findings;
    report.rules = {.rules_loaded = 412, .correlations = 12, .detectors = 6, .problems = 3};
    report.min_level = detect::Level::low;
  }

  // Findings in the caller's order: by time.
  void add_sample_findings() {
    findings.push_back(sqli(utc(2024, 3, 9, 16, 0, 0), 120, detect::Outcome::blocked));
    findings.push_back(brute_force());
    findings.push_back(webshell(utc(2024, 3, 9, 16, 33, 5), 812, detect::Outcome::success));
    findings.push_back(
        webshell(utc(2024, 3, 9, 16, 35, 10, 123456), 815, detect::Outcome::attempted));
    findings.push_back(scanner());
  }

  static detect::Finding webshell(ingest::TimeUs t, uint64_t line, detect::Outcome o) {
    detect::Finding f;
    f.rule_id = "5f1c2d3e-0000-4000-8000-00000000a001";
    f.title = "Webshell command execution";
    f.title_ja = "Web シェルによるコマンド実行";
    f.level = detect::Level::critical;
    f.techniques = {"T1505.003", "T1059"};
    f.time = t;
    f.utc_offset_s = kTokyo;
    f.client_ip = "203.0.113.7";
    f.field = "url.query";
    f.value = "cmd=id";
    f.method = "GET";
    f.path = "/uploads/x.php";
    f.status = 200;
    f.bytes = 512;
    f.outcome = o;
    f.outcome_reason = "2xx with a response unlike the path's usual one";
    f.cite = {0, line, line * 100};
    return f;
  }

  static detect::Finding sqli(ingest::TimeUs t, uint64_t line, detect::Outcome o) {
    detect::Finding f;
    f.rule_id = "5f1c2d3e-0000-4000-8000-00000000b002";
    f.title = "SQL injection attempt";
    f.title_ja = "SQL インジェクションの試行";
    f.level = detect::Level::high;
    f.techniques = {"T1190"};
    f.time = t;
    f.utc_offset_s = kTokyo;
    f.client_ip = "198.51.100.23";
    f.field = "url.query";
    f.value = "id=1' OR '1'='1";
    f.method = "GET";
    f.path = "/item.php";
    f.status = 403;
    f.outcome = o;
    f.cite = {0, line, line * 100};
    return f;
  }

  static detect::Finding brute_force() {
    detect::Finding f;
    f.source = detect::Finding::Source::detector;
    f.rule_id = "shodo.ssh_brute_force";
    f.title = "SSH password guessing";
    f.title_ja = "SSH パスワードの総当たり";
    f.level = detect::Level::high;
    f.techniques = {"T1110.001"};
    f.time = utc(2024, 3, 9, 18, 0, 2);
    f.last_time = utc(2024, 3, 9, 18, 9, 42);
    f.utc_offset_s = kTokyo;
    f.client_ip = "198.51.100.23";
    f.user = "root";
    f.outcome = detect::Outcome::failed;
    f.outcome_reason = "every attempt was refused";
    f.cite = {1, 3, 210};
    f.related = {{1, 4, 290}, {1, 5, 371}};
    f.count = 500;
    f.detail = "500 failed logins for 3 accounts in 9 minutes";
    f.detail_ja = "9 分間に 3 アカウントへのログイン失敗 500 回";
    return f;
  }

  static detect::Finding scanner() {
    detect::Finding f;
    f.rule_id = "5f1c2d3e-0000-4000-8000-00000000c003";
    f.title = "Vulnerability scanner user agent";
    f.level = detect::Level::medium;
    f.techniques = {"T1595.002"};
    f.time = utc(2024, 3, 10, 2, 0, 0);
    f.utc_offset_s = kTokyo;
    f.client_ip = "192.0.2.1";
    f.field = "user_agent.original";
    f.value = "sqlmap/1.7";
    f.method = "GET";
    f.path = "/";
    f.status = 404;
    f.outcome = detect::Outcome::blocked;
    f.cite = {0, 900, 90000};
    return f;
  }
};

}  // namespace shodo::report::testing

#include "support/sample_investigation.h"

#include <string>

namespace shodo::testing {
namespace {

using namespace investigate;

// 2024-03-09T16:12:03Z and friends, in microseconds.
constexpr TimeUs kS = 1'000'000;
constexpr TimeUs kRecon = 1710000723 * kS;
constexpr TimeUs kUpload = 1710002957 * kS;
constexpr TimeUs kFirstUse = 1710003025 * kS;
constexpr TimeUs kDownload = 1710003292 * kS;
constexpr TimeUs kDeface = 1710003652 * kS;
constexpr TimeUs kLast = 1710003664 * kS;

Citation log_line(uint64_t line) {
  return {"samples/incident/var/log/apache2/access.log", line, line * 180, 0};
}

}  // namespace

Investigation sample_investigation(bool hostile) {
  const std::string ua_extra = hostile ? std::string(kHostileScript) + "\x1b[31m\xff" : "";
  const std::string path_extra = hostile ? std::string("?q=") + kHostileStyle : "";

  Investigation inv;
  inv.tool = "shodo 0.1.0";
  inv.generated_at = "2026-11-26T05:00:00Z";
  inv.case_info = {"IR-2024-001", "EC site breach", "Example Shop K.K.",
                   "Asia/Tokyo",  "2024-03-11",     "Sato, Suzuki"};

  FindingRecord recon;
  recon.id = "F0001";
  recon.origin = "log";
  recon.rule = "shodo.scanner";
  recon.title = {"Vulnerability scanner", "脆弱性スキャナ"};
  recon.level = Level::medium;
  recon.techniques = {"T1595.002"};
  recon.time = kRecon;
  recon.last_time = kRecon + 600 * kS;
  recon.utc_offset_s = 9 * 3600;
  recon.outcome = "blocked";
  recon.client_ip = "203.0.113.45";
  recon.method = "GET";
  recon.path = "/cgi-bin/test.cgi" + path_extra;
  recon.status = 404;
  recon.count = 312;
  recon.source = log_line(10412);
  recon.excerpt =
      "203.0.113.45 - - [10/Mar/2024:01:12:03 +0900] \"GET /cgi-bin/test.cgi HTTP/1.1\" 404 196 "
      "\"-\" \"Mozilla/5.00 (Nikto/2.1.6)" +
      ua_extra + "\"";
  recon.detail = {"312 requests for known vulnerable paths in 10 minutes",
                  "10 分間に既知の脆弱パスへ 312 件のリクエスト"};

  FindingRecord sqli = recon;
  sqli.id = "F0002";
  sqli.rule = "5c1f6a0e-sqli-union";
  sqli.title = {"SQL injection: UNION SELECT", "SQL インジェクション: UNION SELECT"};
  sqli.level = Level::high;
  sqli.techniques = {"T1190"};
  sqli.time = kRecon + 1200 * kS;
  sqli.last_time = kRecon + 1350 * kS;
  sqli.outcome = "likely-success";
  sqli.outcome_reason = "200 with a response unlike the page's usual size";
  sqli.method = "GET";
  sqli.path = "/products/view.php";
  sqli.status = 200;
  sqli.count = 42;
  sqli.source = log_line(10790);
  sqli.excerpt =
      "GET /products/view.php?id=1 UNION ALL SELECT name,email,card_number FROM customers LIMIT "
      "0,1-- -";
  sqli.detail = {"42 requests extracting rows of customers and admin_users",
                 "customers と admin_users の行を抽出する 42 件のリクエスト"};

  FindingRecord upload;
  upload.id = "F0003";
  upload.origin = "log";
  upload.rule = "shodo.upload_then_use";
  upload.title = {"File uploaded then requested as a script",
                  "アップロードされたファイルがスクリプトとして実行"};
  upload.level = Level::critical;
  upload.techniques = {"T1505.003"};
  upload.time = kUpload;
  upload.utc_offset_s = 9 * 3600;
  upload.outcome = "success";
  upload.client_ip = "203.0.113.77";
  upload.method = "POST";
  upload.path = "/admin/upload.php";
  upload.status = 200;
  upload.source = log_line(11020);
  upload.excerpt = "POST /admin/upload.php HTTP/1.1\" 200 512";

  FindingRecord shell;
  shell.id = "F0004";
  shell.origin = "scan";
  shell.rule = "yara.php_webshell_command_exec";
  shell.title = {"PHP webshell: runs commands from the request",
                 "PHP Web シェル: リクエストのコマンドを実行"};
  shell.level = Level::critical;
  shell.techniques = {"T1505.003"};
  shell.time = kUpload + 1 * kS;
  shell.outcome = "success";
  shell.path = "/var/www/html/uploads/img/cache.php";
  shell.source = {"webroot.tar.gz:/var/www/html/uploads/img/cache.php", 3, 0, 0};
  shell.excerpt = "system($_POST['c']);" + ua_extra;
  shell.sha256 = "9f2b1c0d6e4a3b5c7d8e9f00112233445566778899aabbccddeeff0011223344";
  shell.detail = {"Request parameter passed to system()",
                  "リクエストのパラメータを system() に渡している"};

  FindingRecord deface;
  deface.id = "F0005";
  deface.origin = "diff";
  deface.rule = "shodo.diff.defacement";
  deface.title = {"Home page replaced", "トップページの改ざん"};
  deface.level = Level::high;
  deface.techniques = {"T1491.001"};
  deface.time = kDeface;
  deface.outcome = "success";
  deface.path = "/var/www/html/index.php";
  deface.source = {"webroot.tar.gz:/var/www/html/index.php", 1, 0, 0};
  deface.excerpt =
      "<h1>Hacked by " + (hostile ? std::string(kHostileScript) : std::string("x")) + "</h1>";

  FindingRecord brute;
  brute.id = "F0006";
  brute.origin = "log";
  brute.rule = "shodo.ssh_bruteforce";
  brute.title = {"SSH password guessing", "SSH パスワード総当たり"};
  brute.level = Level::medium;
  brute.techniques = {"T1110.001"};
  brute.time = 1710007320 * kS;
  brute.last_time = 1710007516 * kS;
  brute.outcome = "failed";
  brute.client_ip = "198.51.100.23";
  brute.user = hostile ? std::string("root") + kHostileScript : "root";
  brute.count = 80;
  brute.source = {"samples/incident/var/log/auth.log", 212, 20311, 0};
  brute.excerpt = "Failed password for root from 198.51.100.23 port 40022 ssh2";
  inv.findings = {recon, sqli, upload, shell, deface, brute};

  inv.verdict.value = "compromised";
  inv.verdict.confidence = "high";
  inv.verdict.reasons = {
      {"A webshell was uploaded and used", "Web シェルがアップロードされ使用された"},
      {"The home page was defaced", "トップページが改ざんされた"}};
  inv.verdict.reason_findings = {{"F0003", "F0004"}, {"F0005"}};
  inv.verdict.missing = {
      {"No database query log: what the SQL injection read is inferred from requests",
       "DB のクエリログがないため、SQL インジェクションで読まれた内容はリクエストから推定"}};

  inv.window.first_malicious = {
      kRecon,
      {"Nikto probe from 203.0.113.45", "203.0.113.45 から Nikto による探索"},
      recon.source,
      "F0001"};
  inv.window.compromise = {
      kUpload,
      {"Webshell uploaded by 203.0.113.77", "203.0.113.77 が Web シェルをアップロード"},
      upload.source,
      "F0003"};
  inv.window.last_activity = {
      kLast, {"GET / from 203.0.113.77", "203.0.113.77 から GET /"}, log_line(11300), ""};

  inv.chain = {
      {"reconnaissance",
       {"T1595.002"},
       kRecon,
       {"203.0.113.45 scanned the site with Nikto.", "203.0.113.45 が Nikto でサイトを探索した。"},
       {"F0001"},
       recon.source},
      {"initial-access",
       {"T1190"},
       sqli.time,
       {"It extracted customer rows by SQL injection.",
        "SQL インジェクションで顧客情報を抽出した。"},
       {"F0002"},
       sqli.source},
      {"persistence",
       {"T1505.003"},
       kUpload,
       {"203.0.113.77 uploaded a webshell.", "203.0.113.77 が Web シェルを設置した。"},
       {"F0003", "F0004"},
       upload.source},
      {"exfiltration",
       {"T1041"},
       kDownload,
       {"A database dump was downloaded.", "データベースのダンプがダウンロードされた。"},
       {},
       log_line(11100)},
      {"impact",
       {"T1491.001"},
       kDeface,
       {"The home page was defaced.", "トップページが改ざんされた。"},
       {"F0005"},
       deface.source},
  };

  Attacker a1;
  a1.ip = "203.0.113.45";
  a1.first_seen = kRecon;
  a1.last_seen = kRecon + 1350 * kS;
  a1.first_cite = recon.source;
  a1.last_cite = sqli.source;
  a1.requests = 420;
  a1.bytes_sent = 1234567;
  a1.techniques = {"T1190", "T1595.002"};
  a1.tools = {"Nikto", "sqlmap"};
  a1.user_agents = {"Mozilla/5.00 (Nikto/2.1.6)" + ua_extra,
                    "sqlmap/1.7.2#stable (https://sqlmap.org)"};
  a1.role = {"scanner, SQL injection", "スキャナ、SQL インジェクション"};
  a1.outcome = "likely-success";
  a1.finding_ids = {"F0001", "F0002"};
  a1.level = Level::high;
  Attacker a2;
  a2.ip = "203.0.113.77";
  a2.first_seen = kUpload - 44 * kS;
  a2.last_seen = kLast;
  a2.first_cite = log_line(11010);
  a2.last_cite = log_line(11300);
  a2.requests = 23;
  a2.bytes_sent = 40211;
  a2.techniques = {"T1041", "T1491.001", "T1505.003"};
  a2.tools = {"curl"};
  a2.user_agents = {"curl/7.88.1"};
  a2.role = {"webshell operator", "Web シェルの操作者"};
  a2.outcome = "success";
  a2.files_touched = {"/var/www/html/uploads/img/cache.php",
                      "/var/www/html/uploads/img/.b.sql" + path_extra};
  a2.finding_ids = {"F0003", "F0004", "F0005"};
  a2.level = Level::critical;
  Attacker a3;
  a3.ip = "198.51.100.23";
  a3.first_seen = brute.time;
  a3.last_seen = brute.last_time;
  a3.first_cite = brute.source;
  a3.last_cite = brute.source;
  a3.auth_failures = 80;
  a3.techniques = {"T1110.001"};
  a3.role = {"SSH brute force", "SSH 総当たり"};
  a3.outcome = "failed";
  a3.finding_ids = {"F0006"};
  inv.attackers = {a2, a1, a3};

  Webshell ws;
  ws.path = "/var/www/html/uploads/img/cache.php";
  ws.url = "/uploads/img/cache.php";
  ws.sha256 = shell.sha256;
  ws.file_time = kUpload + 1 * kS;
  ws.first_seen = kUpload;
  ws.uploaded_by = "203.0.113.77";
  ws.uploaded_at = kUpload;
  ws.upload_cite = upload.source;
  ws.used_by = {"203.0.113.77"};
  ws.first_used = kFirstUse;
  ws.last_used = kDeface;
  ws.uses = 9;
  ws.first_use_cite = log_line(11040);
  ws.commands = {"id", "cat ../../config.php", "mysqldump shop > .b.sql" + ua_extra};
  ws.finding_ids = {"F0003", "F0004"};
  inv.webshells = {ws};

  inv.changed_files = {
      {"/var/www/html/index.php",
       "modified",
       "1111111111111111111111111111111111111111111111111111111111111111",
       "2222222222222222222222222222222222222222222222222222222222222222",
       812,
       kDeface,
       "defacement",
       {"Home page replaced by the attacker's message", "攻撃者のメッセージに置き換えられた"},
       {"F0005"},
       "-<title>Shop</title>\n+<title>Hacked</title>" +
           (hostile ? std::string("\n+") + kHostileScript : std::string())},
      {"/var/www/html/uploads/img/cache.php",
       "added",
       "",
       shell.sha256,
       402,
       kUpload + 1 * kS,
       "webshell",
       {},
       {"F0004"},
       ""},
      {"/var/www/html/uploads/img/.b.sql",
       "added",
       "",
       "3333333333333333333333333333333333333333333333333333333333333333",
       36162,
       1710003147 * kS,
       "data-dump",
       {"Database dump created through the webshell", "Web シェル経由で作成された DB ダンプ"},
       {},
       ""},
      {"/var/www/html/uploads/img/p100.jpg",
       "added",
       "",
       "4444444444444444444444444444444444444444444444444444444444444444",
       20480,
       kRecon - 86400 * kS,
       "benign",
       {"The owner's product photo upload", "所有者による商品画像のアップロード"},
       {},
       ""},
  };

  inv.leak.verdict = "confirmed";
  inv.leak.summary = {"Personal data leaked: 250 persons",
                      "個人データの漏えいを確認しました：本人数 250 人"};
  inv.leak.reasons = {{"203.0.113.77 downloaded /uploads/img/.b.sql" + path_extra, ""}};
  LeakChannel dump_download;
  dump_download.kind = "download";
  dump_download.actor = "203.0.113.77";
  dump_download.status = "confirmed";
  dump_download.summary = {"203.0.113.77 downloaded /uploads/img/.b.sql" + path_extra,
                           "203.0.113.77 が /uploads/img/.b.sql をダウンロード"};
  dump_download.start = dump_download.end = kDownload;
  dump_download.targets = {"/uploads/img/.b.sql" + path_extra};
  dump_download.records = 250;
  dump_download.bytes = 36162;
  dump_download.data_items = {"card_number", "email"};
  dump_download.cites = {log_line(11200)};
  LeakChannel injection;
  injection.kind = "sql-injection";
  injection.actor = "203.0.113.45";
  injection.status = "likely";
  injection.summary = {"SQL injection into /products/view.php (id) by 203.0.113.45", ""};
  injection.start = kRecon;
  injection.end = kRecon + 600 * kS;
  injection.targets = {"customers(name,email,card_number)"};
  injection.records = 40;
  injection.data_items = {"card_number", "email", "name"};
  injection.cites = {log_line(47), log_line(96)};
  inv.leak.channels = {dump_download, injection};
  inv.leak.data_items = {{"card_number",
                          {"card number", "カード番号"},
                          250,
                          250,
                          {"/var/www/html/uploads/img/.b.sql (customers)" + path_extra},
                          {"550085******1102", "353093******8901"},
                          {"webroot:/var/www/html/uploads/img/.b.sql", 11, 532, 0}},
                         {"email",
                          {"email", "メールアドレス"},
                          250,
                          250,
                          {"/var/www/html/uploads/img/.b.sql (customers)"},
                          {"c***@example.com"},
                          {"webroot:/var/www/html/uploads/img/.b.sql", 11, 510, 0}}};
  inv.leak.persons = {250, 250, {"Distinct persons in the dump", "ダンプ中の本人数"}};
  inv.leak.card_data = {250, 0, 0, {"visa: 84", "mastercard: 83", "jcb: 83"}};
  inv.leak.period_start = kRecon;
  inv.leak.period_end = kDeface;
  inv.leak.to_narrow = {{"The database's query log", "DB のクエリログ"}};
  obligations::Facts facts;
  facts.leak_verdict = "confirmed";
  facts.knowledge_date = inv.case_info.knowledge_date;
  facts.persons_min = facts.persons_max = 250;
  facts.card_data = facts.unauthorized_access = true;
  facts.card_reason = {"250 card numbers in /uploads/img/.b.sql" + path_extra, ""};
  inv.leak.appi = obligations::assess(facts);

  inv.measures = {
      {"now",
       {"Block 203.0.113.77 and 203.0.113.45 at the firewall",
        "203.0.113.77 と 203.0.113.45 をファイアウォールで遮断"},
       {"F0002", "F0003"}},
      {"now",
       {"Take /uploads/img/cache.php offline (keep a copy as evidence)",
        "/uploads/img/cache.php を公開停止（証拠として保全）"},
       {"F0004"}},
      {"today",
       {"Rotate the database and admin passwords", "DB と管理者のパスワードを変更"},
       {"F0002"}},
  };
  inv.next_steps = {
      {"this-week",
       {"Assess which customers' data left (leak assessment)", "漏えいした顧客情報の範囲を確定"},
       {}}};

  inv.indicators = {
      {"ipv4-addr",
       "203.0.113.77",
       true,
       {"Webshell operator", "Web シェル操作者"},
       a2.first_seen,
       a2.last_seen,
       a2.finding_ids},
      {"ipv4-addr",
       "203.0.113.45",
       true,
       {"Scanner, SQL injection", "スキャナ、SQL インジェクション"},
       a1.first_seen,
       a1.last_seen,
       a1.finding_ids},
      {"ipv4-addr",
       "198.51.100.23",
       false,
       {"SSH brute force, all failed", "SSH 総当たり（全て失敗）"},
       a3.first_seen,
       a3.last_seen,
       a3.finding_ids},
      {"file-sha256",
       ws.sha256,
       true,
       {"Webshell", "Web シェル"},
       ws.first_seen,
       ws.last_used,
       ws.finding_ids},
      {"file-path",
       ws.path,
       true,
       {"Webshell", "Web シェル"},
       ws.first_seen,
       ws.last_used,
       ws.finding_ids},
      {"url",
       "/uploads/img/cache.php" + path_extra,
       true,
       {"Webshell URL", "Web シェルの URL"},
       ws.first_seen,
       ws.last_used,
       ws.finding_ids},
      {"user-agent",
       a1.user_agents[0],
       false,
       {"Nikto scanner", "Nikto スキャナ"},
       a1.first_seen,
       a1.last_seen,
       {"F0001"}},
  };

  inv.evidence = {
      {1, "samples/incident/var/log/apache2/access.log", "file", "logs", 2400000,
       "aa00000000000000000000000000000000000000000000000000000000000000",
       "bb00000000000000000000000000000000000000", "cc000000000000000000000000000000",
       "aa00000000000000000000000000000000000000000000000000000000000000", true},
      {2, "samples/incident/webroot.tar.gz", "archive", "webroot", 13934,
       "dd00000000000000000000000000000000000000000000000000000000000000",
       "ee00000000000000000000000000000000000000", "ff000000000000000000000000000000",
       "dd00000000000000000000000000000000000000000000000000000000000000", true},
  };
  inv.stats = {{"samples/incident/var/log/apache2/access.log", "combined", "web_access", 12000,
                11998, 2, kRecon - 2 * 86400 * kS, kLast + 3600 * kS, ""},
               {"samples/incident/var/log/auth.log", "syslog", "auth", 400, 400, 0,
                kRecon - 2 * 86400 * kS, brute.last_time, ""}};

  for (int h = 0; h < 48; ++h) {
    const TimeUs hour = (kRecon / (3600 * kS) - 40 + h) * 3600 * kS;
    const bool attack = hour <= kLast && hour + 3600 * kS > kRecon;
    inv.hourly.push_back({hour, 180u + static_cast<uint64_t>((h * 37) % 90), attack ? 300u : 0u});
  }

  inv.timeline_excerpt = {
      {kRecon,
       "Request time",
       "web",
       {"GET /cgi-bin/test.cgi from 203.0.113.45 (404)" + path_extra, ""},
       recon.source,
       "F0001"},
      {kUpload,
       "Request time",
       "web",
       {"POST /admin/upload.php from 203.0.113.77 (200)", ""},
       upload.source,
       "F0003"},
      {kUpload + 1 * kS,
       "Content Modification Time",
       "fs",
       {"/var/www/html/uploads/img/cache.php written", ""},
       shell.source,
       "F0004"},
      {kDeface,
       "Content Modification Time",
       "fs",
       {"/var/www/html/index.php written", ""},
       deface.source,
       "F0005"},
  };
  inv.limitations = {{"No database logs were given", "データベースのログは提供されていない"}};
  inv.files_scanned = 84;
  return inv;
}

}  // namespace shodo::testing

// Each detector at its thresholds, and with files read out of time order.
#include <gtest/gtest.h>

#include "detect/stateful/observation.h"
#include "detect/stateful/run_detectors.h"
#include "detect/stateful/web_paths.h"

namespace shodo::testing {
namespace {

using detect::Finding;
constexpr ingest::TimeUs kSecond = 1'000'000;
constexpr ingest::TimeUs kT0 = 1709218800LL * kSecond;

Record web(double seconds, std::string ip, std::string method, std::string path, int32_t status,
           int64_t bytes, std::string referer = "") {
  Record r;
  r.time = kT0 + static_cast<ingest::TimeUs>(seconds * kSecond);
  r.client_ip = std::move(ip);
  r.method = std::move(method);
  r.path = std::move(path);
  r.status = status;
  r.bytes = bytes;
  r.referer = std::move(referer);
  return r;
}

Record ssh(double seconds, std::string ip, std::string user, std::string action,
           std::string outcome, bool invalid_user = false) {
  Record r;
  r.kind = ingest::LogKind::auth;
  r.time = kT0 + static_cast<ingest::TimeUs>(seconds * kSecond);
  r.client_ip = std::move(ip);
  r.user = std::move(user);
  r.action = std::move(action);
  r.outcome = std::move(outcome);
  r.invalid_user = invalid_user;
  return r;
}

std::vector<Finding> run(std::vector<Record> records, const detect::DetectorOptions& o = {}) {
  for (size_t i = 0; i < records.size(); ++i) records[i].line = i + 1;
  return run_detectors(records, o);
}

std::vector<std::string> rules_of(const std::vector<Finding>& found) {
  std::vector<std::string> rules;
  for (const Finding& f : found) rules.push_back(f.rule_id);
  return rules;
}

TEST(StatefulWebPaths, Classifies) {
  EXPECT_TRUE(detect::is_login_path("/wp-login.php"));
  EXPECT_TRUE(detect::is_login_path("/blog/XMLRPC.php"));
  EXPECT_TRUE(detect::is_login_path("/user/login"));
  EXPECT_TRUE(detect::is_login_path("/administrator/"));
  EXPECT_TRUE(detect::is_login_path("/users/sign_in"));
  EXPECT_FALSE(detect::is_login_path("/products/login-shoes"));
  EXPECT_TRUE(detect::is_script_path("/a/b/c.PHP5"));
  EXPECT_TRUE(detect::is_script_path("/x.aspx"));
  EXPECT_FALSE(detect::is_script_path("/php/readme.txt"));
  EXPECT_EQ(detect::archive_kind("/backup/db.sql.gz").extension, ".sql.gz");
  EXPECT_TRUE(detect::archive_kind("/backup/db.sql.gz").sensitive);
  EXPECT_FALSE(detect::archive_kind("/media/x.ZIP").sensitive);
  EXPECT_EQ(detect::archive_kind("/media/x.ZIP").extension, ".zip");
  EXPECT_TRUE(detect::archive_kind("/products/12").extension.empty());
  // Extensions are compared a word at a time: length, case and bytes that
  // pack to zero must still tell them apart.
  EXPECT_TRUE(detect::is_script_path("/x.PhTmL"));
  EXPECT_TRUE(detect::is_script_path("/cgi-bin/a.pl"));
  EXPECT_FALSE(detect::is_script_path("/x.phtmlx"));
  EXPECT_FALSE(detect::is_script_path("/x.ph"));
  EXPECT_FALSE(detect::is_script_path(std::string_view("/x.php\0", 7)));
  EXPECT_FALSE(detect::is_script_path(std::string_view("/x.p\0hp", 7)));
  EXPECT_FALSE(detect::is_script_path("/x.php/readme"));
  EXPECT_FALSE(detect::is_script_path("/x."));
  EXPECT_EQ(detect::archive_kind("/a/B.TAR.GZ").extension, ".tar.gz");
  EXPECT_EQ(detect::archive_kind("/a/b.gz").extension, ".gz");
  EXPECT_EQ(detect::archive_kind("/a/db.Backup").extension, ".backup");
  EXPECT_TRUE(detect::archive_kind("/a/db.Backup").sensitive);
  EXPECT_EQ(detect::archive_kind("/a/site.sqlite").extension, ".sqlite");
  // The last 16 bytes are searched at once, the rest byte by byte: an
  // extension or a last segment on either side of that edge.
  EXPECT_TRUE(detect::is_script_path("/a/b/c/d/e/f/g/h/index.php"));
  EXPECT_TRUE(detect::is_script_path("/shop/abcdefghijklmnopqrstuvwxyz.php"));
  EXPECT_TRUE(detect::is_script_path("/a.b/abcdefghijklmnopqrstuvwxyz.php"));
  EXPECT_FALSE(detect::is_script_path("/x/y.php.abcdefghijklmnop"));
  EXPECT_FALSE(detect::is_script_path("/x/yy.abcdefghijklmnopq"));
  EXPECT_FALSE(detect::is_script_path("/dir.php/abcdefghijklmnopqrstuvwx"));
  EXPECT_FALSE(detect::is_script_path("/abcdefghijklmnopqrstuvwxyz"));
  EXPECT_FALSE(detect::is_script_path("x.php/abcdefghijklmnopqrst"));
  EXPECT_TRUE(detect::is_script_path("abcdefghijklmnopqrstuv.php"));
  EXPECT_EQ(detect::archive_kind("/backups/whole-site-2024-03-01.tar.gz").extension, ".tar.gz");
  EXPECT_EQ(detect::archive_kind("/exports/customers.sql").extension, ".sql");
  EXPECT_TRUE(detect::archive_kind("/a/site.sqlite3").extension.empty());
  EXPECT_TRUE(detect::archive_kind("/a/b.gzip").extension.empty());
  EXPECT_TRUE(detect::archive_kind(std::string_view("/a/b.gz\0", 8)).extension.empty());
  std::string key;
  detect::baseline_key("/products/shoes/12345/v2", key);
  EXPECT_EQ(key, "/products/shoes/#/v#");
  // Digit runs across and at the ends of the 16-byte steps, and bytes past 0x7f.
  detect::baseline_key("0123456789abcdef0/static/fonts/noto-sans-jp.woff2", key);
  EXPECT_EQ(key, "#abcdef#/static/fonts/noto-sans-jp.woff#");
  detect::baseline_key("/\xe6\x97\xa5/items/aaaaaaaaa1234567890123/x9", key);
  EXPECT_EQ(key, "/\xe6\x97\xa5/items/aaaaaaaaa#/x#");
  detect::baseline_key("", key);
  EXPECT_EQ(key, "");
  // Against a byte-by-byte fold: one and two digit runs at every position
  // of paths up to 40 bytes (the last 16-byte step overlaps the one before).
  auto naive = [](std::string_view p) {
    std::string out;
    for (size_t i = 0; i < p.size(); ++i) {
      const bool digit = p[i] >= '0' && p[i] <= '9';
      if (!digit)
        out += p[i];
      else if (i == 0 || !(p[i - 1] >= '0' && p[i - 1] <= '9'))
        out += '#';
    }
    return out;
  };
  for (size_t len = 1; len <= 40; ++len)
    for (size_t at = 0; at < len; ++at) {
      std::string path(len, 'p');
      path[at] = '7';
      if (at + 3 < len) path[at + 2] = path[at + 3] = '1';
      detect::baseline_key(path, key);
      ASSERT_EQ(key, naive(path)) << path;
    }
}

// A path's key is the path itself when it holds no digit.
TEST(StatefulWebPaths, APathWithoutDigitsIsItsOwnKey) {
  std::string scratch = "untouched";
  const std::string_view path = "/static/app.css";
  EXPECT_EQ(detect::baseline_key_of(path, scratch).data(), path.data());
  EXPECT_EQ(scratch, "untouched");
  EXPECT_EQ(detect::baseline_key_of("/items/12/app.css", scratch), "/items/#/app.css");
  EXPECT_EQ(detect::baseline_key_of("", scratch), "");
}

// What the detectors read of an event, worked out where it is parsed.
TEST(StatefulObservation, SaysWhatTheEventIs) {
  using detect::Observation;
  const auto observe = [](const Record& r) { return detect::observation_of(to_event(r)); };
  const Observation login = observe(web(1, "203.0.113.5", "POST", "/wp-login.php", 200, 512, "-"));
  EXPECT_EQ(login.flags, Observation::kPost | Observation::kNoReferer | Observation::kScript |
                             Observation::kLoginPost | Observation::kSizedSuccess);
  EXPECT_EQ(login.client_hash, detect::ClientIndex::hash("203.0.113.5"));
  EXPECT_EQ(login.path_hash, 0u);  // asked for 4xx answers only
  // Its text fields are the event's, which are views into the record.
  const Record probe = web(2, "", "HEAD", "/db/2024.sql.gz", 404, 0, "http://x/");
  const Observation dump = observe(probe);
  EXPECT_EQ(dump.flags, Observation::kHead);
  EXPECT_EQ(detect::archive_by_number(dump.archive).extension, ".sql.gz");
  EXPECT_EQ(dump.client_hash, 0u);
  EXPECT_NE(dump.path_hash, 0u);
  EXPECT_EQ(dump.path, "/db/2024.sql.gz");
  EXPECT_FALSE(detect::sized_success(to_event(web(2, "", "GET", "/a", 200, -1))));
  EXPECT_FALSE(detect::sized_success(to_event(web(2, "", "GET", "", 200, 10))));
  // A script's own URL as referer counts as none; a URL naming it only in its
  // query, or a page that is not the script, does not.
  const auto referred = [&](const std::string& referer) {
    return observe(web(4, "203.0.113.5", "POST", "/up/x.php", 200, 10, referer)).flags &
           Observation::kNoReferer;
  };
  EXPECT_TRUE(referred("https://shop.example/up/x.php?a=1"));
  EXPECT_TRUE(referred("http://shop.example:8080/up/x.php"));
  EXPECT_FALSE(referred("https://shop.example?next=/up/x.php"));
  EXPECT_FALSE(referred("https://shop.example/up/"));
  EXPECT_FALSE(referred("/up/x.php"));
  const Observation failed = observe(ssh(3, "198.51.100.1", "root", "ssh-login", "failure"));
  EXPECT_EQ(failed.flags, Observation::kAction);
  EXPECT_FALSE(failed.web());
}

TEST(StatefulWebBruteForce, ThresholdIsInclusive) {
  auto attempts = [](int n) {
    std::vector<Record> rs;
    for (int i = 0; i < n; ++i)
      rs.push_back(web(i * 3, "203.0.113.5", "POST", "/wp-login.php", 200, 4100));
    return rs;
  };
  EXPECT_TRUE(run(attempts(19)).empty());
  const auto found = run(attempts(20));
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.web-brute-force"});
  EXPECT_EQ(found[0].count, 20u);
  EXPECT_EQ(found[0].related.size(), 10u);
  EXPECT_EQ(found[0].outcome, detect::Outcome::failed);
  EXPECT_EQ(found[0].techniques, std::vector<std::string>{"T1110.001"});
}

TEST(StatefulWebBruteForce, APauseEndsTheRun) {
  std::vector<Record> rs;
  for (int i = 0; i < 15; ++i) rs.push_back(web(i, "203.0.113.5", "POST", "/login", 401, 300));
  for (int i = 0; i < 15; ++i)
    rs.push_back(web(3600 + i, "203.0.113.5", "POST", "/login", 401, 300));
  EXPECT_TRUE(run(rs).empty());
}

TEST(StatefulWebBruteForce, XmlRpcSuccessIsABiggerBody) {
  std::vector<Record> rs;
  for (int i = 0; i < 12; ++i) rs.push_back(web(i, "203.0.113.5", "POST", "/xmlrpc.php", 200, 403));
  rs.push_back(web(13, "203.0.113.5", "POST", "/xmlrpc.php", 200, 9800));
  const auto found = run(rs);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.web-login-after-failures"});
  EXPECT_EQ(found[0].cite.line, 13u);
  EXPECT_EQ(found[0].outcome_reason,
            "200 with 9,800 bytes after 12 attempts answered 200 (largest 403 bytes)");
}

TEST(StatefulSshBruteForce, FilesOutOfTimeOrderMakeOneRun) {
  // access to auth.log (newer) is read before auth.log.1 (older).
  std::vector<Record> rs;
  for (int i = 0; i < 5; ++i)
    rs.push_back(ssh(600 + i * 10, "198.51.100.7", "root", "ssh-login", "failure"));
  for (int i = 0; i < 5; ++i)
    rs.push_back(ssh(500 + i * 10, "198.51.100.7", "root", "ssh-login", "failure"));
  const auto found = run(rs);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.ssh-brute-force"});
  EXPECT_EQ(found[0].count, 10u);
  EXPECT_EQ(found[0].time, kT0 + 500 * kSecond);
  EXPECT_EQ(found[0].last_time, kT0 + 640 * kSecond);
}

TEST(StatefulSshBruteForce, InvalidUsersAreCountedOnce) {
  std::vector<Record> rs;
  for (int i = 0; i < 6; ++i) {
    rs.push_back(ssh(i * 5, "198.51.100.7", "oracle", "ssh-invalid-user", "failure"));
    rs.push_back(ssh(i * 5 + 1, "198.51.100.7", "oracle", "ssh-login", "failure", true));
  }
  detect::DetectorOptions o;
  o.ssh_ip_failures = 7;
  EXPECT_TRUE(run(rs, o).empty());
  o.ssh_ip_failures = 6;
  EXPECT_EQ(run(rs, o).size(), 1u);
}

TEST(StatefulSshBruteForce, SuccessForTheGuessedAccountFromElsewhere) {
  std::vector<Record> rs;
  for (int i = 0; i < 25; ++i)
    rs.push_back(ssh(i * 5, "45.1.2." + std::to_string(i), "deploy", "ssh-login", "failure"));
  rs.push_back(ssh(200, "45.9.9.9", "deploy", "ssh-login", "success"));
  const auto found = run(rs);
  ASSERT_EQ(found.size(), 2u);
  const Finding& success =
      found[0].rule_id == "shodo.ssh-login-after-failures" ? found[0] : found[1];
  EXPECT_EQ(success.rule_id, "shodo.ssh-login-after-failures");
  EXPECT_EQ(success.level, detect::Level::high);  // not the same address: high, not critical
  EXPECT_EQ(success.cite.line, 26u);
  EXPECT_EQ(success.user, "deploy");
  EXPECT_EQ(success.client_ip, "45.9.9.9");
}

TEST(StatefulScanning, CrawlersAreNotScanners) {
  std::vector<Record> rs;
  for (int i = 0; i < 2000; ++i)
    rs.push_back(
        web(i, "66.249.66.1", "GET", "/p/" + std::to_string(i), i % 20 == 0 ? 404 : 200, 20000));
  EXPECT_TRUE(run(rs).empty());
}

TEST(StatefulScanning, DistinctMissingPathsAtTheThreshold) {
  auto scan = [](int distinct) {
    std::vector<Record> rs;
    for (int i = 0; i < distinct; ++i)
      rs.push_back(web(i, "203.0.113.9", "GET", "/x" + std::to_string(i), 404, 150));
    for (int i = 0; i < 10; ++i) rs.push_back(web(100 + i, "203.0.113.9", "GET", "/x0", 404, 150));
    return rs;
  };
  EXPECT_TRUE(run(scan(29)).empty());
  EXPECT_EQ(rules_of(run(scan(30))), std::vector<std::string>{"shodo.scanning"});
}

TEST(StatefulLimits, ClientsPastTheLimitAreNotFollowedAndSaid) {
  // A scanner seen first is followed; 200 addresses after it fill the
  // index (max 50); a second scanner after them is not followed.
  auto scanner = [](double t0, const std::string& ip) {
    std::vector<Record> rs;
    for (int i = 0; i < 40; ++i)
      rs.push_back(web(t0 + i, ip, "GET", "/x" + std::to_string(i), 404, 150));
    return rs;
  };
  std::vector<Record> rs = scanner(0, "203.0.113.9");
  for (int i = 0; i < 200; ++i)
    rs.push_back(web(100 + i, "198.51.100." + std::to_string(i), "GET", "/", 200, 5000));
  for (const Record& r : scanner(400, "192.0.2.77")) rs.push_back(r);
  for (size_t i = 0; i < rs.size(); ++i) rs[i].line = i + 1;
  detect::DetectorOptions o;
  o.max_clients = 50;
  std::vector<std::string> limits;
  const std::vector<Finding> found = run_detectors(rs, o, &limits);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.scanning"});
  EXPECT_EQ(found[0].client_ip, "203.0.113.9");
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_NE(limits[0].find("more than 50 distinct keys"), std::string::npos) << limits[0];
  EXPECT_NE(limits[0].find("--max-clients"), std::string::npos) << limits[0];
  // Without the limit both scanners are found, and nothing is said.
  limits.clear();
  EXPECT_EQ(run_detectors(rs, {}, &limits).size(), 2u);
  EXPECT_TRUE(limits.empty());
}

TEST(StatefulLimits, SshFailuresFromManyAddressesAreBounded) {
  std::vector<Record> rs;
  for (int i = 0; i < 80; ++i)
    rs.push_back(ssh(i, "198.51.100." + std::to_string(i), "root", "ssh-login", "failure"));
  for (size_t i = 0; i < rs.size(); ++i) rs[i].line = i + 1;
  detect::DetectorOptions o;
  o.max_clients = 50;
  std::vector<std::string> limits;
  run_detectors(rs, o, &limits);
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_NE(limits[0].find("SSH brute force"), std::string::npos) << limits[0];
  EXPECT_NE(limits[0].find("30 look-ups"), std::string::npos) << limits[0];
}

TEST(StatefulExfiltration, SameSizedArchivesAreACatchAllPage) {
  std::vector<Record> rs;
  for (const char* p : {"/backup.zip", "/db.sql", "/site.tar.gz"})
    rs.push_back(web(1, "203.0.113.9", "GET", p, 200, 5120));
  EXPECT_TRUE(run(rs).empty());
  rs.push_back(web(2, "203.0.113.10", "GET", "/db.sql", 200, 5120));
  EXPECT_EQ(rules_of(run(rs)), std::vector<std::string>{"shodo.dump-download"});
}

TEST(StatefulExfiltration, AnAddressWithMostOfTheTrafficIsSaidToBeAProxyAndKeptLow) {
  detect::DetectorOptions o;
  o.client_total_min_bytes = 1'000'000;
  o.client_total_median_factor = 10;
  std::vector<Record> rs;
  // A reverse proxy logged for the clients over five hours, and a few direct visitors.
  for (int i = 0; i < 300; ++i) rs.push_back(web(i * 60, "10.0.0.5", "GET", "/p/1", 200, 40'000));
  for (int i = 0; i < 20; ++i)
    rs.push_back(web(i, "198.51.100." + std::to_string(i + 1), "GET", "/p/2", 200, 40'000));
  auto found = run(rs, o);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.large-transfer"});
  EXPECT_EQ(found[0].level, detect::Level::low);
  EXPECT_NE(found[0].detail.find("93% of all successful responses"), std::string::npos)
      << found[0].detail;
  // The same share in a log cut to twenty minutes (an attack's window) keeps its level.
  std::vector<Record> window;
  for (Record r : rs) {
    r.time = kT0 + (r.time - kT0) / 15;
    window.push_back(r);
  }
  found = run(window, o);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.large-transfer"});
  EXPECT_EQ(found[0].level, detect::Level::medium);
  // A heavy downloader among many clients keeps its level.
  for (int i = 0; i < 400; ++i)
    rs.push_back(
        web(400 + i, "198.51.100." + std::to_string(i % 200 + 30), "GET", "/p/3", 200, 100));
  found = run(rs, o);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.large-transfer"});
  EXPECT_EQ(found[0].level, detect::Level::medium);
}

TEST(StatefulWebBruteForce, LoginsThatMostlySucceedFromOneAddressAreNoGuessing) {
  // A reverse proxy logged for every client: four logins in five succeed.
  std::vector<Record> rs;
  for (int i = 0; i < 200; ++i)
    rs.push_back(web(i * 20, "10.0.0.5", "POST", "/account/login", i % 5 == 0 ? 200 : 302,
                     i % 5 == 0 ? 5400 : 0));
  EXPECT_TRUE(run(rs).empty());
  // A guesser behind the same proxy still stands out when failures dominate.
  std::vector<Record> guesser;
  for (int i = 0; i < 60; ++i)
    guesser.push_back(web(i * 5, "10.0.0.6", "POST", "/account/login", 200, 5400));
  guesser.push_back(web(301, "10.0.0.6", "GET", "/account/login", 200, 5400));
  for (int i = 0; i < 3; ++i)
    guesser.push_back(web(302 + i, "10.0.0.6", "POST", "/account/login", 302, 0));
  EXPECT_EQ(rules_of(run(guesser)),
            (std::vector<std::string>{"shodo.web-login-after-failures", "shodo.web-brute-force"}));
}

TEST(StatefulFlood, ABurstIsAFloodAndASteadyStreamIsSaidToBeAProxy) {
  detect::DetectorOptions o;
  o.flood_client_min_rpm = 20;
  o.flood_client_quantile = 0.9;  // "a busy client" from this small sample: 1 a minute
  o.flood_min_minutes = 1000;     // only the per-client finding here
  std::vector<Record> rs;
  // 200 minutes of ordinary clients, one request each per minute.
  for (int m = 0; m < 200; ++m)
    for (int c = 0; c < 10; ++c)
      rs.push_back(web(m * 60 + c, "198.51.100." + std::to_string(c + 1), "GET", "/", 200, 900));
  // A burst: 100 requests in minute 30 from one address.
  std::vector<Record> burst = rs;
  for (int i = 0; i < 100; ++i)
    burst.push_back(web(30 * 60 + 0.5 * i, "203.0.113.9", "GET", "/", 200, 900));
  auto found = run(burst, o);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.flood-client"});
  EXPECT_EQ(found[0].level, detect::Level::medium);
  // A steady 30 a minute from one address: for an hour (a log cut to an attack's
  // window) it is a flood; for all 200 minutes, a proxy or crawler.
  std::vector<Record> hour = rs;
  for (int m = 0; m < 60; ++m)
    for (int i = 0; i < 30; ++i) hour.push_back(web(m * 60 + i, "10.0.0.5", "GET", "/", 200, 900));
  found = run(hour, o);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.flood-client"});
  EXPECT_EQ(found[0].level, detect::Level::medium);
  for (int m = 0; m < 200; ++m)
    for (int i = 0; i < 30; ++i) rs.push_back(web(m * 60 + i, "10.0.0.5", "GET", "/", 200, 900));
  found = run(rs, o);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.flood-client"});
  EXPECT_EQ(found[0].level, detect::Level::low);
  EXPECT_NE(found[0].detail.find("in 200 of the log's 200 minutes"), std::string::npos)
      << found[0].detail;
}

TEST(StatefulWebshell, AShellThatNamesItselfAsRefererIsStillUsedWithoutOne) {
  std::vector<Record> rs;
  for (int i = 0; i < 100; ++i)
    rs.push_back(
        web(i * 600, "198.51.100.7", "GET", "/index.php", 200, 900, "https://shop.example/"));
  const std::string self = "https://shop.example/wp-includes/class-wp-cache.php";
  for (int i = 0; i < 12; ++i)
    rs.push_back(web(50000 + i * 60, "203.0.113.9", "POST", "/wp-includes/class-wp-cache.php", 200,
                     1500, i % 2 ? self : self + "?x=1"));
  const auto found = run(rs);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.webshell-use"});
  EXPECT_NE(found[0].detail.find("12 without a referer from another page"), std::string::npos)
      << found[0].detail;
  // Posted from another page, as a form is, it is not the same.
  for (Record& r : rs)
    if (r.method == "POST") r.referer = "https://shop.example/wp-admin/";
  EXPECT_TRUE(run(rs).empty());
}

TEST(StatefulWebshell, ScriptsUsedFromTheStartAreNotLate) {
  std::vector<Record> rs;
  for (int i = 0; i < 100; ++i)
    rs.push_back(web(i * 600, "10.0.0.5", "GET", "/index.html", 200, 900, "x"));
  for (int i = 0; i < 20; ++i)
    rs.push_back(web(i * 3000, "127.0.0.1", "POST", "/cron.php", 200, 0));
  EXPECT_TRUE(run(rs).empty());
  for (int i = 0; i < 5; ++i)
    rs.push_back(web(50000 + i * 60, "203.0.113.9", "POST", "/up/x.php", 200, 80));
  const auto found = run(rs);
  ASSERT_EQ(rules_of(found), std::vector<std::string>{"shodo.webshell-use"});
  EXPECT_EQ(found[0].path, "/up/x.php");
  EXPECT_EQ(found[0].count, 5u);
}

}  // namespace
}  // namespace shodo::testing

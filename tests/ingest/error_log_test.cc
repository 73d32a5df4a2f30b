// Apache, Nginx, PHP and PHP-FPM error logs.
#include <gtest/gtest.h>

#include <random>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::detect;
using shodo::testing::feed_cut_and_mutated;
using shodo::testing::ParserHarness;

// An error log file read in the zone `tz`.
struct ErrorLog : ParserHarness {
  explicit ErrorLog(std::string_view format, std::string_view tz = "UTC")
      : ParserHarness(format, tz, "/var/log/error.log", 1717200000) {}
};

TEST(ErrorLogApache, Version24) {
  ErrorLog e("apache_error");
  ASSERT_EQ(e.feed("[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] "
                   "[client 192.0.2.1:5432] AH00124: Request exceeded the limit of 10 internal "
                   "redirects, referer: http://example.com/start"),
            LineResult::event);
  EXPECT_EQ(e.ev.kind, LogKind::web_error);
  EXPECT_EQ(e.time(), "2000-10-11T14:32:52.123456Z");
  EXPECT_EQ(e.ev.level, "error");
  EXPECT_EQ(e.extra("apache.module"), "core");
  EXPECT_EQ(e.ev.pid, 35708);
  EXPECT_EQ(e.ev.client_ip, "192.0.2.1");
  EXPECT_EQ(e.ev.client_port, 5432);
  EXPECT_EQ(e.extra("apache.error_code"), "AH00124");
  EXPECT_EQ(e.ev.message, "Request exceeded the limit of 10 internal redirects");
  EXPECT_EQ(e.ev.referer, "http://example.com/start");
}

TEST(ErrorLogApache, SystemErrorBeforeTheClient) {
  ErrorLog e("apache_error");
  ASSERT_EQ(e.feed("[Sun Mar 03 10:00:00.000001 2024] [core:error] [pid 1234:tid 140] "
                   "(13)Permission denied: [client 2001:db8::7:51000] AH00035: access to "
                   "/secret/ denied"),
            LineResult::event);
  EXPECT_EQ(e.extra("apache.os_error"), "(13)Permission denied");
  EXPECT_EQ(e.ev.client_ip, "2001:db8::7");
  EXPECT_EQ(e.ev.client_port, 51000);
  EXPECT_EQ(e.extra("apache.error_code"), "AH00035");
  EXPECT_EQ(e.ev.message, "access to /secret/ denied");
}

TEST(ErrorLogApache, NoClientAndNoModule) {
  ErrorLog e("apache_error");
  ASSERT_EQ(e.feed("[Sun Mar 03 10:00:00.000001 2024] [ssl:warn] [pid 1234] AH01909: "
                   "www.example.com:443:0 server certificate does NOT include an ID"),
            LineResult::event);
  EXPECT_TRUE(e.ev.client_ip.empty());
  EXPECT_EQ(e.ev.level, "warn");
  EXPECT_EQ(e.ev.pid, 1234);
  ASSERT_EQ(
      e.feed("[Sun Mar 03 10:00:00.000001 2024] [:error] [pid 99] [client 192.0.2.2:1] "
             "PHP Warning:  include(x.php): failed to open stream in /var/www/i.php on line 2"),
      LineResult::event);
  EXPECT_EQ(e.extra("apache.module"), "<absent>");
  EXPECT_EQ(e.ev.level, "error");
  EXPECT_EQ(e.ev.message,
            "PHP Warning:  include(x.php): failed to open stream in /var/www/i.php on line 2");
}

TEST(ErrorLogApache, Version22) {
  ErrorLog e("apache_error", "Europe/Berlin");
  ASSERT_EQ(e.feed("[Wed Oct 11 14:32:52 2000] [error] [client 192.0.2.1] File does not exist: "
                   "/var/www/favicon.ico"),
            LineResult::event);
  EXPECT_EQ(e.time(), "2000-10-11T12:32:52Z");
  EXPECT_TRUE(e.ev.offset_assumed);
  EXPECT_EQ(e.ev.level, "error");
  EXPECT_EQ(e.ev.client_ip, "192.0.2.1");
  EXPECT_EQ(e.ev.client_port, -1);
  EXPECT_EQ(e.ev.message, "File does not exist: /var/www/favicon.ico");
  // 2.2 gives no port: an IPv6 address stays whole.
  ASSERT_EQ(e.feed("[Wed Oct 11 14:32:52 2000] [error] [client 2001:db8::1:80] x"),
            LineResult::event);
  EXPECT_EQ(e.ev.client_ip, "2001:db8::1:80");
  ASSERT_EQ(e.feed("[Wed Oct 11 14:32:52 2000] [notice] Apache configured -- resuming normal "
                   "operations"),
            LineResult::event);
  EXPECT_EQ(e.ev.level, "notice");
}

TEST(ErrorLogApache, ContinuationsAndBadLines) {
  ErrorLog e("apache_error");
  for (std::string_view line : {"Stack trace:", "#0 /var/www/x.php(3): foo()", "#12 {main}",
                                "  thrown in /var/www/x.php on line 3", "\tat line 4",
                                "Next RuntimeException: again in /var/www/x.php:5"})
    EXPECT_EQ(e.feed(line), LineResult::meta) << line;
  for (std::string_view line : {"garbage", "#nope", "[Wed Oct 11 14:32:52 2000 [error] x",
                                "[Wed Oct 32 14:32:52 2000] [error] x"}) {
    EXPECT_EQ(e.feed(line), LineResult::bad) << line;
    EXPECT_FALSE(e.error().empty());
  }
}

TEST(ErrorLogNginx, FullContext) {
  ErrorLog e("nginx_error");
  ASSERT_EQ(
      e.feed("2024/01/02 03:04:05 [error] 1234#5678: *9 open() \"/var/www/html/wp-login.php\" "
             "failed (2: No such file or directory), client: 192.0.2.1, server: example.com, "
             "request: \"GET /wp-login.php?action=register HTTP/1.1\", upstream: "
             "\"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"www.example.com\", "
             "referrer: \"http://www.example.com/\""),
      LineResult::event);
  EXPECT_EQ(e.ev.kind, LogKind::web_error);
  EXPECT_EQ(e.time(), "2024-01-02T03:04:05Z");
  EXPECT_EQ(e.ev.level, "error");
  EXPECT_EQ(e.ev.pid, 1234);
  EXPECT_EQ(e.extra("nginx.connection"), "9");
  EXPECT_EQ(e.ev.message,
            "open() \"/var/www/html/wp-login.php\" failed (2: No such file or directory)");
  EXPECT_EQ(e.ev.client_ip, "192.0.2.1");
  EXPECT_EQ(e.extra("nginx.server"), "example.com");
  EXPECT_EQ(e.ev.method, "GET");
  EXPECT_EQ(e.ev.path, "/wp-login.php");
  EXPECT_EQ(e.ev.query, "action=register");
  EXPECT_EQ(e.ev.request_target, "/wp-login.php?action=register");
  EXPECT_EQ(e.ev.protocol, "HTTP/1.1");
  EXPECT_EQ(e.extra("nginx.upstream"), "fastcgi://unix:/run/php/php8.2-fpm.sock:");
  EXPECT_EQ(e.ev.vhost, "www.example.com");
  EXPECT_EQ(e.ev.referer, "http://www.example.com/");
}

TEST(ErrorLogNginx, NoContextAndServerAsVhost) {
  ErrorLog e("nginx_error");
  ASSERT_EQ(e.feed("2024/01/02 03:04:05 [notice] 1#1: signal process started"), LineResult::event);
  EXPECT_EQ(e.ev.level, "notice");
  EXPECT_EQ(e.ev.message, "signal process started");
  EXPECT_TRUE(e.ev.client_ip.empty());
  ASSERT_EQ(e.feed("2024/01/02 03:04:05 [crit] 7#7: *1 SSL_do_handshake() failed, client: "
                   "2001:db8::9, server: 0.0.0.0:443"),
            LineResult::event);
  EXPECT_EQ(e.ev.client_ip, "2001:db8::9");
  EXPECT_EQ(e.ev.vhost, "0.0.0.0:443");
}

TEST(ErrorLogNginx, ClientTextInsideTheMessageDoesNotFool) {
  ErrorLog e("nginx_error");
  ASSERT_EQ(
      e.feed("2024/01/02 03:04:05 [error] 1#1: *2 open() \"/var/www/a, client: evil, x\" "
             "failed, client: 192.0.2.3, server: example.com, request: \"GET /a\"b HTTP/1.1\", "
             "host: \"example.com\""),
      LineResult::event);
  EXPECT_EQ(e.ev.client_ip, "192.0.2.3");
  EXPECT_EQ(e.ev.message, "open() \"/var/www/a, client: evil, x\" failed");
  EXPECT_EQ(e.ev.request_target, "/a\"b");
  EXPECT_EQ(e.ev.vhost, "example.com");
  // Not a request line: kept whole.
  ASSERT_EQ(e.feed("2024/01/02 03:04:05 [info] 1#1: *3 client sent invalid request, client: "
                   "192.0.2.4, server: example.com, request: \"\x16\x03\x01\""),
            LineResult::event);
  EXPECT_TRUE(e.ev.method.empty());
  EXPECT_EQ(e.extra("nginx.request"), "\x16\x03\x01");
}

TEST(ErrorLogNginx, BadLines) {
  ErrorLog e("nginx_error");
  for (std::string_view line : {"2024/01/02 03:04:05 error 1#1: x", "2024/01/02 03:04:05 [error] x",
                                "2024-01-02 03:04:05 [error] 1#1: x", "[error] 1#1: x"})
    EXPECT_EQ(e.feed(line), LineResult::bad) << line;
}

TEST(ErrorLogPhp, ZonesAndLevels) {
  ErrorLog e("php_error", "Asia/Tokyo");
  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05 UTC] PHP Warning:  Undefined variable $x in "
                   "/var/www/html/index.php on line 3"),
            LineResult::event);
  EXPECT_EQ(e.ev.kind, LogKind::web_error);
  EXPECT_EQ(e.time(), "2024-01-02T03:04:05Z");
  EXPECT_FALSE(e.ev.offset_assumed);
  EXPECT_EQ(e.ev.level, "warning");
  EXPECT_EQ(e.ev.message, "Undefined variable $x in /var/www/html/index.php on line 3");
  EXPECT_EQ(e.extra("php.file"), "/var/www/html/index.php");
  EXPECT_EQ(e.extra("php.line"), "3");

  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05 Europe/Berlin] PHP Notice:  x in /a.php on line 9"),
            LineResult::event);
  EXPECT_EQ(e.time(), "2024-01-02T02:04:05Z");
  EXPECT_EQ(e.ev.utc_offset_s, 3600);
  EXPECT_FALSE(e.ev.offset_assumed);
  EXPECT_EQ(e.ev.level, "notice");

  // No zone name, or one the tz database does not know: the --tz zone.
  for (std::string_view line : {"[02-Jan-2024 03:04:05] PHP Deprecated:  old in /a.php on line 1",
                                "[02-Jan-2024 03:04:05 Mars/Base] PHP Deprecated:  old"}) {
    ASSERT_EQ(e.feed(line), LineResult::event) << line;
    EXPECT_EQ(e.time(), "2024-01-01T18:04:05Z");
    EXPECT_TRUE(e.ev.offset_assumed);
    EXPECT_EQ(e.ev.level, "deprecated");
  }
  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05 UTC] custom message from error_log()"),
            LineResult::event);
  EXPECT_TRUE(e.ev.level.empty());
  EXPECT_EQ(e.ev.message, "custom message from error_log()");
}

TEST(ErrorLogPhp, UncaughtExceptionWithStackTrace) {
  ErrorLog e("php_error");
  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05 UTC] PHP Fatal error:  Uncaught Exception: boom in "
                   "/var/www/a.php:12"),
            LineResult::event);
  EXPECT_EQ(e.ev.level, "fatal");
  EXPECT_EQ(e.extra("php.file"), "/var/www/a.php");
  EXPECT_EQ(e.extra("php.line"), "12");
  EXPECT_EQ(e.feed("Stack trace:"), LineResult::meta);
  EXPECT_EQ(e.feed("#0 {main}"), LineResult::meta);
  EXPECT_EQ(e.feed("  thrown in /var/www/a.php on line 12"), LineResult::meta);
  // Prose with " in X:N" is no location.
  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05 UTC] PHP Warning:  bad value in list:3"),
            LineResult::event);
  EXPECT_EQ(e.extra("php.file"), "<absent>");
  EXPECT_EQ(e.feed("02-Jan-2024 03:04:05 UTC PHP Warning"), LineResult::bad);
  EXPECT_EQ(e.feed("[02-Jan-2024 03:04:05 UTC PHP Warning"), LineResult::bad);
}

TEST(ErrorLogPhpFpm, PoolAndChild) {
  ErrorLog e("php_fpm");
  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05] WARNING: [pool www] child 123 said into stderr: "
                   "\"PHP message: PHP Warning:  x in /var/www/y.php on line 1\""),
            LineResult::event);
  EXPECT_EQ(e.ev.level, "warning");
  EXPECT_EQ(e.extra("php_fpm.pool"), "www");
  EXPECT_EQ(e.ev.pid, 123);
  EXPECT_EQ(e.time(), "2024-01-02T03:04:05Z");
  ASSERT_EQ(e.feed("[02-Jan-2024 03:04:05] NOTICE: fpm is running, pid 1"), LineResult::event);
  EXPECT_EQ(e.ev.level, "notice");
  EXPECT_EQ(e.ev.message, "fpm is running, pid 1");
  EXPECT_EQ(e.feed("[02-Jan-2024 03:04:05] PHP Warning: x"), LineResult::bad);
  EXPECT_EQ(e.feed("[02-Jan-2024 03:04:05 UTC] WARNING: x"), LineResult::bad);
}

std::string detected(const std::vector<std::string_view>& sample) {
  return detect(sample, "/var/log/web/error.log").choice.name;
}

TEST(ErrorLogDetect, EachPresetOnItsOwnSample) {
  EXPECT_EQ(detected({"[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 1:tid 2] [client "
                      "192.0.2.1:5432] AH00124: x",
                      "[Wed Oct 11 14:32:53.000001 2000] [mpm_event:notice] [pid 1:tid 2] "
                      "AH00489: Apache/2.4.57 configured"}),
            "apache_error");
  EXPECT_EQ(
      detected({"[Wed Oct 11 14:32:52 2000] [error] [client 192.0.2.1] File does not exist: /x",
                "[Wed Oct 11 14:32:53 2000] [notice] caught SIGTERM, shutting down"}),
      "apache_error");
  EXPECT_EQ(detected({"2024/01/02 03:04:05 [error] 1#1: *1 x, client: 192.0.2.1, server: a",
                      "2024/01/02 03:04:06 [notice] 1#1: signal process started"}),
            "nginx_error");
  EXPECT_EQ(
      detected({"[02-Jan-2024 03:04:05 UTC] PHP Warning:  x in /a.php on line 1",
                "[02-Jan-2024 03:04:05 UTC] PHP Fatal error:  Uncaught Exception: y in /a.php:2",
                "Stack trace:", "#0 {main}", "  thrown in /a.php on line 2"}),
      "php_error");
  EXPECT_EQ(
      detected({"[02-Jan-2024 03:04:05] NOTICE: fpm is running, pid 1",
                "[02-Jan-2024 03:04:05] NOTICE: ready to handle connections",
                "[02-Jan-2024 03:04:09] WARNING: [pool www] child 7 said into stderr: \"x\""}),
      "php_fpm");
  // An error log is not a syslog file, nor the other way round.
  EXPECT_EQ(detected({"Jan  2 03:04:05 web1 sshd[1]: Server listening on 0.0.0.0 port 22."}),
            "syslog");
}

TEST(ErrorLogFuzz, NoLineCrashesAnyParser) {
  const std::vector<std::string> seeds = {
      "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 3:tid 4] (13)Permission denied: "
      "[client 2001:db8::1:5] [remote 192.0.2.9:1] AH00035: x, referer: y",
      "2024/01/02 03:04:05 [error] 1#2: *3 m, client: 192.0.2.1, server: s, request: \"GET /a?b "
      "HTTP/1.1\", upstream: \"u\", host: \"h\", referrer: \"r\"",
      "[02-Jan-2024 03:04:05 Europe/Berlin] PHP Fatal error:  Uncaught E: m in /a.php:12",
      "[02-Jan-2024 03:04:05] WARNING: [pool www] child 123 said into stderr: \"x\""};
  std::mt19937 rng(777);
  for (std::string_view format : {"apache_error", "nginx_error", "php_error", "php_fpm"}) {
    ErrorLog e(format);
    feed_cut_and_mutated(e, seeds, rng);
  }
}

}  // namespace
}  // namespace shodo::ingest

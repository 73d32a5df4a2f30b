// Apache mod_log_config formats: every directive, escapes, request lines,
// time forms, and the presets with their detection.
#include <gtest/gtest.h>

#include <string>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using namespace std::string_view_literals;
using shodo::testing::apache_format;
using shodo::testing::detect;
using shodo::testing::LineHarness;
using shodo::testing::preset;
using shodo::testing::utc;

constexpr std::string_view kCombinedLine =
    R"x(192.0.2.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif?a=1&b=2 HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)")x";

TEST(ApacheFormat, CombinedPreset) {
  LineHarness h;
  auto p = preset("combined");
  ASSERT_EQ(h.feed(*p, kCombinedLine), LineResult::event) << h.error();
  const Event& ev = h.ev;
  EXPECT_EQ(ev.client_ip, "192.0.2.1");
  EXPECT_EQ(h.get("ident"), "<absent>");
  EXPECT_EQ(ev.user, "frank");
  EXPECT_EQ(ev.time, utc(2000, 10, 10, 20, 55, 36));
  EXPECT_EQ(ev.utc_offset_s, -7 * 3600);
  EXPECT_FALSE(ev.offset_assumed);
  EXPECT_EQ(ev.method, "GET");
  EXPECT_EQ(ev.request_target, "/apache_pb.gif?a=1&b=2");
  EXPECT_EQ(ev.path, "/apache_pb.gif");
  EXPECT_EQ(ev.query, "a=1&b=2");
  EXPECT_EQ(ev.protocol, "HTTP/1.0");
  EXPECT_EQ(ev.status, 200);
  EXPECT_EQ(ev.bytes_sent, 2326);
  EXPECT_EQ(ev.referer, "http://www.example.com/start.html");
  EXPECT_EQ(ev.user_agent, "Mozilla/4.08 [en] (Win98; I ;Nav)");
  EXPECT_TRUE(ev.extra.empty());
}

TEST(ApacheFormat, CommonPresetAndDashes) {
  LineHarness h;
  auto p = preset("common");
  ASSERT_EQ(
      h.feed(*p, R"(198.51.100.4 ident-x - [01/Jan/2024:00:00:00 +0000] "HEAD / HTTP/1.1" 304 -)"),
      LineResult::event);
  EXPECT_EQ(h.get("ident"), "ident-x");
  EXPECT_TRUE(h.ev.user.empty());
  EXPECT_EQ(h.ev.bytes_sent, 0);  // %b writes "-" for no bytes
  EXPECT_EQ(h.ev.status, 304);
  // %B writes 0 itself, so "-" there means absent.
  auto q = apache_format("%h %B");
  ASSERT_EQ(h.feed(*q, "198.51.100.4 -"), LineResult::event);
  EXPECT_EQ(h.ev.bytes_sent, -1);
}

TEST(ApacheFormat, AddressesPortsAndNames) {
  LineHarness h;
  auto p = apache_format("%a %{c}a %A %h %{c}h %p %{remote}p %{local}p %{canonical}p %v %V %u %l");
  ASSERT_EQ(h.feed(*p,
                   "2001:db8::5 198.51.100.1 203.0.113.10 client.example.com proxy.example.com "
                   "443 51234 8443 80 www.example.com alias.example.com alice id"),
            LineResult::event)
      << h.error();
  EXPECT_EQ(h.ev.client_ip, "2001:db8::5");
  EXPECT_EQ(h.get("peer_ip"), "198.51.100.1");
  EXPECT_EQ(h.ev.server_ip, "203.0.113.10");
  EXPECT_EQ(h.get("remote_host"), "client.example.com");
  EXPECT_EQ(h.get("peer_host"), "proxy.example.com");
  EXPECT_EQ(h.ev.client_port, 51234);
  EXPECT_EQ(h.ev.server_port, 8443);  // %{local}p wins over the canonical port
  EXPECT_EQ(h.get("canonical_port"), "443");
  EXPECT_EQ(h.ev.vhost, "www.example.com");
  EXPECT_EQ(h.get("server_name.used"), "alias.example.com");
  EXPECT_EQ(h.ev.user, "alice");
  EXPECT_EQ(h.get("ident"), "id");

  auto q = apache_format("%h %p %V");
  ASSERT_EQ(h.feed(*q, "client.example.com 80 www.example.jp"), LineResult::event);
  EXPECT_EQ(h.ev.client_ip, "client.example.com");  // %h alone is the client
  EXPECT_EQ(h.ev.server_port, 80);
  EXPECT_EQ(h.ev.vhost, "www.example.jp");
  EXPECT_EQ(h.feed(*q, "client.example.com 99999 x"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad port");
}

TEST(ApacheFormat, SizesAndDurations) {
  LineHarness h;
  auto p = apache_format("%B %b %I %O %S %D");
  ASSERT_EQ(h.feed(*p, "100 100 512 1024 1536 2500"), LineResult::event);
  EXPECT_EQ(h.ev.bytes_sent, 100);
  EXPECT_EQ(h.ev.bytes_received, 512);
  EXPECT_EQ(h.ev.bytes_total, 1024);
  EXPECT_EQ(h.get("bytes_transferred"), "1536");
  EXPECT_EQ(h.ev.duration_us, 2500);
  EXPECT_EQ(h.get("bytes_sent_clf"), "100");  // %B and %b: the first one fills the slot
  EXPECT_EQ(h.feed(*p, "1x0 100 512 1024 1536 2500"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad size");
  EXPECT_EQ(h.feed(*p, "100 100 512 1024 1536 2.5e3"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad duration");

  struct Case {
    std::string_view format, text;
    int64_t us;
  } cases[] = {{"%T", "3", 3000000},
               {"%{s}T", "2", 2000000},
               {"%{ms}T", "250", 250000},
               {"%{us}T", "1234", 1234},
               {"%D", "0", 0},
               {"%T", "1.5", 1500000},
               {"%{ms}T", "999999999999", 999999999999000}};
  for (const Case& c : cases) {
    auto d = apache_format(c.format);
    ASSERT_EQ(h.feed(*d, c.text), LineResult::event) << c.format;
    EXPECT_EQ(h.ev.duration_us, c.us) << c.format;
  }
  auto d = apache_format("%T");
  EXPECT_EQ(h.feed(*d, "9999999999999"), LineResult::bad);  // would overflow
}

TEST(ApacheFormat, HeadersCookiesEnvNotesTrailers) {
  LineHarness h;
  auto p = apache_format(
      R"("%{Referer}i" "%{user-agent}i" "%{X-Forwarded-For}i" "%{Host}i" "%{X-Request-ID}i" )"
      R"("%{Content-Type}o" "%{sessid}C" "%{UNIQUE_ID}e" "%{ratio}n" "%{grpc-status}^ti" )"
      R"("%{Grpc-Message}^to")");
  ASSERT_EQ(h.feed(*p, R"("https://example.com/" "curl/8.0" "203.0.113.1, 198.51.100.7" )"
                       R"("www.example.com" "abc-123" "text/html; charset=utf-8" "s3cr3t" )"
                       R"("Zx1" "87" "0" "ok")"),
            LineResult::event)
      << h.error();
  EXPECT_EQ(h.ev.referer, "https://example.com/");
  EXPECT_EQ(h.ev.user_agent, "curl/8.0");
  EXPECT_EQ(h.ev.forwarded_for, "203.0.113.1, 198.51.100.7");
  EXPECT_EQ(h.ev.vhost, "www.example.com");  // Host header, as there is no %v
  EXPECT_EQ(h.get("http.request.headers.x-request-id"), "abc-123");
  EXPECT_EQ(h.get("http.response.headers.content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(h.get("cookie.sessid"), "s3cr3t");
  EXPECT_EQ(h.get("env.UNIQUE_ID"), "Zx1");
  EXPECT_EQ(h.get("note.ratio"), "87");
  EXPECT_EQ(h.get("http.request.trailers.grpc-status"), "0");
  EXPECT_EQ(h.get("http.response.trailers.grpc-message"), "ok");
}

TEST(ApacheFormat, ProcessAndConnectionExtras) {
  LineHarness h;
  auto p = apache_format("%P %{tid}P %{hextid}P %k %L %R %X %f");
  ASSERT_EQ(h.feed(*p, "4242 140001 7f00aa 3 YZx9 php-fpm + /var/www/html/index.php"),
            LineResult::event);
  EXPECT_EQ(h.ev.pid, 4242);
  ASSERT_EQ(h.ev.extra.size(), 7u);
  EXPECT_EQ(h.ev.extra[0], std::make_pair(std::string_view("tid"), std::string_view("140001")));
  EXPECT_EQ(h.ev.extra[1], std::make_pair(std::string_view("tid"), std::string_view("7f00aa")));
  EXPECT_EQ(h.get("keepalive_requests"), "3");
  EXPECT_EQ(h.get("log_id"), "YZx9");
  EXPECT_EQ(h.get("handler"), "php-fpm");
  EXPECT_EQ(h.get("connection_status"), "+");
  EXPECT_EQ(h.get("filename"), "/var/www/html/index.php");
  auto q = apache_format("%{pid}P");
  ASSERT_EQ(h.feed(*q, "77"), LineResult::event);
  EXPECT_EQ(h.ev.pid, 77);
}

TEST(ApacheFormat, RequestPieces) {
  LineHarness h;
  auto p = apache_format("%m %U %q %H");
  ASSERT_EQ(h.feed(*p, "POST /login.php ?user=admin HTTP/1.1"), LineResult::event);
  EXPECT_EQ(h.ev.method, "POST");
  EXPECT_EQ(h.ev.path, "/login.php");
  EXPECT_EQ(h.ev.query, "user=admin");  // without its '?'
  EXPECT_EQ(h.ev.protocol, "HTTP/1.1");
  EXPECT_TRUE(h.ev.request_target.empty());
  // %U%q together is the target as sent.
  auto q = apache_format("%m %U%q %>s");
  ASSERT_EQ(h.feed(*q, "GET /search?q=%27+OR+1%3D1 200"), LineResult::event);
  EXPECT_EQ(h.ev.request_target, "/search?q=%27+OR+1%3D1");
  EXPECT_EQ(h.ev.path, "/search");
  EXPECT_EQ(h.ev.query, "q=%27+OR+1%3D1");
  ASSERT_EQ(h.feed(*q, "GET /plain 200"), LineResult::event);
  EXPECT_EQ(h.ev.path, "/plain");
  EXPECT_TRUE(h.ev.query.empty());
}

TEST(ApacheFormat, OddRequestLinesAreKeptWhole) {
  LineHarness h;
  auto p = preset("combined");
  struct Case {
    std::string_view request, target;
  } cases[] = {
      {R"(\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03)",
       "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"sv},
      {"-", "-"},
      {"GET /", "GET /"},                    // HTTP/0.9 style, no protocol
      {"GET /x FTP/1.0", "GET /x FTP/1.0"},  // not HTTP
      {R"(\"><script>alert(1)</script> / HTTP/1.1)", "\"><script>alert(1)</script> / HTTP/1.1"},
      {"", ""},
  };
  for (const Case& c : cases) {
    const std::string line = R"(192.0.2.9 - - [10/Oct/2000:13:55:36 -0700] ")" +
                             std::string(c.request) + R"(" 400 226 "-" "-")";
    SCOPED_TRACE(line);
    ASSERT_EQ(h.feed(*p, line), LineResult::event) << h.error();
    EXPECT_EQ(h.ev.request_target, c.target);
    EXPECT_TRUE(h.ev.method.empty());
    EXPECT_TRUE(h.ev.path.empty());
    EXPECT_EQ(h.get("request.malformed"), "true");
    EXPECT_EQ(h.ev.status, 400);
  }
  // Odd but well-formed lines keep their pieces.
  const std::string line =
      R"(192.0.2.9 - - [10/Oct/2000:13:55:36 -0700] "PROPFIND /a b?c HTTP/2.0" 207 1 "-" "-")";
  ASSERT_EQ(h.feed(*p, line), LineResult::event);
  EXPECT_EQ(h.ev.method, "PROPFIND");
  EXPECT_EQ(h.ev.request_target, "/a b?c");
  EXPECT_EQ(h.ev.path, "/a b");
  EXPECT_EQ(h.ev.query, "c");
  EXPECT_EQ(h.ev.protocol, "HTTP/2.0");
  EXPECT_EQ(h.get("request.malformed"), "<absent>");
}

TEST(ApacheFormat, EscapesAreDecoded) {
  LineHarness h;
  auto p = preset("combined");
  const std::string line =
      R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a\"b\\c\x7f HTTP/1.1" 200 1 )"
      R"("http://example.com/\"x\"" "Mozilla \"quoted\" \\ tab\there \xe3\x81\x82")";
  ASSERT_EQ(h.feed(*p, line), LineResult::event) << h.error();
  EXPECT_EQ(h.ev.path, "/a\"b\\c\x7f");
  EXPECT_EQ(h.ev.referer, "http://example.com/\"x\"");
  EXPECT_EQ(h.ev.user_agent, "Mozilla \"quoted\" \\ tab\there \xe3\x81\x82");
  // Text without a backslash is a view into the line itself.
  ASSERT_EQ(h.feed(*p, kCombinedLine), LineResult::event);
  EXPECT_GE(h.ev.user_agent.data(), kCombinedLine.data());
  EXPECT_LT(h.ev.user_agent.data(), kCombinedLine.data() + kCombinedLine.size());
}

TEST(ApacheFormat, AnEscapeIsFoundWhereverItFallsInA16ByteStep) {
  // The field searches go 16 bytes at a time with an overlapping last step:
  // an escaped quote at every position of a long user agent, and a line
  // whose only backslash is in the last field, must all be decoded.
  LineHarness h;
  auto p = preset("combined");
  const std::string head =
      R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" ")";
  const std::string agent(40, 'a');
  for (size_t at = 0; at <= agent.size(); ++at) {
    const std::string line = head + agent.substr(0, at) + R"(\")" + agent.substr(at) + "\"";
    ASSERT_EQ(h.feed(*p, line), LineResult::event) << at << ": " << h.error();
    EXPECT_EQ(h.ev.user_agent, agent.substr(0, at) + "\"" + agent.substr(at)) << at;
  }
}

TEST(ApacheFormat, CutShortMissingAndTrailing) {
  LineHarness h;
  auto p = preset("combined");
  const std::string_view full = kCombinedLine;
  // Cut anywhere before the closing quote: never an event.
  for (size_t cut = 0; cut + 1 < full.size(); ++cut) {
    const LineResult r = h.feed(*p, full.substr(0, cut));
    EXPECT_NE(r, LineResult::event) << cut;
  }
  EXPECT_EQ(h.feed(*p, full.substr(0, 60)), LineResult::bad);
  EXPECT_EQ(h.error(), "line cut short");
  const std::string trailing = std::string(full) + " extra";
  EXPECT_EQ(h.feed(*p, trailing), LineResult::bad);
  EXPECT_EQ(h.error(), "trailing text");
  // A missing field: the user agent and its quotes are gone.
  EXPECT_EQ(h.feed(*p, R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-")"),
            LineResult::bad);
  EXPECT_EQ(h.error(), "line cut short");
  EXPECT_EQ(
      h.feed(*p, R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" OK 1 "-" "-")"),
      LineResult::bad);
  EXPECT_EQ(h.error(), "bad status");
  EXPECT_EQ(
      h.feed(*p, R"(192.0.2.1 - - [10/Oct/2000 13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-" "-")"),
      LineResult::bad);
  EXPECT_EQ(h.error(), "bad time");
}

TEST(ApacheFormat, StatusConditionsAndRedirectModifiers) {
  LineHarness h;
  auto p = apache_format(R"(%>s %400,501{User-agent}i %!200,304,302{Referer}i %<s %{X-A}>i)");
  ASSERT_EQ(h.feed(*p, "200 - https://example.com/ 302 v"), LineResult::event) << h.error();
  EXPECT_EQ(h.ev.status, 200);
  EXPECT_TRUE(h.ev.user_agent.empty());
  EXPECT_EQ(h.ev.referer, "https://example.com/");
  EXPECT_EQ(h.get("status.original"), "302");
  EXPECT_EQ(h.get("http.request.headers.x-a"), "v");
  ASSERT_EQ(h.feed(*p, "501 Scanner/1.0 - 501 -"), LineResult::event);
  EXPECT_EQ(h.ev.user_agent, "Scanner/1.0");
  EXPECT_TRUE(h.ev.referer.empty());
  // %s alone is the status.
  auto q = apache_format("%s");
  ASSERT_EQ(h.feed(*q, "404"), LineResult::event);
  EXPECT_EQ(h.ev.status, 404);
}

TEST(ApacheFormat, StrftimeTimeForms) {
  struct Case {
    std::string_view format, text, tz;
    TimeUs time;
    int32_t offset;
    bool assumed;
  } cases[] = {
      {"%t", "[10/Oct/2000:13:55:36 -0700]", "UTC", utc(2000, 10, 10, 20, 55, 36), -25200, false},
      {"%{%d/%b/%Y:%H:%M:%S %z}t", "10/Oct/2000:13:55:36 +0900", "UTC",
       utc(2000, 10, 10, 4, 55, 36), 32400, false},
      {"[%{%Y-%m-%d %H:%M:%S}t]", "[2024-03-10 02:30:00]", "America/New_York",
       utc(2024, 3, 10, 7, 30, 0), -18000, true},  // in the DST gap: offset before it
      {"%{%Y-%m-%d %H:%M:%S}t", "2024-07-01 12:00:00", "Asia/Tokyo", utc(2024, 7, 1, 3, 0, 0),
       32400, true},
      {"%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t", "02/Jan/2024 03:04:05.678 +0100", "UTC",
       utc(2024, 1, 2, 2, 4, 5) + 678000, 3600, false},
      {"%{begin:%d/%b/%Y %T}t.%{begin:usec_frac}t", "02/Jan/2024 03:04:05.000042", "UTC",
       utc(2024, 1, 2, 3, 4, 5) + 42, 0, true},
      {"%{sec}t", "1704164645", "Asia/Tokyo", utc(2024, 1, 2, 3, 4, 5), 0, false},
      {"%{msec}t", "1704164645123", "UTC", utc(2024, 1, 2, 3, 4, 5) + 123000, 0, false},
      {"%{usec}t", "1704164645123456", "UTC", utc(2024, 1, 2, 3, 4, 5) + 123456, 0, false},
      {"%{sec}t.%{usec_frac}t", "1704164645.000001", "UTC", utc(2024, 1, 2, 3, 4, 5) + 1, 0, false},
      {"%{%s}t", "1704164645", "UTC", utc(2024, 1, 2, 3, 4, 5), 0, false},
      {"%{%a, %e %b %y %I:%M:%S %p %Z}t", "Tue,  2 Jan 24 03:04:05 PM GMT", "Asia/Tokyo",
       utc(2024, 1, 2, 15, 4, 5), 0, false},
      {"%{%Y.%j %T}t", "2024.366 23:59:59", "UTC", utc(2024, 12, 31, 23, 59, 59), 0, true},
      {"%{%A %B %d %Y %T}t", "Tuesday January 02 2024 03:04:05", "UTC", utc(2024, 1, 2, 3, 4, 5), 0,
       true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.format);
    LineHarness h(c.tz);
    auto p = apache_format(std::string(c.format) + " %h");
    ASSERT_TRUE(p);
    const std::string line = std::string(c.text) + " 192.0.2.1";
    ASSERT_EQ(h.feed(*p, line), LineResult::event) << h.error();
    EXPECT_EQ(h.ev.time, c.time);
    EXPECT_EQ(h.ev.utc_offset_s, c.offset);
    EXPECT_EQ(h.ev.offset_assumed, c.assumed);
    EXPECT_EQ(h.ev.client_ip, "192.0.2.1");
  }
}

TEST(ApacheFormat, EndTimeIsAnExtraWhenTheStartIsLogged) {
  LineHarness h;
  auto p = apache_format("%t %{end:%Y-%m-%d %T}t %h");
  ASSERT_EQ(h.feed(*p, "[10/Oct/2000:13:55:36 +0000] 2000-10-10 13:55:38 192.0.2.1"),
            LineResult::event);
  EXPECT_EQ(h.ev.time, utc(2000, 10, 10, 13, 55, 36));
  EXPECT_EQ(h.get("time.end"), "2000-10-10 13:55:38");
  auto q = apache_format("%{end:%Y-%m-%d %T}t %h");
  ASSERT_EQ(h.feed(*q, "2000-10-10 13:55:38 192.0.2.1"), LineResult::event);
  EXPECT_EQ(h.ev.time, utc(2000, 10, 10, 13, 55, 38));
}

TEST(ApacheFormat, PercentLiteralAndHttpdConfQuoting) {
  LineHarness h;
  auto p = apache_format(R"(LogFormat "%h %l %u %t \"%r\" %>s %b 100%%" common)");
  ASSERT_EQ(h.feed(*p, R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 7 100%)"),
            LineResult::event)
      << h.error();
  EXPECT_EQ(h.ev.bytes_sent, 7);
  // Without the directive and quotes, \" still reads as a quote.
  auto q = apache_format(R"(%h \"%r\"\t%>s)");
  ASSERT_EQ(h.feed(*q, "192.0.2.1 \"GET / HTTP/1.0\"\t200"), LineResult::event);
  EXPECT_EQ(h.ev.status, 200);
  // A format that merely starts with a quote is not unwrapped.
  auto r = apache_format(R"("%r" %>s)");
  ASSERT_EQ(h.feed(*r, R"("GET / HTTP/1.0" 200)"), LineResult::event);
  EXPECT_EQ(h.ev.status, 200);
}

TEST(ApacheFormat, CompileErrorsNameTheDirective) {
  struct Case {
    std::string_view format, says;
  } cases[] = {
      {"%h %Z", "%Z"},
      {"%h %{Referer", "unclosed {"},
      {"%h %", "ends inside"},
      {"%h %{x}p", "unknown argument {x}"},
      {"%{x}T", "unknown argument"},
      {"%{x}P", "unknown argument"},
      {"%i", "needs a {name}"},
      {"%{%U}t", "%U"},
      {"%h%l", "nothing between"},
      {"%{x}^tx", "%{x}^tx"},
  };
  for (const Case& c : cases) {
    std::string err;
    EXPECT_FALSE(make_apache_format_parser(c.format, err)) << c.format;
    EXPECT_NE(err.find(c.says), std::string::npos) << c.format << ": " << err;
  }
}

TEST(ApacheFormat, IPv6Clients) {
  LineHarness h;
  auto p = preset("combined");
  ASSERT_EQ(
      h.feed(
          *p,
          R"(2001:db8:85a3::8a2e:370:7334 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" "-")"),
      LineResult::event);
  EXPECT_EQ(h.ev.client_ip, "2001:db8:85a3::8a2e:370:7334");
  auto v = preset("vhost_combined");
  ASSERT_EQ(
      h.feed(
          *v,
          R"(www.example.com:443 2001:db8::1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" "-")"),
      LineResult::event);
  EXPECT_EQ(h.ev.client_ip, "2001:db8::1");
  EXPECT_EQ(h.ev.vhost, "www.example.com");
  EXPECT_EQ(h.ev.server_port, 443);
  EXPECT_EQ(h.ev.bytes_total, 1);  // Debian's vhost_combined logs %O
}

TEST(ApacheFormat, PresetsAreRegisteredWithTheirSpecificity) {
  const FormatRegistry& r = FormatRegistry::instance();
  auto spec = [&](std::string_view n) {
    const FormatInfo* f = r.find(n);
    EXPECT_TRUE(f) << n;
    EXPECT_EQ(f->kind, LogKind::web_access);
    EXPECT_TRUE(f->detect);
    return f->specificity;
  };
  EXPECT_GT(spec("vhost_combined"), spec("combined_duration"));
  EXPECT_EQ(spec("combined_duration"), spec("nginx_main"));
  EXPECT_EQ(spec("combinedio"), spec("nginx_main"));
  EXPECT_GT(spec("nginx_main"), spec("combined"));
  EXPECT_GT(spec("combined"), spec("xff_combined"));
  EXPECT_GT(spec("xff_combined"), spec("common"));
}

// Each preset's own lines parse under it and under no richer preset; the
// poorer presets reject them, so detection is not a coin toss.
TEST(ApacheFormat, PresetsDoNotParseEachOthersLines) {
  const std::string head = R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1)";
  const std::string combined = head + R"( "-" "curl/8.0")";
  struct Case {
    std::string_view name;
    std::string line;
  } cases[] = {
      {"common", head},
      {"combined", combined},
      {"combined_duration", combined + " 5120"},
      {"combinedio", combined + " 300 512"},
      {"nginx_main", combined + R"( "203.0.113.5, 198.51.100.1")"},
      {"vhost_combined", "www.example.com:80 " + combined},
      {"xff_combined", "203.0.113.5, 198.51.100.1" + combined.substr(9)},
  };
  LineHarness h;
  for (const Case& owner : cases) {
    for (const Case& other : cases) {
      auto p = preset(other.name);
      const bool parses = h.feed(*p, owner.line) == LineResult::event;
      // A one-address X-Forwarded-For looks just like a client address.
      const bool same =
          owner.name == other.name || (owner.name == "combined" && other.name == "xff_combined");
      EXPECT_EQ(parses, same) << owner.name << " line under " << other.name << ": " << h.error();
    }
  }
}

TEST(ApacheFormat, DetectionPrefersTheRicherLayout) {
  const std::string combined =
      R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" "curl/8.0")";
  auto chosen = [](const std::vector<std::string>& lines) {
    return detect(std::vector<std::string_view>(lines.begin(), lines.end())).choice.name;
  };
  EXPECT_EQ(chosen({combined, combined}), "combined");
  EXPECT_EQ(chosen({combined + " 12", combined + " 7"}), "combined_duration");
  EXPECT_EQ(chosen({"www.example.com:80 " + combined}), "vhost_combined");
  EXPECT_EQ(chosen({combined + R"( "-")"}), "nginx_main");
  EXPECT_EQ(chosen({R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1)"}),
            "common");
  // A single client address is combined; a proxy chain is only xff_combined.
  EXPECT_EQ(chosen({combined, "203.0.113.5, 198.51.100.1" + combined.substr(9)}), "xff_combined");
}

TEST(ApacheFormat, SyslogAndJsonAreNotAccessLogs) {
  LineHarness h;
  const std::string_view lines[] = {
      "Jan  5 22:14:15 web01 sshd[4242]: Failed password for root from 192.0.2.1 port 22 ssh2",
      "<34>1 2024-01-02T03:04:05Z web01 app 123 - - [10/Oct/2000:13:55:36 -0700] \"x\" 200 1",
      R"({"time":"2024-01-02T03:04:05Z","remote_addr":"192.0.2.1","request":"GET / HTTP/1.1","status":200})",
      R"({"a": "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1"})",
      "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708] [client 192.0.2.1:5678] AH00126",
      "2024/01/02 03:04:05 [error] 123#0: *1 open() failed, client: 192.0.2.1",
  };
  for (std::string_view name : {"common", "combined", "xff_combined", "combined_duration",
                                "combinedio", "nginx_main", "vhost_combined"}) {
    auto p = preset(name);
    for (std::string_view l : lines) EXPECT_EQ(h.feed(*p, l), LineResult::bad) << name << ": " << l;
  }
}

}  // namespace
}  // namespace shodo::ingest

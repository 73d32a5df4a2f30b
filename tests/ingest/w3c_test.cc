// W3C extended logs (IIS, CloudFront) and IIS's native format.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::ParserHarness;

constexpr std::string_view kIisFields =
    "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
    "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

TEST(W3cIis, DirectivesAreMetaAndFieldsDriveColumns) {
  ParserHarness f("iis");
  ASSERT_TRUE(f.parser);
  EXPECT_TRUE(f.parser->sequential());
  EXPECT_EQ(f.feed("#Software: Microsoft Internet Information Services 10.0"), LineResult::meta);
  EXPECT_EQ(f.feed("#Version: 1.0"), LineResult::meta);
  EXPECT_EQ(f.feed("#Date: 2024-03-01 00:00:00"), LineResult::meta);
  EXPECT_EQ(f.feed("#Remark: rotated"), LineResult::meta);
  EXPECT_EQ(f.feed(kIisFields), LineResult::meta);
  EXPECT_EQ(f.feed(""), LineResult::meta);
  ASSERT_EQ(f.feed("2024-03-01 00:00:01 198.51.100.10 GET /default.aspx id=1+2&q=%27 443 - "
                   "203.0.113.5 Mozilla/5.0+(Windows+NT+10.0;+Win64) https://example.com/?q=a+b "
                   "404 3 2 15"),
            LineResult::event)
      << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2024-03-01T00:00:01Z");
  EXPECT_EQ(ev.utc_offset_s, 0);
  EXPECT_FALSE(ev.offset_assumed);  // W3C times are UTC by definition
  EXPECT_EQ(ev.server_ip, "198.51.100.10");
  EXPECT_EQ(ev.method, "GET");
  EXPECT_EQ(ev.path, "/default.aspx");
  EXPECT_EQ(ev.query, "id=1+2&q=%27");  // the query keeps its '+'
  EXPECT_EQ(ev.request_target, "/default.aspx?id=1+2&q=%27");
  EXPECT_EQ(ev.server_port, 443);
  EXPECT_TRUE(ev.user.empty());  // '-'
  EXPECT_EQ(ev.client_ip, "203.0.113.5");
  EXPECT_EQ(ev.user_agent, "Mozilla/5.0 (Windows NT 10.0; Win64)");
  EXPECT_EQ(ev.referer, "https://example.com/?q=a+b");
  EXPECT_EQ(ev.status, 404);
  EXPECT_EQ(f.extra("sc-substatus"), "3");
  EXPECT_EQ(f.extra("sc-win32-status"), "2");
  EXPECT_EQ(ev.duration_us, 15000);  // IIS: milliseconds
}

TEST(W3cIis, FieldsMayChangeMidFile) {
  ParserHarness f("iis");
  ASSERT_EQ(f.feed(kIisFields), LineResult::meta);
  ASSERT_EQ(f.feed("2024-03-01 00:00:01 198.51.100.10 GET / - 80 - 203.0.113.5 - - 200 0 0 1"),
            LineResult::event);
  ASSERT_EQ(f.feed("#Fields: date time s-sitename s-computername c-ip cs-username cs-method "
                   "cs-uri-stem sc-status sc-bytes cs-bytes cs-version cs-host X-Forwarded-For "
                   "cs(Cookie) time-taken"),
            LineResult::meta);
  // The old layout no longer fits.
  EXPECT_EQ(f.feed("2024-03-01 00:00:01 198.51.100.10 GET / - 80 - 203.0.113.5 - - 200 0 0 1"),
            LineResult::bad);
  EXPECT_EQ(f.error(), "field count differs from #Fields");
  ASSERT_EQ(f.feed("2024-03-01 23:59:59 W3SVC1 WEB01 192.0.2.44 EXAMPLE\\alice+smith POST "
                   "/login.aspx 302 512 1024 HTTP/1.1 www.example.com "
                   "203.0.113.9,+198.51.100.2 ASP.NET_SessionId=abc+def 1200"),
            LineResult::event)
      << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2024-03-01T23:59:59Z");
  EXPECT_EQ(f.extra("s-sitename"), "W3SVC1");
  EXPECT_EQ(f.extra("s-computername"), "WEB01");
  EXPECT_EQ(ev.user, "EXAMPLE\\alice smith");
  EXPECT_EQ(ev.bytes_total, 512);
  EXPECT_EQ(ev.bytes_received, 1024);
  EXPECT_EQ(ev.protocol, "HTTP/1.1");
  EXPECT_EQ(ev.vhost, "www.example.com");
  EXPECT_EQ(ev.forwarded_for, "203.0.113.9, 198.51.100.2");
  EXPECT_EQ(f.extra("cs(Cookie)"), "ASP.NET_SessionId=abc+def");  // cookies keep '+'
  EXPECT_EQ(ev.duration_us, 1200000);
}

TEST(W3cIis, DefaultFieldsBeforeAnyHeader) {
  ParserHarness f("iis");
  ASSERT_EQ(f.feed("2024-03-01 10:00:00 198.51.100.10 GET /a.php x=1 80 - 192.0.2.7 "
                   "curl/8.0 - 200 0 0 7"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.path, "/a.php");
  EXPECT_EQ(f.ev.client_ip, "192.0.2.7");
  EXPECT_EQ(f.ev.user_agent, "curl/8.0");
  EXPECT_EQ(f.ev.status, 200);
  EXPECT_EQ(f.feed("2024-03-01 10:00:00 198.51.100.10 GET /a.php x=1 80 - 192.0.2.7"),
            LineResult::bad);
  EXPECT_NE(f.error().find("no #Fields"), std::string_view::npos);
}

TEST(W3cIis, MissingExtraAndMalformedColumns) {
  ParserHarness f("iis");
  ASSERT_EQ(f.feed("#Fields: date time c-ip cs-method cs-uri-stem sc-status"), LineResult::meta);
  EXPECT_EQ(f.feed("2024-03-01 10:00:00 192.0.2.7 GET /"), LineResult::bad);
  EXPECT_EQ(f.feed("2024-03-01 10:00:00 192.0.2.7 GET / 200 extra"), LineResult::bad);
  EXPECT_EQ(f.feed("2024-03-01 10:00:00 192.0.2.7 GET / 2xx"), LineResult::bad);
  EXPECT_EQ(f.error(), "bad status");
  EXPECT_EQ(f.feed("2024-13-01 10:00:00 192.0.2.7 GET / 200"), LineResult::bad);
  EXPECT_EQ(f.error(), "bad time");
  EXPECT_EQ(f.feed("2024-03-01 25:00:00 192.0.2.7 GET / 200"), LineResult::bad);
  EXPECT_EQ(f.feed("#Fields:"), LineResult::bad);
  // Hostile bytes never crash; they are kept as written.
  const char raw[] = "2024-03-01 10:00:00 192.0.2.7 GET /\0\xff 200";
  const std::string nul(raw, sizeof raw - 1);
  ASSERT_EQ(f.feed(nul), LineResult::event) << f.error();
  EXPECT_EQ(f.ev.path, std::string_view("/\0\xff", 3));
}

TEST(W3cIis, UnknownFieldsAreExtrasByTheirName) {
  ParserHarness f("iis");
  ASSERT_EQ(f.feed("#Fields: date time c-ip cs(X-Request-Id) x-custom sc-status"),
            LineResult::meta);
  std::string line = "2024-03-01 10:00:00 192.0.2.7 abc-123 v 200";
  ASSERT_EQ(f.feed(line), LineResult::event);
  EXPECT_EQ(f.extra("cs(X-Request-Id)"), "abc-123");
  EXPECT_EQ(f.extra("x-custom"), "v");
}

TEST(W3cIis, CloneCarriesTheCurrentFields) {
  ParserHarness f("iis");
  ASSERT_EQ(f.feed("#Fields: c-ip sc-status"), LineResult::meta);
  auto copy = f.parser->clone();
  ASSERT_EQ(f.feed(*copy, "192.0.2.1 503"), LineResult::event);
  EXPECT_EQ(f.ev.client_ip, "192.0.2.1");
  EXPECT_EQ(f.ev.status, 503);
  EXPECT_FALSE(f.ev.has_time());
}

constexpr std::string_view kCloudFrontFields =
    "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
    "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id "
    "x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher "
    "x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port "
    "time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start "
    "sc-range-end";

constexpr std::string_view kCloudFrontLine =
    "2024-05-02\t01:42:39\tNRT57-P1\t2390\t2001:db8::7\tGET\td111111abcdef8.cloudfront.net\t"
    "/wp-admin/install.php\t200\thttps://www.example.com/a%20b\t"
    "Mozilla/5.0%20(X11;%20Linux%20x86_64)%2520rv\tstep=1&x=%3Cscript%3E\tsession=a%3Db\tMiss\t"
    "EXAMPLEid123==\twww.example.com\thttps\t321\t0.338\t203.0.113.9,%20198.51.100.1\tTLSv1.3\t"
    "TLS_AES_128_GCM_SHA256\tMiss\tHTTP/2.0\t-\t-\t55123\t0.301\tMiss\ttext/html\t2000\t-\t-";

TEST(W3cCloudFront, StandardLogLine) {
  ParserHarness f("cloudfront");
  ASSERT_EQ(f.feed("#Version: 1.0"), LineResult::meta);
  ASSERT_EQ(f.feed(kCloudFrontFields), LineResult::meta);
  ASSERT_EQ(f.feed(kCloudFrontLine), LineResult::event) << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2024-05-02T01:42:39Z");
  EXPECT_FALSE(ev.offset_assumed);
  EXPECT_EQ(f.extra("x-edge-location"), "NRT57-P1");
  EXPECT_EQ(ev.bytes_total, 2390);
  EXPECT_EQ(ev.client_ip, "2001:db8::7");
  EXPECT_EQ(ev.method, "GET");
  EXPECT_EQ(ev.vhost, "www.example.com");  // x-host-header, not the distribution name
  EXPECT_EQ(f.extra("cs(Host)"), "d111111abcdef8.cloudfront.net");
  EXPECT_EQ(ev.path, "/wp-admin/install.php");
  EXPECT_EQ(ev.status, 200);
  EXPECT_EQ(ev.referer, "https://www.example.com/a b");
  // Decoded once: the doubly encoded part stays encoded once.
  EXPECT_EQ(ev.user_agent, "Mozilla/5.0 (X11; Linux x86_64)%20rv");
  EXPECT_EQ(ev.query, "step=1&x=%3Cscript%3E");  // as sent
  EXPECT_EQ(f.extra("cs(Cookie)"), "session=a%3Db");
  EXPECT_EQ(ev.bytes_received, 321);
  EXPECT_EQ(ev.duration_us, 338000);  // CloudFront: seconds
  EXPECT_EQ(ev.forwarded_for, "203.0.113.9, 198.51.100.1");
  EXPECT_EQ(ev.protocol, "HTTP/2.0");
  EXPECT_EQ(ev.client_port, 55123);
  EXPECT_EQ(f.extra("time-to-first-byte"), "0.301");
  EXPECT_EQ(f.extra("fle-status"), "<absent>");
}

TEST(W3cCloudFront, DefaultLayoutWithoutHeaderAndOlderPrefixes) {
  ParserHarness f("cloudfront");
  ASSERT_EQ(f.feed(kCloudFrontLine), LineResult::event) << f.error();
  EXPECT_EQ(f.ev.client_port, 55123);
  // An early 12-field line reads against the first twelve default fields.
  ASSERT_EQ(f.feed("2014-05-23\t01:13:11\tFRA2\t182\t192.0.2.10\tGET\td111111abcdef8.cloudfront.net"
                   "\t/view/my/file.html\t200\twww.example.com\tMozilla/4.0%20(compatible)\t-"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.path, "/view/my/file.html");
  EXPECT_EQ(f.feed("2014-05-23\t01:13:11\tFRA2\t182\t192.0.2.10\tGET"), LineResult::bad);
  // Space-separated lines are not CloudFront's.
  EXPECT_EQ(f.feed("2024-03-01 10:00:00 192.0.2.7 GET / 200"), LineResult::bad);
}

TEST(W3cNative, CommaSeparatedLocalTime) {
  ParserHarness f("iis_native", "Asia/Tokyo");
  ASSERT_EQ(f.feed("192.0.2.33, -, 3/20/24, 7:55:20, W3SVC2, WEB1, 198.51.100.7, 4502, 163, "
                   "3223, 200, 0, GET, /DeptLogo.gif, -,"),
            LineResult::event)
      << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2024-03-19T22:55:20Z");
  EXPECT_EQ(ev.utc_offset_s, 9 * 3600);
  EXPECT_TRUE(ev.offset_assumed);
  EXPECT_EQ(ev.client_ip, "192.0.2.33");
  EXPECT_TRUE(ev.user.empty());
  EXPECT_EQ(f.extra("s-sitename"), "W3SVC2");
  EXPECT_EQ(ev.host, "WEB1");
  EXPECT_EQ(ev.server_ip, "198.51.100.7");
  EXPECT_EQ(ev.duration_us, 4502000);
  EXPECT_EQ(ev.bytes_received, 163);
  EXPECT_EQ(ev.bytes_total, 3223);
  EXPECT_EQ(ev.status, 200);
  EXPECT_EQ(f.extra("sc-win32-status"), "0");
  EXPECT_EQ(ev.method, "GET");
  EXPECT_EQ(ev.path, "/DeptLogo.gif");
  EXPECT_TRUE(ev.query.empty());

  ASSERT_EQ(f.feed("192.0.2.33, EXAMPLE\\bob, 12/31/2023, 23:59:59, W3SVC1, WEB1, 198.51.100.7, "
                   "15, 300, 900, 401, 5, POST, /login.asp, user=bob&x=1,"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.user, "EXAMPLE\\bob");
  EXPECT_EQ(f.ev.query, "user=bob&x=1");
  EXPECT_EQ(f.ev.request_target, "/login.asp?user=bob&x=1");

  EXPECT_EQ(f.feed("192.0.2.33, -, 2024-03-20, 7:55:20, W3SVC2, WEB1, 198.51.100.7, 4502, 163, "
                   "3223, 200, 0, GET, /x, -,"),
            LineResult::bad);
  EXPECT_EQ(f.feed("192.0.2.33, -, 3/20/24, 7:55:20"), LineResult::bad);
  EXPECT_EQ(f.feed("192.0.2.33, -, 3/20/24, 7:55:20, W3SVC2, WEB1, 198.51.100.7, x, 163, 3223, "
                   "200, 0, GET, /x, -,"),
            LineResult::bad);
}

Detection detect(const std::vector<std::string_view>& sample) {
  return shodo::testing::detect(sample, "/var/log/sample.log");
}

TEST(W3cDetect, EachPresetPicksItsOwnSample) {
  const std::string cf_fields(kCloudFrontFields);
  const std::string cf_line(kCloudFrontLine);
  EXPECT_EQ(detect({"#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0",
                    "#Date: 2024-03-01 00:00:00", kIisFields,
                    "2024-03-01 00:00:01 198.51.100.10 GET / - 443 - 203.0.113.5 "
                    "Mozilla/5.0+(Windows) - 200 0 0 15",
                    "2024-03-01 00:00:02 198.51.100.10 POST /login.aspx - 443 - 203.0.113.5 "
                    "Mozilla/5.0+(Windows) https://example.com/ 302 0 0 31"})
                .choice.name,
            "iis");
  EXPECT_EQ(detect({"2024-03-01 00:00:01 198.51.100.10 GET / - 443 - 203.0.113.5 curl/8 - 200 0 "
                    "0 15"})
                .choice.name,
            "iis");
  EXPECT_EQ(detect({"#Version: 1.0", cf_fields, cf_line, cf_line}).choice.name, "cloudfront");
  EXPECT_EQ(detect({cf_line}).choice.name, "cloudfront");
  EXPECT_EQ(detect({"192.0.2.33, -, 3/20/24, 7:55:20, W3SVC2, WEB1, 198.51.100.7, 4502, 163, "
                    "3223, 200, 0, GET, /DeptLogo.gif, -,"})
                .choice.name,
            "iis_native");
}

TEST(W3cDetect, DoesNotClaimOtherFormats) {
  // A combined access log line and a JSON line are not W3C.
  ParserHarness iis("iis"), cf("cloudfront"), native("iis_native");
  for (ParserHarness* f : {&iis, &cf, &native}) {
    EXPECT_EQ(f->feed("192.0.2.1 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" 200 2326 "
                      "\"-\" \"curl/8\""),
              LineResult::bad);
    EXPECT_EQ(f->feed("{\"remote_addr\":\"192.0.2.1\",\"status\":200}"), LineResult::bad);
    EXPECT_EQ(f->feed("http 2024-05-01T12:00:00.123456Z app/my-lb/50dc6c495c0c9188 "
                      "192.0.2.10:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "
                      "\"GET http://www.example.com:80/ HTTP/1.1\" \"curl/8\" - -"),
              LineResult::bad);
  }
}

}  // namespace
}  // namespace shodo::ingest

// JSON lines access logs (preset "json").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::detect;
using shodo::testing::ParserHarness;

TEST(JsonLines, NginxEscapeJsonLine) {
  ParserHarness f("json");
  ASSERT_EQ(f.feed(R"({"time_local":"10/Oct/2023:13:55:36 +0900","remote_addr":"192.0.2.10",)"
                   R"("remote_user":"-","request":"POST /wp-login.php?redirect_to=%2F HTTP/1.1",)"
                   R"("status":"302","body_bytes_sent":"0","bytes_sent":"512",)"
                   R"("request_length":"734","request_time":"0.012",)"
                   R"("http_referer":"https://example.com/wp-login.php",)"
                   R"j("http_user_agent":"Mozilla/5.0 (X11; Linux x86_64)",)j"
                   R"("http_x_forwarded_for":"203.0.113.50, 198.51.100.3","host":"example.com",)"
                   R"("server_protocol":"HTTP/1.1","upstream_response_time":"0.011"})"),
            LineResult::event)
      << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2023-10-10T04:55:36Z");
  EXPECT_EQ(ev.utc_offset_s, 9 * 3600);
  EXPECT_FALSE(ev.offset_assumed);
  EXPECT_EQ(ev.client_ip, "192.0.2.10");
  EXPECT_TRUE(ev.user.empty());
  EXPECT_EQ(ev.method, "POST");
  EXPECT_EQ(ev.request_target, "/wp-login.php?redirect_to=%2F");
  EXPECT_EQ(ev.path, "/wp-login.php");
  EXPECT_EQ(ev.query, "redirect_to=%2F");
  EXPECT_EQ(ev.protocol, "HTTP/1.1");
  EXPECT_EQ(ev.status, 302);
  EXPECT_EQ(ev.bytes_sent, 0);
  EXPECT_EQ(ev.bytes_total, 512);
  EXPECT_EQ(ev.bytes_received, 734);
  EXPECT_EQ(ev.duration_us, 12000);
  EXPECT_EQ(ev.referer, "https://example.com/wp-login.php");
  EXPECT_EQ(ev.user_agent, "Mozilla/5.0 (X11; Linux x86_64)");
  EXPECT_EQ(ev.forwarded_for, "203.0.113.50, 198.51.100.3");
  EXPECT_EQ(ev.vhost, "example.com");
  EXPECT_EQ(f.extra("upstream_response_time"), "0.011");
  EXPECT_TRUE(ev.message.empty());
}

TEST(JsonLines, NginxSplitVariablesAndTimes) {
  ParserHarness f("json");
  ASSERT_EQ(f.feed(R"({"time_iso8601":"2024-01-02T03:04:05+00:00","request_method":"GET",)"
                   R"("request_uri":"/a/b?c=d","uri":"/index.php","args":"c=d",)"
                   R"("server_name":"_","http_host":"www.example.com","msec":"1704164645.123",)"
                   R"("remote_port":"51000","server_addr":"198.51.100.1","server_port":"443"})"),
            LineResult::event)
      << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2024-01-02T03:04:05Z");
  EXPECT_EQ(f.extra("msec"), "1704164645.123");  // a second time loses to the first
  EXPECT_EQ(ev.method, "GET");
  // The raw request_uri wins over Nginx's rewritten $uri, which is kept.
  EXPECT_EQ(ev.request_target, "/a/b?c=d");
  EXPECT_EQ(ev.path, "/a/b");
  EXPECT_EQ(f.extra("uri"), "/index.php");
  EXPECT_EQ(ev.query, "c=d");
  EXPECT_EQ(ev.vhost, "www.example.com");  // $http_host beats $server_name
  EXPECT_EQ(f.extra("server_name"), "_");
  EXPECT_EQ(ev.client_port, 51000);
  EXPECT_EQ(ev.server_ip, "198.51.100.1");
  EXPECT_EQ(ev.server_port, 443);

  ASSERT_EQ(f.feed(R"({"msec":1704164645.5,"uri":"/x"})"), LineResult::event);
  EXPECT_EQ(f.time(), "2024-01-02T03:04:05.500Z");
  EXPECT_EQ(f.ev.request_target, "/x");
  EXPECT_EQ(f.ev.path, "/x");
}

TEST(JsonLines, EcsDottedAndNested) {
  ParserHarness f("json");
  ASSERT_EQ(f.feed(R"({"@timestamp":"2024-02-03T04:05:06.789Z","source.ip":"2001:db8::1",)"
                   R"("source.port":40000,"http.request.method":"DELETE",)"
                   R"("url.original":"/api/items/7?force=1","http.response.status_code":204,)"
                   R"("user_agent.original":"python-requests/2.31","event.duration":1500000})"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-02-03T04:05:06.789Z");
  EXPECT_EQ(f.ev.client_ip, "2001:db8::1");
  EXPECT_EQ(f.ev.client_port, 40000);
  EXPECT_EQ(f.ev.method, "DELETE");
  EXPECT_EQ(f.ev.path, "/api/items/7");
  EXPECT_EQ(f.ev.query, "force=1");
  EXPECT_EQ(f.ev.status, 204);
  EXPECT_EQ(f.ev.user_agent, "python-requests/2.31");
  EXPECT_EQ(f.ev.duration_us, 1500);  // ECS durations are nanoseconds

  ASSERT_EQ(f.feed(R"({"@timestamp":"2024-02-03T04:05:06Z","source":{"ip":"192.0.2.5",)"
                   R"("geo":{"country_iso_code":"JP"}},"http":{"request":{"method":"GET"},)"
                   R"("response":{"status_code":200,"body":{"bytes":42}},"version":"1.1"},)"
                   R"("url":{"path":"/","domain":"example.com"},"host":{"name":"web-1"},)"
                   R"("tags":["a","b"],"labels":{}})"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.client_ip, "192.0.2.5");
  EXPECT_EQ(f.extra("source.geo.country_iso_code"), "JP");
  EXPECT_EQ(f.ev.method, "GET");
  EXPECT_EQ(f.ev.status, 200);
  EXPECT_EQ(f.ev.bytes_sent, 42);
  EXPECT_EQ(f.ev.protocol, "1.1");
  EXPECT_EQ(f.ev.path, "/");
  EXPECT_EQ(f.ev.vhost, "example.com");
  EXPECT_EQ(f.ev.host, "web-1");
  EXPECT_EQ(f.extra("tags"), R"(["a","b"])");
}

TEST(JsonLines, W3cAndCloudFrontNames) {
  ParserHarness f("json");
  ASSERT_EQ(f.feed(R"({"date":"2024-05-02","time":"01:42:39","c-ip":"192.0.2.9",)"
                   R"("cs-method":"GET","cs-uri-stem":"/index.html","cs-uri-query":"a=1",)"
                   R"j("sc-status":"404","sc-bytes":"100","cs(User-Agent)":"curl/8",)j"
                   R"("time-taken":"0.250","x-host-header":"www.example.com",)"
                   R"("cs-host":"d111111abcdef8.cloudfront.net"})"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-05-02T01:42:39Z");
  EXPECT_FALSE(f.ev.offset_assumed);
  EXPECT_EQ(f.ev.client_ip, "192.0.2.9");
  EXPECT_EQ(f.ev.request_target, "/index.html?a=1");
  EXPECT_EQ(f.ev.status, 404);
  EXPECT_EQ(f.ev.bytes_total, 100);
  EXPECT_EQ(f.ev.user_agent, "curl/8");
  EXPECT_EQ(f.ev.duration_us, 250000);  // a fraction: seconds
  EXPECT_EQ(f.ev.vhost, "www.example.com");
  EXPECT_EQ(f.extra("cs-host"), "d111111abcdef8.cloudfront.net");

  ASSERT_EQ(f.feed(R"({"date":"2024-05-02","c-ip":"192.0.2.9","time-taken":"15"})"),
            LineResult::event);
  EXPECT_FALSE(f.ev.has_time());  // a date alone is no time; it is kept
  EXPECT_EQ(f.extra("date"), "2024-05-02");
  EXPECT_EQ(f.ev.duration_us, 15000);  // whole: milliseconds
}

TEST(JsonLines, CommonVariants) {
  ParserHarness f("json");
  ASSERT_EQ(
      f.feed(R"({"ts":1714564800,"clientIP":"192.0.2.1","userAgent":"ua/1",)"
             R"("referrer":"https://example.com/","method":"PUT","path":"/upload",)"
             R"("query":"x=1","status_code":201,"bytes":10,"latency":"12ms","level":"info"})"),
      LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00Z");
  EXPECT_EQ(f.ev.client_ip, "192.0.2.1");
  EXPECT_EQ(f.ev.user_agent, "ua/1");
  EXPECT_EQ(f.ev.referer, "https://example.com/");
  EXPECT_EQ(f.ev.method, "PUT");
  EXPECT_EQ(f.ev.path, "/upload");
  EXPECT_EQ(f.ev.query, "x=1");
  EXPECT_EQ(f.ev.request_target, "/upload?x=1");
  EXPECT_EQ(f.ev.status, 201);
  EXPECT_EQ(f.ev.bytes_sent, 10);
  EXPECT_EQ(f.ev.duration_us, 12000);
  EXPECT_EQ(f.ev.level, "info");

  ASSERT_EQ(f.feed(R"({"timestamp":"10/Oct/2023:13:55:36 +0000","ip":"192.0.2.2",)"
                   R"("url":"https://shop.example.com:8443/cart?id=9","ua":"x","duration":0.5})"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2023-10-10T13:55:36Z");
  EXPECT_EQ(f.ev.vhost, "shop.example.com");
  EXPECT_EQ(f.ev.server_port, 8443);
  EXPECT_EQ(f.ev.request_target, "/cart?id=9");
  EXPECT_EQ(f.ev.path, "/cart");
  EXPECT_EQ(f.ev.query, "id=9");
  EXPECT_EQ(f.ev.duration_us, 500000);
}

TEST(JsonLines, EpochUnitsByMagnitude) {
  ParserHarness f("json");
  const char* lines[] = {
      R"({"time":1714564800})",
      R"({"time":"1714564800.25"})",
      R"({"time":1714564800250})",
      R"({"time":"1714564800250000"})",
      R"({"time":1714564800250000000})",
      R"({"@timestamp":"2024-05-01T12:00:00.250Z"})",
      R"({"time":"2024-05-01 12:00:00.25Z"})",
  };
  const char* want[] = {
      "2024-05-01T12:00:00Z",     "2024-05-01T12:00:00.250Z", "2024-05-01T12:00:00.250Z",
      "2024-05-01T12:00:00.250Z", "2024-05-01T12:00:00.250Z", "2024-05-01T12:00:00.250Z",
      "2024-05-01T12:00:00.250Z",
  };
  for (size_t i = 0; i < std::size(lines); ++i) {
    ASSERT_EQ(f.feed(lines[i]), LineResult::event) << lines[i];
    EXPECT_EQ(f.time(), want[i]) << lines[i];
    EXPECT_EQ(f.ev.utc_offset_s, 0);
    EXPECT_FALSE(f.ev.offset_assumed);
  }
  // A time without an offset is read in the file's zone.
  ParserHarness tokyo("json", "Asia/Tokyo");
  ASSERT_EQ(tokyo.feed(R"({"time":"2024-05-01T21:00:00"})"), LineResult::event);
  EXPECT_EQ(tokyo.time(), "2024-05-01T12:00:00Z");
  EXPECT_TRUE(tokyo.ev.offset_assumed);
  // Not a time: kept as an extra, the event stands.
  ASSERT_EQ(f.feed(R"({"time":"yesterday","status":200})"), LineResult::event);
  EXPECT_FALSE(f.ev.has_time());
  EXPECT_EQ(f.extra("time"), "yesterday");
}

TEST(JsonLines, BadLines) {
  ParserHarness f("json");
  const char* bad[] = {
      "[1,2,3]",
      "\"just a string\"",
      "42",
      "null",
      "{\"a\":1",
      "{\"a\":1,}",
      "{\"a\":1} trailing",
      "{\"a\":1}{\"b\":2}",
      "{\"a\":tru}",
      "{\"a\":12abc}",
      "{\"a\":01}",
      "{\"a\":\"\\q\"}",
      "{\"a\":\"\\u12\"}",
      "{'a':1}",
      "not json at all",
      "#Fields: date time",
  };
  for (const char* line : bad) {
    EXPECT_EQ(f.feed(line), LineResult::bad) << line;
    EXPECT_FALSE(f.error().empty()) << line;
  }
  EXPECT_EQ(f.feed("[1]"), LineResult::bad);
  EXPECT_EQ(f.error(), "not a JSON object");
  EXPECT_EQ(f.feed(""), LineResult::meta);
  EXPECT_EQ(f.feed("   "), LineResult::meta);
}

TEST(JsonLines, ObjectWithoutWebKeysIsStillAnEvent) {
  ParserHarness f("json");
  const std::string_view line = R"({"service":"billing","ok":true,"n":-1.5e3,"none":null})";
  ASSERT_EQ(f.feed(line), LineResult::event);
  EXPECT_EQ(f.ev.message, line);
  EXPECT_EQ(f.extra("service"), "billing");
  EXPECT_EQ(f.extra("ok"), "true");
  EXPECT_EQ(f.extra("n"), "-1.5e3");
  EXPECT_EQ(f.extra("none"), "<absent>");
  ASSERT_EQ(f.feed("{}"), LineResult::event);
  EXPECT_EQ(f.ev.message, "{}");
}

TEST(JsonLines, StringEscapesAndRawBytes) {
  ParserHarness f("json");
  ASSERT_EQ(f.feed(R"({"request":"GET /a\"b\\c\u00e9\ud83d\ude00\ud800 HTTP/1.1","k\u0065y":"v"})"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.path, "/a\"b\\c\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD");
  EXPECT_EQ(f.extra("key"), "v");
  // Nginx without escape=json writes \xHH.
  ASSERT_EQ(f.feed(R"({"http_user_agent":"say \x22hi\x22"})"), LineResult::event);
  EXPECT_EQ(f.ev.user_agent, "say \"hi\"");
  // Invalid UTF-8 inside strings is kept byte for byte.
  const std::string raw = "{\"request\":\"GET /\xff\xfe\xc3( HTTP/1.1\",\"x\xff\":\"\xe9t\xe9\"}";
  ASSERT_EQ(f.feed(raw), LineResult::event) << f.error();
  EXPECT_EQ(f.ev.path, "/\xff\xfe\xc3(");
  EXPECT_EQ(f.extra("x\xff"), "\xe9t\xe9");
  // Outside strings it is still not JSON.
  EXPECT_EQ(f.feed("{\"a\":\xff}"), LineResult::bad);
  // A NUL inside a string is a raw control character: not JSON.
  const char nul[] = "{\"a\":\"x\0y\"}";
  EXPECT_EQ(f.feed(std::string_view(nul, sizeof nul - 1)), LineResult::bad);
  // Escaped NUL is fine.
  ASSERT_EQ(f.feed(R"({"a":"x\u0000y"})"), LineResult::event);
  EXPECT_EQ(f.extra("a"), std::string("x\0y", 3));
  // A byte order mark before the first object.
  ASSERT_EQ(f.feed("\xEF\xBB\xBF{\"status\":200}"), LineResult::event);
  EXPECT_EQ(f.ev.status, 200);
}

TEST(JsonLines, HostileInput) {
  ParserHarness f("json");
  // Deep nesting: flattened a few levels, then kept as text; never recursion.
  const std::string deep_obj = [] {
    std::string s;
    for (int i = 0; i < 50; ++i) s += "{\"k\":";
    s += "1";
    for (int i = 0; i < 50; ++i) s += "}";
    return s;
  }();
  ASSERT_EQ(f.feed(deep_obj), LineResult::event) << f.error();
  ASSERT_EQ(f.ev.extra.size(), 1u);
  EXPECT_EQ(f.ev.extra[0].first, "k.k.k.k.k.k.k.k");
  const std::string deep_array =
      "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  ASSERT_EQ(f.feed(deep_array), LineResult::event) << f.error();
  EXPECT_EQ(f.extra("a").size(), 200000u);
  const std::string unbalanced = "{\"a\":" + std::string(100000, '[') + "}";
  EXPECT_EQ(f.feed(unbalanced), LineResult::bad);
  // Numbers too large for their field are kept as extras.
  ASSERT_EQ(
      f.feed(R"({"status":99999999999999999999999,"bytes":1e400,"time":-5,"remote_port":70000})"),
      LineResult::event);
  EXPECT_EQ(f.ev.status, -1);
  EXPECT_EQ(f.extra("status"), "99999999999999999999999");
  EXPECT_EQ(f.extra("bytes"), "1e400");
  EXPECT_EQ(f.ev.client_port, -1);
  EXPECT_FALSE(f.ev.has_time());
  // A long line.
  const std::string long_line = "{\"path\":\"/" + std::string(500000, 'a') + "\"}";
  ASSERT_EQ(f.feed(long_line), LineResult::event);
  EXPECT_EQ(f.ev.path.size(), 500001u);
  // Truncated at every length: never a crash.
  const std::string whole = R"({"a":{"b":[1,"x\"y",{"c":null}]},"request":"GET / HTTP/1.1"})";
  for (size_t n = 0; n < whole.size(); ++n) {
    const std::string part = whole.substr(0, n);
    const LineResult r = f.feed(part);
    EXPECT_TRUE(r == LineResult::bad || (n == 0 && r == LineResult::meta)) << part;
  }
}

TEST(JsonLines, RequestLineThatIsNotOne) {
  ParserHarness f("json");
  ASSERT_EQ(f.feed(R"({"request":"\u0016\u0003\u0001\u0002\u0000\u0001","status":400})"),
            LineResult::event);
  EXPECT_TRUE(f.ev.method.empty());
  EXPECT_EQ(f.extra("request"), "\x16\x03\x01\x02" + std::string(1, '\0') + "\x01");
  EXPECT_EQ(f.ev.status, 400);
}

TEST(JsonLines, CloneIsIndependent) {
  ParserHarness f("json");
  auto copy = f.parser->clone();
  ASSERT_TRUE(copy);
  EXPECT_FALSE(copy->sequential());
  Event ev;
  Arena arena;
  ParseContext ctx;
  ctx.arena = &arena;
  const std::string_view line = R"({"status":"500"})";
  ASSERT_EQ(copy->parse(line, ev, ctx), LineResult::event);
  EXPECT_EQ(ev.status, 500);
}

TEST(JsonLines, DetectedAndNotStealing) {
  const Detection d = detect({R"({"remote_addr":"192.0.2.1","status":200})",
                              R"({"remote_addr":"192.0.2.2","status":404})"},
                             "access.json");
  EXPECT_EQ(d.choice.name, "json");
  ParserHarness f("json");
  EXPECT_EQ(f.feed("192.0.2.1 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" 200 2326"),
            LineResult::bad);
  EXPECT_EQ(f.feed("2024-03-01 00:00:01 198.51.100.10 GET / - 443 - 203.0.113.5 - - 200 0 0 15"),
            LineResult::bad);
}

}  // namespace
}  // namespace shodo::ingest

// Nginx log_format: variables, ${} syntax, escape= modes, nginx.conf quoting.
#include <gtest/gtest.h>

#include <string>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::LineHarness;
using shodo::testing::nginx_format;
using shodo::testing::preset;
using shodo::testing::utc;

constexpr std::string_view kCombinedFormat =
    R"($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")";

TEST(NginxFormat, DefaultCombined) {
  LineHarness h("Asia/Tokyo");
  auto p = nginx_format(kCombinedFormat);
  ASSERT_EQ(
      h.feed(
          *p,
          R"(203.0.113.7 - - [02/Jan/2024:03:04:05 +0900] "GET /wp-login.php?x=\x22y\x22 HTTP/1.1" 404 153 "-" "Mozilla/5.0 \x22bot\x22 \x5C")"),
      LineResult::event)
      << h.error();
  EXPECT_EQ(h.ev.client_ip, "203.0.113.7");
  EXPECT_TRUE(h.ev.user.empty());
  EXPECT_EQ(h.ev.time, utc(2024, 1, 1, 18, 4, 5));
  EXPECT_EQ(h.ev.utc_offset_s, 9 * 3600);
  EXPECT_EQ(h.ev.method, "GET");
  EXPECT_EQ(h.ev.path, "/wp-login.php");
  EXPECT_EQ(h.ev.query, "x=\"y\"");
  EXPECT_EQ(h.ev.status, 404);
  EXPECT_EQ(h.ev.bytes_sent, 153);
  EXPECT_TRUE(h.ev.referer.empty());
  EXPECT_EQ(h.ev.user_agent, "Mozilla/5.0 \"bot\" \\");
  // The same lines parse under the combined preset.
  auto c = preset("combined");
  ASSERT_EQ(
      h.feed(
          *c,
          R"(203.0.113.7 - - [02/Jan/2024:03:04:05 +0900] "GET / HTTP/1.1" 200 1 "-" "a \x22b\x22")"),
      LineResult::event);
  EXPECT_EQ(h.ev.user_agent, "a \"b\"");
}

TEST(NginxFormat, MainPresetCarriesForwardedFor) {
  LineHarness h;
  auto p = preset("nginx_main");
  ASSERT_EQ(
      h.feed(
          *p,
          R"(192.0.2.10 - bob [02/Jan/2024:03:04:05 +0000] "POST /xmlrpc.php HTTP/1.1" 200 370 "-" "curl/8.0" "203.0.113.1, 198.51.100.2")"),
      LineResult::event);
  EXPECT_EQ(h.ev.user, "bob");
  EXPECT_EQ(h.ev.forwarded_for, "203.0.113.1, 198.51.100.2");
  ASSERT_EQ(
      h.feed(*p,
             R"(192.0.2.10 - - [02/Jan/2024:03:04:05 +0000] "GET / HTTP/1.1" 200 1 "-" "-" "-")"),
      LineResult::event);
  EXPECT_TRUE(h.ev.forwarded_for.empty());
  EXPECT_TRUE(h.ev.user_agent.empty());
}

TEST(NginxFormat, EveryKnownVariable) {
  LineHarness h;
  auto p = nginx_format(
      "$remote_addr $realip_remote_addr $remote_port $server_addr $server_port $server_name "
      "$host $http_host $scheme $request_method $request_uri $uri $document_uri $args "
      "$query_string $is_args $server_protocol $status $body_bytes_sent $bytes_sent "
      "$request_length $request_time $upstream_response_time $upstream_addr $upstream_status "
      "$pid $connection $connection_requests $pipe $gzip_ratio $ssl_protocol $ssl_cipher "
      "$request_id $hostname $msec");
  const std::string line =
      "192.0.2.1 198.51.100.9 50432 203.0.113.2 443 example.com www.example.com "
      "www.example.com:443 https GET /a/b?c=1 /a/b /a/b c=1 c=1 ? HTTP/2.0 201 1200 1500 "
      "640 0.123 0.100, 0.020 192.0.2.50:9000, 192.0.2.51:9000 502, 201 "
      "1234 88 3 p 2.50 TLSv1.3 TLS_AES_128_GCM_SHA256 4f2a9c web01 1704164645.678";
  ASSERT_EQ(h.feed(*p, line), LineResult::event) << h.error();
  const Event& ev = h.ev;
  EXPECT_EQ(ev.client_ip, "192.0.2.1");
  EXPECT_EQ(h.get("realip_remote_addr"), "198.51.100.9");
  EXPECT_EQ(ev.client_port, 50432);
  EXPECT_EQ(ev.server_ip, "203.0.113.2");
  EXPECT_EQ(ev.server_port, 443);
  EXPECT_EQ(ev.vhost, "example.com");                 // $server_name over $host over $http_host
  EXPECT_EQ(h.get("nginx.host"), "www.example.com");  // "host" is host.name
  EXPECT_EQ(h.get("http.request.headers.host"), "www.example.com:443");
  EXPECT_EQ(h.get("scheme"), "https");
  EXPECT_EQ(ev.method, "GET");
  EXPECT_EQ(ev.request_target, "/a/b?c=1");  // $request_uri over $uri and $args
  EXPECT_EQ(ev.path, "/a/b");
  EXPECT_EQ(ev.query, "c=1");
  EXPECT_EQ(h.get("uri"), "/a/b");
  EXPECT_EQ(h.get("document_uri"), "/a/b");
  EXPECT_EQ(h.get("args"), "c=1");
  EXPECT_EQ(h.get("query_string"), "c=1");
  EXPECT_EQ(h.get("is_args"), "?");
  EXPECT_EQ(ev.protocol, "HTTP/2.0");
  EXPECT_EQ(ev.status, 201);
  EXPECT_EQ(ev.bytes_sent, 1200);
  EXPECT_EQ(ev.bytes_total, 1500);
  EXPECT_EQ(ev.bytes_received, 640);
  EXPECT_EQ(ev.duration_us, 123000);
  EXPECT_EQ(h.get("upstream_response_time"), "0.100, 0.020");
  EXPECT_EQ(h.get("upstream_addr"), "192.0.2.50:9000, 192.0.2.51:9000");
  EXPECT_EQ(h.get("upstream_status"), "502, 201");
  EXPECT_EQ(ev.pid, 1234);
  EXPECT_EQ(h.get("connection"), "88");
  EXPECT_EQ(h.get("connection_requests"), "3");
  EXPECT_EQ(h.get("pipe"), "p");
  EXPECT_EQ(h.get("gzip_ratio"), "2.50");
  EXPECT_EQ(h.get("ssl_protocol"), "TLSv1.3");
  EXPECT_EQ(h.get("ssl_cipher"), "TLS_AES_128_GCM_SHA256");
  EXPECT_EQ(h.get("request_id"), "4f2a9c");
  EXPECT_EQ(ev.host, "web01");
  EXPECT_EQ(ev.time, utc(2024, 1, 2, 3, 4, 5) + 678000);
  EXPECT_FALSE(ev.offset_assumed);
}

TEST(NginxFormat, RequestLineWinsOverItsParts) {
  LineHarness h;
  auto p = nginx_format(R"("$request" $request_method $uri $server_protocol $request_uri)");
  ASSERT_EQ(h.feed(*p, R"("GET /x?y=1 HTTP/1.1" GET /x HTTP/1.1 /x?y=1)"), LineResult::event);
  EXPECT_EQ(h.ev.request_target, "/x?y=1");
  EXPECT_EQ(h.get("request_method"), "GET");
  EXPECT_EQ(h.get("request_uri"), "/x?y=1");
  // An empty request (a connection closed before sending one) is flagged.
  ASSERT_EQ(h.feed(*p, R"("" - - - -)"), LineResult::event);
  EXPECT_EQ(h.get("request.malformed"), "true");
  EXPECT_TRUE(h.ev.method.empty());
}

TEST(NginxFormat, HeaderCookieAndArgumentVariables) {
  LineHarness h;
  auto p = nginx_format(
      R"("$http_referer" "$http_user_agent" "$http_x_forwarded_for" "$http_x_real_ip" )"
      R"("$sent_http_content_type" "$cookie_PHPSESSID" "$arg_page" "$upstream_http_server")");
  ASSERT_EQ(h.feed(*p, R"("https://example.jp/" "UA" "198.51.100.3" "198.51.100.4" )"
                       R"("text/html" "abc" "2" "gunicorn")"),
            LineResult::event);
  EXPECT_EQ(h.ev.referer, "https://example.jp/");
  EXPECT_EQ(h.ev.user_agent, "UA");
  EXPECT_EQ(h.ev.forwarded_for, "198.51.100.3");
  EXPECT_EQ(h.get("http.request.headers.x-real-ip"), "198.51.100.4");
  EXPECT_EQ(h.get("http.response.headers.content-type"), "text/html");
  EXPECT_EQ(h.get("cookie.PHPSESSID"), "abc");
  EXPECT_EQ(h.get("arg.page"), "2");
  EXPECT_EQ(h.get("upstream_http_server"), "gunicorn");
}

TEST(NginxFormat, BracedVariablesAndTimes) {
  LineHarness h("Europe/Paris");
  auto p = nginx_format("${remote_addr}:${remote_port} ${request_time}s $time_local|$time_iso8601");
  ASSERT_EQ(
      h.feed(*p, "192.0.2.1:4433 0.005s 02/Jan/2024:03:04:05 +0100|2024-01-02T03:04:05+01:00"),
      LineResult::event)
      << h.error();
  EXPECT_EQ(h.ev.client_port, 4433);
  EXPECT_EQ(h.ev.duration_us, 5000);
  EXPECT_EQ(h.ev.time, utc(2024, 1, 2, 2, 4, 5));
  // $time_local without its brackets, and a local ISO time read in the zone.
  auto q = nginx_format("$time_iso8601 $status");
  ASSERT_EQ(h.feed(*q, "2024-07-01T12:00:00 200"), LineResult::event);
  EXPECT_EQ(h.ev.time, utc(2024, 7, 1, 10, 0, 0));
  EXPECT_TRUE(h.ev.offset_assumed);
  EXPECT_EQ(h.ev.utc_offset_s, 2 * 3600);
}

TEST(NginxFormat, UriIsArgsArgsIsTheTarget) {
  LineHarness h;
  auto p = nginx_format("$request_method $uri$is_args$args $status");
  ASSERT_EQ(h.feed(*p, "GET /index.php?p=1 200"), LineResult::event) << h.error();
  EXPECT_EQ(h.ev.request_target, "/index.php?p=1");
  EXPECT_EQ(h.ev.path, "/index.php");
  EXPECT_EQ(h.ev.query, "p=1");
  auto q = nginx_format("$document_uri$is_args$query_string");
  ASSERT_EQ(h.feed(*q, "/a"), LineResult::event);
  EXPECT_EQ(h.ev.path, "/a");
}

TEST(NginxFormat, JsonEscape) {
  LineHarness h;
  auto p = nginx_format(
      R"(escape=json '{"time":"$time_iso8601","ip":"$remote_addr","request":"$request",')"
      R"( '"status":$status,"ua":"$http_user_agent","ref":"$http_referer"}')");
  ASSERT_EQ(
      h.feed(
          *p,
          R"({"time":"2024-01-02T03:04:05+09:00","ip":"2001:db8::7","request":"GET /?q=\"x\"\\ HTTP/1.1","status":200,"ua":"caf\u00e9 \"bot\"\n","ref":""})"),
      LineResult::event)
      << h.error();
  EXPECT_EQ(h.ev.client_ip, "2001:db8::7");
  EXPECT_EQ(h.ev.query, "q=\"x\"\\");
  EXPECT_EQ(h.ev.status, 200);
  EXPECT_EQ(h.ev.user_agent, "caf\xC3\xA9 \"bot\"\n");
  EXPECT_TRUE(h.ev.referer.empty());
  EXPECT_EQ(h.ev.time, utc(2024, 1, 1, 18, 4, 5));
  EXPECT_EQ(h.feed(*p, R"({"time":"2024-01-02T03:04:05+09:00","ip":"2001:db8::7"})"),
            LineResult::bad);
  // The bare value, as the escape parameter's word.
  auto q = nginx_format(R"(json '{"ip":"$remote_addr"}')");
  ASSERT_EQ(h.feed(*q, R"({"ip":"192.0.2.1"})"), LineResult::event);
  EXPECT_EQ(h.ev.client_ip, "192.0.2.1");
}

TEST(NginxFormat, EscapeNoneAndDefault) {
  LineHarness h;
  auto none = nginx_format(R"(escape=none '"$http_user_agent" $status')");
  // Nothing is escaped: a backslash before the closing quote is text.
  ASSERT_EQ(h.feed(*none, R"("raw \x22 a"b \" 200)"), LineResult::event);
  EXPECT_EQ(h.ev.user_agent, R"(raw \x22 a"b \)");
  auto def = nginx_format(R"(escape=default '"$http_user_agent" $status')");
  ASSERT_EQ(h.feed(*def, R"("raw \x22 \xE3\x81\x82" 200)"), LineResult::event);
  EXPECT_EQ(h.ev.user_agent, "raw \" \xE3\x81\x82");
  std::string err;
  EXPECT_FALSE(make_nginx_format_parser("escape=xml '$status'", err));
  EXPECT_NE(err.find("escape=xml"), std::string::npos);
}

TEST(NginxFormat, ConfPiecesAndDirective) {
  LineHarness h;
  const std::string_view line =
      R"(192.0.2.1 - - [02/Jan/2024:03:04:05 +0000] "GET / HTTP/1.1" 200 1 "-" "it's")";
  for (
      std::string_view f : {
          std::string_view(
              R"('$remote_addr - $remote_user [$time_local] "$request" ' '$status $body_bytes_sent "$http_referer" "$http_user_agent"')"),
          std::string_view(
              R"(log_format main '$remote_addr - $remote_user [$time_local] ')"
              R"("\"$request\" $status " '$body_bytes_sent "$http_referer" "$http_user_agent"';)"),
          kCombinedFormat,
      }) {
    SCOPED_TRACE(f);
    auto p = nginx_format(f);
    ASSERT_TRUE(p);
    ASSERT_EQ(h.feed(*p, line), LineResult::event) << h.error();
    EXPECT_EQ(h.ev.user_agent, "it's");
    EXPECT_EQ(h.ev.status, 200);
  }
}

TEST(NginxFormat, CompileErrors) {
  std::string err;
  EXPECT_FALSE(make_nginx_format_parser("$remote_addr ${status", err));
  EXPECT_NE(err.find("unclosed ${"), std::string::npos);
  EXPECT_FALSE(make_nginx_format_parser("$remote_addr $ x", err));
  EXPECT_NE(err.find("invalid variable name"), std::string::npos);
  EXPECT_FALSE(make_nginx_format_parser("${bad-name}", err));
  EXPECT_FALSE(make_nginx_format_parser("$status$body_bytes_sent", err));
  EXPECT_NE(err.find("$status and $body_bytes_sent"), std::string::npos);
  EXPECT_FALSE(make_nginx_format_parser("only text", err));
}

TEST(NginxFormat, BadValues) {
  LineHarness h;
  auto p = nginx_format("$remote_addr $status $body_bytes_sent $request_time $remote_port");
  EXPECT_EQ(h.feed(*p, "192.0.2.1 200 5 0.001 80"), LineResult::event);
  EXPECT_EQ(h.feed(*p, "192.0.2.1 2000 5 0.001 80"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad status");
  EXPECT_EQ(h.feed(*p, "192.0.2.1 200 -5 0.001 80"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad size");
  EXPECT_EQ(h.feed(*p, "192.0.2.1 200 5 .001 80"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad duration");
  EXPECT_EQ(h.feed(*p, "192.0.2.1 200 5 0.001 http"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad port");
  // "-" is an absent value everywhere.
  ASSERT_EQ(h.feed(*p, "- - - - -"), LineResult::event);
  EXPECT_TRUE(h.ev.client_ip.empty());
  EXPECT_EQ(h.ev.status, -1);
  EXPECT_EQ(h.ev.bytes_sent, -1);
  EXPECT_EQ(h.ev.duration_us, -1);
  EXPECT_EQ(h.ev.client_port, -1);
}

}  // namespace
}  // namespace shodo::ingest

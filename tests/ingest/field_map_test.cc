// User field maps (--log-format map:FILE) for JSON, CSV and TSV logs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"
#include "support/temp_dir.h"

namespace shodo::ingest {
namespace {

using shodo::testing::field_map;
using shodo::testing::ParserHarness;

// Writes a map file and builds its parser; on failure returns nullptr and
// leaves the message in `error`.
class Maps {
 public:
  std::unique_ptr<LineParser> make(std::string_view map_json, std::string& error) {
    const std::string path = dir_.write("map" + std::to_string(n_++) + ".json", map_json);
    return make_field_map_parser(path, error);
  }
  std::string error_of(std::string_view map_json) {
    std::string error;
    auto p = make(map_json, error);
    EXPECT_FALSE(p) << map_json;
    return error;
  }

 private:
  shodo::testing::TempDir dir_;
  int n_ = 0;
};

std::string share(std::string_view name) {
  return std::string(SHODO_TEST_DATA) + "/../../share/field-maps/" + std::string(name);
}

TEST(FieldMap, MapFileErrorsSayWhatAndWhere) {
  Maps m;
  auto has = [&](std::string_view map, std::string_view text) {
    const std::string e = m.error_of(map);
    EXPECT_NE(e.find(text), std::string::npos) << "map: " << map << "\nerror: " << e;
    EXPECT_NE(e.find("field map "), std::string::npos) << e;
  };
  has("{\"format\": \"json\",\n \"fields\": {\"source.ip\": }}", "line 2");
  has("[1, 2]", "must be a JSON object, not array");
  // A number nlohmann cannot hold is a parse failure too (fuzz_log_template).
  has(R"({"format": "json", "fields": {"source.ip": 7777e777}})", "not valid JSON");
  has(R"({"fields": {"source.ip": "ip"}})", "\"format\" is missing");
  has(R"({"format": "xml", "fields": {"source.ip": "ip"}})", "\"format\" must be");
  has(R"({"format": "json", "fileds": {}})", "unknown key \"fileds\"");
  has(R"({"format": "json", "header": true, "fields": {"source.ip": "ip"}})",
      "\"header\" applies to csv and tsv maps only");
  has(R"({"format": "csv", "header": "yes", "fields": {"source.ip": "ip"}})",
      "\"header\" must be true or false");
  has(R"({"format": "csv", "fields": {"source.ip": "ip"}})", "needs \"header\": true");
  has(R"({"format": "csv", "header": true, "columns": ["ip"], "fields": {"source.ip": "ip"}})",
      "not both");
  has(R"({"format": "csv", "columns": ["ip", ""], "fields": {"source.ip": "ip"}})",
      "\"columns\"[1] must be a non-empty string");
  has(R"({"format": "csv", "columns": ["ip", "ip"], "fields": {"source.ip": "ip"}})",
      "names \"ip\" twice");
  has(R"({"format": "csv", "columns": ["ip"], "fields": {"source.ip": "addr"}})",
      "\"addr\" is not one of \"columns\"");
  has(R"({"format": "json", "fields": {"client.address.v4": "ip"}})",
      "\"fields\".\"client.address.v4\" is not a shodo field");
  has(R"({"format": "json", "fields": {"source.ip": 7}})",
      "\"fields\".\"source.ip\" must be a non-empty string naming a source key, not 7");
  has(R"({"format": "json", "fields": {"event.original": "line"}})", "cannot be mapped");
  has(R"({"format": "json", "fields": {"source.ip": "ip", "c-ip": "addr"}})",
      "source.ip is mapped twice");
  has(R"({"format": "json", "fields": {"source.ip": "ip", "user.name": "ip"}})",
      "\"ip\" is the source of two fields");
  has(R"({"format": "json", "time": {"field": "t", "format": "rfc2822"}})",
      "\"time\".format must be one of \"iso8601\", \"clf\", \"epoch_s\"");
  has(R"({"format": "json", "time": {"field": "t", "fmt": "clf"}})", "unknown key \"fmt\"");
  has(R"({"format": "json", "time": "t"})", "\"time\" must be an object");
  has(R"({"format": "json", "time": {"format": "clf"}})", "\"time\".field must be");
  has(R"({"format": "json", "fields": {"@timestamp": "t"}, "time": {"field": "u", "format": "clf"}})",
      "@timestamp is mapped twice");
  has(R"({"format": "json", "duration": {"field": "d", "unit": "minutes"}})",
      "\"duration\".unit must be one of \"s\", \"ms\", \"us\" or \"ns\"");
  has(R"({"format": "json", "fields": {"source.ip": "ip"}, "url_decode": "ua"})",
      "\"url_decode\" must be an array");
  has(R"({"format": "json"})", "maps no field");

  std::string error;
  EXPECT_FALSE(make_field_map_parser("/nonexistent/map.json", error));
  EXPECT_NE(error.find("cannot read field map /nonexistent/map.json"), std::string::npos) << error;

  ParserChoice choice = parser_for_spec("map:/nonexistent/map.json", error);
  EXPECT_FALSE(choice.parser);
}

TEST(FieldMap, JsonWithNestedKeysAndTimeFormat) {
  Maps m;
  std::string error;
  auto p = m.make(R"({"format": "json",
      "fields": {"source.ip": "client.addr", "http.request.method": "req.verb",
                 "url.original": "req.url", "http.response.status_code": "code"},
      "time": {"field": "start_ns", "format": "epoch_ns"},
      "duration": {"field": "took", "unit": "us"},
      "url_decode": ["agent"]})",
                  error);
  ASSERT_TRUE(p) << error;
  EXPECT_FALSE(p->sequential());
  ParserHarness f(std::move(p));
  ASSERT_EQ(f.feed(R"({"start_ns":1714564800123456789,"client":{"addr":"192.0.2.8","asn":64500},)"
                   R"("req":{"verb":"GET","url":"/s?q=1"},"code":"418","took":2500,)"
                   R"j("agent":"Mozilla%2F5.0%20(X11)","status":"ignored"})j"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00.123456Z");
  EXPECT_EQ(f.ev.client_ip, "192.0.2.8");
  EXPECT_EQ(f.extra("client.asn"), "64500");
  EXPECT_EQ(f.ev.method, "GET");
  EXPECT_EQ(f.ev.path, "/s");
  EXPECT_EQ(f.ev.query, "q=1");
  EXPECT_EQ(f.ev.status, 418);
  EXPECT_EQ(f.ev.duration_us, 2500);
  // Unmapped keys are extras even when they look like a known name.
  EXPECT_EQ(f.extra("status"), "ignored");
  EXPECT_EQ(f.extra("agent"), "Mozilla/5.0 (X11)");
  // The map promised nanoseconds.
  EXPECT_EQ(f.feed(R"({"start_ns":"soon","code":"200"})"), LineResult::bad);
  EXPECT_EQ(f.error(), "bad time");
  EXPECT_EQ(f.feed(R"({"code":"2xx"})"), LineResult::bad);
  EXPECT_EQ(f.error(), "bad status");
  EXPECT_EQ(f.feed("not json"), LineResult::bad);
  EXPECT_EQ(f.feed(""), LineResult::meta);
}

TEST(FieldMap, CsvWithHeaderAndQuoting) {
  Maps m;
  std::string error;
  auto p = m.make(R"({"format": "csv", "header": true,
      "fields": {"source.ip": "ip", "user_agent.original": "ua", "url.original": "uri",
                 "http.response.status_code": "status"},
      "time": {"field": "when", "format": "iso8601"}})",
                  error);
  ASSERT_TRUE(p) << error;
  EXPECT_TRUE(p->sequential());
  ParserHarness f(std::move(p));
  ASSERT_EQ(f.feed("when,ip,uri,status,ua,note"), LineResult::meta);
  ASSERT_EQ(f.feed("2024-05-01T12:00:00Z,192.0.2.1,/a?b=1,200,\"Mozilla/5.0 (X11, Linux)\","
                   "\"say \"\"hi\"\"\""),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00Z");
  EXPECT_EQ(f.ev.client_ip, "192.0.2.1");
  EXPECT_EQ(f.ev.request_target, "/a?b=1");
  EXPECT_EQ(f.ev.path, "/a");
  EXPECT_EQ(f.ev.status, 200);
  EXPECT_EQ(f.ev.user_agent, "Mozilla/5.0 (X11, Linux)");
  EXPECT_EQ(f.extra("note"), "say \"hi\"");

  // A clone keeps the columns the header gave.
  auto copy = f.parser->clone();
  ParserHarness g(std::move(copy));
  ASSERT_EQ(g.feed("2024-05-01T12:00:01Z,192.0.2.2,/,404,-,"), LineResult::event) << g.error();
  EXPECT_EQ(g.ev.status, 404);
  EXPECT_TRUE(g.ev.user_agent.empty());
  EXPECT_EQ(g.extra("note"), "<absent>");

  // Concatenated files repeat the header.
  EXPECT_EQ(f.feed("when,ip,uri,status,ua,note"), LineResult::meta);
  EXPECT_EQ(f.feed("2024-05-01T12:00:00Z,192.0.2.1,\"/a,1,200,x,y"), LineResult::bad);
  EXPECT_NE(f.error().find("quoted line break"), std::string_view::npos) << f.error();
  EXPECT_EQ(f.feed("2024-05-01T12:00:00Z,192.0.2.1,\"/a\"x,200,x,y"), LineResult::bad);
  EXPECT_EQ(f.error(), "text after a closing quote");
  EXPECT_EQ(f.feed("2024-05-01T12:00:00Z,192.0.2.1,/a,200"), LineResult::bad);
  EXPECT_EQ(f.error(), "column count differs from the header line");
  EXPECT_EQ(f.feed("01/05/2024,192.0.2.1,/a,200,x,y"), LineResult::bad);
  EXPECT_EQ(f.error(), "bad time");
}

TEST(FieldMap, TsvWithColumns) {
  Maps m;
  std::string error;
  auto p = m.make(R"({"format": "tsv", "columns": ["t", "ip", "method", "path", "bytes"],
      "fields": {"@timestamp": "t", "c-ip": "ip", "cs-method": "method", "cs-uri-stem": "path",
                 "http.response.bytes": "bytes"}})",
                  error);
  ASSERT_TRUE(p) << error;
  EXPECT_FALSE(p->sequential());
  ParserHarness f(std::move(p));
  ASSERT_EQ(f.feed("1714564800\t192.0.2.3\tGET\t/\"quoted\"\t77"), LineResult::event) << f.error();
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00Z");
  EXPECT_EQ(f.ev.client_ip, "192.0.2.3");
  EXPECT_EQ(f.ev.path, "/\"quoted\"");  // TSV has no quoting
  EXPECT_EQ(f.ev.bytes_total, 77);
  EXPECT_EQ(f.feed("1714564800\t192.0.2.3\tGET"), LineResult::bad);
  EXPECT_EQ(f.error(), "column count differs from the map's \"columns\"");
}

TEST(FieldMap, CloudflareLogpushExample) {
  auto p = field_map(share("cloudflare-logpush.json"));
  ASSERT_TRUE(p);
  ParserHarness f(std::move(p));
  ASSERT_EQ(
      f.feed(R"({"ClientIP":"203.0.113.7","ClientRequestHost":"www.example.com",)"
             R"("ClientRequestMethod":"GET","ClientRequestURI":"/wp-login.php?action=register",)"
             R"("ClientRequestProtocol":"HTTP/2","ClientRequestUserAgent":"curl/8.4.0",)"
             R"("ClientRequestReferer":"","ClientSrcPort":51234,"EdgeResponseStatus":403,)"
             R"("EdgeResponseBytes":1234,"EdgeStartTimestamp":"2024-05-01T12:00:00Z",)"
             R"("RayID":"8a1b2c3d4e5f6789","WAFAction":"block"})"),
      LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00Z");
  EXPECT_EQ(f.ev.client_ip, "203.0.113.7");
  EXPECT_EQ(f.ev.client_port, 51234);
  EXPECT_EQ(f.ev.vhost, "www.example.com");
  EXPECT_EQ(f.ev.method, "GET");
  EXPECT_EQ(f.ev.request_target, "/wp-login.php?action=register");
  EXPECT_EQ(f.ev.path, "/wp-login.php");
  EXPECT_EQ(f.ev.query, "action=register");
  EXPECT_EQ(f.ev.protocol, "HTTP/2");
  EXPECT_EQ(f.ev.user_agent, "curl/8.4.0");
  EXPECT_TRUE(f.ev.referer.empty());
  EXPECT_EQ(f.ev.status, 403);
  EXPECT_EQ(f.ev.bytes_total, 1234);
  EXPECT_EQ(f.extra("RayID"), "8a1b2c3d4e5f6789");
  EXPECT_EQ(f.extra("WAFAction"), "block");
  // Jobs set to Unix nanoseconds.
  ASSERT_EQ(f.feed(R"({"ClientIP":"203.0.113.7","EdgeStartTimestamp":1714564800123456789})"),
            LineResult::event);
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00.123456Z");
}

TEST(FieldMap, AkamaiDataStream2Example) {
  auto p = field_map(share("akamai-datastream2.json"));
  ASSERT_TRUE(p);
  ParserHarness f(std::move(p));
  ASSERT_EQ(f.feed(R"({"version":1,"cp":"123456","reqId":"1239f220","reqTimeSec":"1714564800.250",)"
                   R"("bytes":"4995","cliIP":"198.51.100.23","statusCode":"206","proto":"HTTPS",)"
                   R"("reqHost":"www.example.com","reqMethod":"GET","reqPath":"/video/a.mp4",)"
                   R"j("reqPort":"443","UA":"Mozilla%2F5.0%20(Macintosh)","totalBytes":"5230",)j"
                   R"("queryStr":"t=1%202","referer":"https%3A%2F%2Fwww.example.com%2F",)"
                   R"("xForwardedFor":"192.0.2.44","turnAroundTimeMSec":"11","country":"US"})"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00.250Z");
  EXPECT_EQ(f.ev.client_ip, "198.51.100.23");
  EXPECT_EQ(f.ev.status, 206);
  EXPECT_EQ(f.ev.vhost, "www.example.com");
  EXPECT_EQ(f.ev.server_port, 443);
  EXPECT_EQ(f.ev.method, "GET");
  EXPECT_EQ(f.ev.path, "/video/a.mp4");
  EXPECT_EQ(f.ev.query, "t=1%202");  // as sent
  EXPECT_EQ(f.ev.request_target, "/video/a.mp4?t=1%202");
  EXPECT_EQ(f.ev.user_agent, "Mozilla/5.0 (Macintosh)");
  EXPECT_EQ(f.ev.referer, "https://www.example.com/");
  EXPECT_EQ(f.ev.forwarded_for, "192.0.2.44");
  EXPECT_EQ(f.ev.bytes_sent, 4995);
  EXPECT_EQ(f.ev.bytes_total, 5230);
  EXPECT_EQ(f.ev.duration_us, 11000);
  EXPECT_EQ(f.extra("country"), "US");
  EXPECT_EQ(f.extra("version"), "1");
}

TEST(FieldMap, ParserForSpec) {
  std::string error;
  shodo::testing::TempDir dir;
  const std::string path = dir.write("m.json", R"({"format":"json","fields":{"ip":"addr"}})");
  ParserChoice choice = parser_for_spec("map:" + path, error);
  ASSERT_TRUE(choice.parser) << error;
  EXPECT_EQ(choice.kind, LogKind::web_access);
  ParserHarness f(std::move(choice.parser));
  ASSERT_EQ(f.feed(R"({"addr":"192.0.2.77"})"), LineResult::event);
  EXPECT_EQ(f.ev.client_ip, "192.0.2.77");
}

}  // namespace
}  // namespace shodo::ingest

// The template machinery shared by Apache and Nginx formats: escapes,
// strftime reading, field boundaries, slot priorities, the time cache, and
// survival of hostile input.
#include "ingest/formats/template/template.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ingest/formats/registry.h"
#include "ingest/formats/template/escapes.h"
#include "ingest/formats/template/time_fields.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using tpl::Escape;

using shodo::testing::apache_format;
using shodo::testing::LineHarness;
using shodo::testing::nginx_format;
using shodo::testing::preset;

std::string unescape(Escape mode, std::string_view s) {
  Arena arena;
  return std::string(tpl::unescape(mode, s, arena));
}

TEST(TemplateEscapes, Apache) {
  EXPECT_EQ(unescape(Escape::apache, R"(say \"hi\" \\ \x41\x7e\t\n)"), "say \"hi\" \\ A~\t\n");
  EXPECT_EQ(unescape(Escape::apache, R"(\x16\x03\x01)"), "\x16\x03\x01");
  EXPECT_EQ(unescape(Escape::apache, R"(\b\v\r)"), "\b\v\r");
  // Malformed escapes stay as written.
  EXPECT_EQ(unescape(Escape::apache, R"(\x4 \xZZ \q \)"), R"(\x4 \xZZ \q \)");
  EXPECT_EQ(unescape(Escape::apache, R"(\x4)"), R"(\x4)");
}

TEST(TemplateEscapes, Nginx) {
  EXPECT_EQ(unescape(Escape::nginx, R"(\x22quoted\x22 \x5C \xE3\x81\x82)"),
            "\"quoted\" \\ \xE3\x81\x82");
  // Nginx never writes \" itself; if it appears it is text.
  EXPECT_EQ(unescape(Escape::nginx, R"(\" \n)"), R"(\" \n)");
}

TEST(TemplateEscapes, Json) {
  EXPECT_EQ(unescape(Escape::json, R"(a\"b\\c\/d\n\t\r\b\f)"), "a\"b\\c/d\n\t\r\b\f");
  EXPECT_EQ(unescape(Escape::json, R"(\u0041\u00e9\u3042)"), "A\xC3\xA9\xE3\x81\x82");
  EXPECT_EQ(unescape(Escape::json, R"(\ud83d\ude00)"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(unescape(Escape::json, R"(\ud83d!)"), "\xEF\xBF\xBD!");  // lone surrogate
  EXPECT_EQ(unescape(Escape::json, R"(\u12 \x41 \)"), R"(\u12 \x41 \)");
  EXPECT_EQ(unescape(Escape::json, R"(\u0000)"), std::string(1, '\0'));
}

TEST(TemplateEscapes, NeverLongerThanInput) {
  std::mt19937 rng(7);
  const std::string alphabet = "\\xuU0123456789abcdefABCDEFdDn\"/ ";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int i = 0; i < 24; ++i) s += alphabet[rng() % alphabet.size()];
    for (Escape m : {Escape::apache, Escape::nginx, Escape::json})
      EXPECT_LE(unescape(m, s).size(), s.size()) << s;
  }
}

TEST(TemplateStrftime, ReadsCommonConversions) {
  struct Case {
    std::string_view pattern, text;
    int y, mo, d, h, mi, s;
    size_t consumed;
  } cases[] = {
      {"%d/%b/%Y:%H:%M:%S", "10/Oct/2000:13:55:36 x", 2000, 10, 10, 13, 55, 36, 20},
      {"%Y-%m-%d %H:%M:%S", "2024-01-02 03:04:05", 2024, 1, 2, 3, 4, 5, 19},
      {"%F %T", "2024-02-29 23:59:60", 2024, 2, 29, 23, 59, 60, 19},
      {"%e %B %y %I:%M %p", " 5 March 99 07:30 PM", 1999, 3, 5, 19, 30, 0, 20},
      {"%a %b %e %H:%M:%S %Y", "Tue Jan  2 03:04:05 2024", 2024, 1, 2, 3, 4, 5, 24},
      {"%A, %d-%h-%y %R", "Tuesday, 02-Jan-24 03:04", 2024, 1, 2, 3, 4, 0, 24},
      {"%Y%m%d%H%M%S", "20240102030405", 2024, 1, 2, 3, 4, 5, 14},
      {"%Y.%j %k:%M", "2024.060 14:05", 2024, 2, 29, 14, 5, 0, 14},
      {"%D %r", "01/02/68 12:00:01 AM", 2068, 1, 2, 0, 0, 1, 20},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    tpl::StrftimeFormat f;
    std::string err;
    ASSERT_TRUE(tpl::compile_strftime(c.pattern, f, err)) << err;
    tpl::TimeParts parts;
    size_t used = 0;
    ASSERT_TRUE(tpl::read_time(tpl::TimeShape::strftime, &f, c.text, parts, used));
    EXPECT_EQ(used, c.consumed);
    Event ev;
    ZoneCache zone;
    ASSERT_TRUE(tpl::finish_time(parts, zone, ev));
    const int64_t want = days_from_civil(c.y, c.mo, c.d) * 86400 + c.h * 3600 + c.mi * 60 + c.s;
    EXPECT_EQ(ev.time, want * 1000000);
  }
}

TEST(TemplateStrftime, OffsetsAndZoneNames) {
  tpl::StrftimeFormat f;
  std::string err;
  ASSERT_TRUE(tpl::compile_strftime("%H:%M:%S %z", f, err));
  tpl::TimeParts parts;
  size_t used = 0;
  ASSERT_TRUE(tpl::read_time(tpl::TimeShape::strftime, &f, "01:02:03 +05:30", parts, used));
  EXPECT_EQ(*parts.civil.utc_offset_s, 5 * 3600 + 1800);
  ASSERT_TRUE(tpl::compile_strftime("%T %Z", f, err));
  parts = {};
  ASSERT_TRUE(tpl::read_time(tpl::TimeShape::strftime, &f, "01:02:03 GMT", parts, used));
  EXPECT_EQ(*parts.civil.utc_offset_s, 0);
  parts = {};
  ASSERT_TRUE(tpl::read_time(tpl::TimeShape::strftime, &f, "01:02:03 JST", parts, used));
  EXPECT_FALSE(parts.civil.utc_offset_s.has_value());  // ambiguous names leave it to the zone
}

TEST(TemplateStrftime, RejectsWhatCannotBeRead) {
  tpl::StrftimeFormat f;
  std::string err;
  EXPECT_FALSE(tpl::compile_strftime("%U", f, err));
  EXPECT_NE(err.find("%U"), std::string::npos);
  EXPECT_FALSE(tpl::compile_strftime("%H:%", f, err));
  ASSERT_TRUE(tpl::compile_strftime("%d/%b/%Y", f, err));
  tpl::TimeParts parts;
  size_t used = 0;
  EXPECT_FALSE(tpl::read_time(tpl::TimeShape::strftime, &f, "10/Xyz/2000", parts, used));
  EXPECT_FALSE(tpl::read_time(tpl::TimeShape::strftime, &f, "10/Oct/20", parts, used));
  EXPECT_FALSE(tpl::read_time(tpl::TimeShape::strftime, &f, "", parts, used));
  ASSERT_TRUE(tpl::read_time(tpl::TimeShape::strftime, &f, "31/Feb/2000", parts, used));
  Event ev;
  ZoneCache zone;
  EXPECT_FALSE(tpl::finish_time(parts, zone, ev));  // no such day
}

TEST(TemplateMatch, FieldsEndAtTheNextLiteral) {
  LineHarness h;
  auto p = apache_format("<%u|%l>> %{X-A}i::%{X-B}i");
  ASSERT_EQ(h.feed(*p, "<alice|ident one>> a b c::to the end: of line"), LineResult::event);
  EXPECT_EQ(h.get("user.name"), "alice");
  EXPECT_EQ(h.get("ident"), "ident one");
  EXPECT_EQ(h.get("http.request.headers.x-a"), "a b c");
  EXPECT_EQ(h.get("http.request.headers.x-b"), "to the end: of line");
  EXPECT_EQ(h.feed(*p, "alice|x>> a::b"), LineResult::bad);  // the leading literal is missing
  EXPECT_EQ(h.error(), "text does not match the format");
  EXPECT_EQ(h.feed(*p, "<alice|x>> a"), LineResult::bad);
  EXPECT_EQ(h.error(), "line cut short");
  EXPECT_EQ(h.feed(*p, "<al"), LineResult::bad);
  EXPECT_EQ(h.error(), "line cut short");
}

TEST(TemplateMatch, QuotedFieldsEndAtAnUnescapedQuote) {
  LineHarness h;
  auto p = apache_format(R"("%{User-Agent}i" "%{Referer}i" %>s)");
  ASSERT_EQ(h.feed(*p, R"("a \"quoted\" \\" "r" 200)"), LineResult::event);
  EXPECT_EQ(h.ev.user_agent, R"(a "quoted" \)");
  // A quote inside that is not followed by the next literal does not end the field.
  ASSERT_EQ(h.feed(*p, R"("say "hi"there" "r" 200)"), LineResult::event);
  EXPECT_EQ(h.ev.user_agent, R"(say "hi"there)");
  ASSERT_EQ(h.feed(*p, R"("" "" 200)"), LineResult::event);
  EXPECT_TRUE(h.ev.user_agent.empty());
  EXPECT_EQ(h.ev.status, 200);
  EXPECT_EQ(h.feed(*p, R"("unterminated \" 200)"), LineResult::bad);
  EXPECT_EQ(h.error(), "line cut short");
}

TEST(TemplateMatch, TrailingTextAndBlankLines) {
  LineHarness h;
  auto p = apache_format(R"(%h "%r")");
  EXPECT_EQ(h.feed(*p, R"(192.0.2.1 "GET / HTTP/1.1")"), LineResult::event);
  EXPECT_EQ(h.feed(*p, R"(192.0.2.1 "GET / HTTP/1.1" more)"), LineResult::bad);
  EXPECT_EQ(h.error(), "trailing text");
  EXPECT_EQ(h.feed(*p, ""), LineResult::meta);
  EXPECT_EQ(h.feed(*p, "  \t "), LineResult::meta);
  // A field that ends the format runs to the end of the line.
  auto q = apache_format("%h %{X-Note}i");
  ASSERT_EQ(h.feed(*q, "192.0.2.1 all the rest"), LineResult::event);
  EXPECT_EQ(h.get("http.request.headers.x-note"), "all the rest");
  // A time decides its own end, so text after it is caught.
  auto t = nginx_format("$remote_addr $time_iso8601");
  EXPECT_EQ(h.feed(*t, "192.0.2.1 2024-01-02T03:04:05Z"), LineResult::event);
  EXPECT_EQ(h.feed(*t, "192.0.2.1 2024-01-02T03:04:05Z x"), LineResult::bad);
  EXPECT_EQ(h.error(), "trailing text");
}

TEST(TemplateMatch, TimesMayContainTheNextLiteral) {
  LineHarness h("Asia/Tokyo");
  auto p = apache_format("%{%Y-%m-%d %H:%M:%S}t %h %>s");
  ASSERT_EQ(h.feed(*p, "2024-01-02 03:04:05 192.0.2.7 200"), LineResult::event);
  EXPECT_EQ(h.ev.client_ip, "192.0.2.7");
  EXPECT_EQ(h.ev.utc_offset_s, 9 * 3600);
  EXPECT_TRUE(h.ev.offset_assumed);
  EXPECT_EQ(h.ev.time, (days_from_civil(2024, 1, 1) * 86400 + 18 * 3600 + 4 * 60 + 5) * 1000000);
  EXPECT_EQ(h.feed(*p, "2024-01-02 03:04 192.0.2.7 200"), LineResult::bad);
  EXPECT_EQ(h.error(), "bad time");
}

TEST(TemplateMatch, AdjacentFieldsNeedATimeFirst) {
  std::string err;
  EXPECT_FALSE(make_apache_format_parser("%h%u", err));
  EXPECT_NE(err.find("%h and %u"), std::string::npos) << err;
  EXPECT_FALSE(make_nginx_format_parser("$remote_addr$remote_user", err));
  EXPECT_FALSE(make_apache_format_parser("plain text", err));
  EXPECT_EQ(err, "the format has no fields");
  // A time knows its own end.
  LineHarness h;
  auto p = apache_format("%{%d/%b/%Y:%H:%M:%S}t%{%z}t %h");
  ASSERT_EQ(h.feed(*p, "10/Oct/2000:13:55:36-0700 192.0.2.1"), LineResult::event);
  EXPECT_EQ(h.ev.utc_offset_s, -7 * 3600);
  EXPECT_EQ(h.ev.time,
            (days_from_civil(2000, 10, 10) * 86400 + 20 * 3600 + 55 * 60 + 36) * 1000000);
}

TEST(TemplateMatch, ListFieldsKeepTheirSeparators) {
  LineHarness h;
  auto p = apache_format(R"(%{X-Forwarded-For}i %l %u %t "%r" %>s %b)");
  ASSERT_EQ(
      h.feed(
          *p,
          R"(203.0.113.9, 198.51.100.2 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 5)"),
      LineResult::event);
  EXPECT_EQ(h.ev.forwarded_for, "203.0.113.9, 198.51.100.2");
  EXPECT_TRUE(h.ev.client_ip.empty());
}

TEST(TemplatePriority, RicherFieldsWinAndTheRestBecomeExtras) {
  LineHarness h;
  auto p = apache_format(R"(%h %a %<s %>s %T %D "%r" %U %{Host}i %v)");
  ASSERT_EQ(
      h.feed(
          *p,
          R"(host.example.com 192.0.2.5 302 200 1 1234567 "GET /a?b HTTP/1.1" /index.php www.example.com:8080 www.example.com)"),
      LineResult::event);
  EXPECT_EQ(h.ev.client_ip, "192.0.2.5");
  EXPECT_EQ(h.get("remote_host"), "host.example.com");
  EXPECT_EQ(h.ev.status, 200);
  EXPECT_EQ(h.get("status.original"), "302");
  EXPECT_EQ(h.ev.duration_us, 1234567);
  EXPECT_EQ(h.get("duration_s"), "1");
  EXPECT_EQ(h.ev.path, "/a");
  EXPECT_EQ(h.get("url_path"), "/index.php");
  EXPECT_EQ(h.ev.vhost, "www.example.com");
  EXPECT_EQ(h.get("http.request.headers.host"), "www.example.com:8080");
}

TEST(TemplateTimeCache, SameTextSameAnswerOtherwiseReadAgain) {
  LineHarness h("Asia/Tokyo");
  auto p = nginx_format("$time_iso8601 $status");
  ASSERT_EQ(h.feed(*p, "2024-01-02T03:04:05 200"), LineResult::event);
  const TimeUs local = h.ev.time;
  EXPECT_TRUE(h.ev.offset_assumed);
  ASSERT_EQ(h.feed(*p, "2024-01-02T03:04:05 404"), LineResult::event);
  EXPECT_EQ(h.ev.time, local);
  EXPECT_EQ(h.ev.status, 404);
  // Same text, but now followed by an offset: must not reuse the cached reading.
  ASSERT_EQ(h.feed(*p, "2024-01-02T03:04:05+00:00 200"), LineResult::event);
  EXPECT_EQ(h.ev.time, local + 9 * 3600 * 1000000LL);
  EXPECT_FALSE(h.ev.offset_assumed);
  ASSERT_EQ(h.feed(*p, "2024-01-02T03:04:05.250+00:00 200"), LineResult::event);
  EXPECT_EQ(h.ev.time, local + 9 * 3600 * 1000000LL + 250000);
  // Another zone for the same parser: read again.
  std::string err;
  auto utc = Zone::locate("UTC", err);
  h.ctx.zone.set_zone(utc.get());
  ASSERT_EQ(h.feed(*p, "2024-01-02T03:04:05 200"), LineResult::event);
  EXPECT_EQ(h.ev.time, local + 9 * 3600 * 1000000LL);
  EXPECT_EQ(h.ev.utc_offset_s, 0);
}

TEST(TemplateTimeCache, CachedBadTimesStayBad) {
  LineHarness h;
  auto p = preset("common");
  const std::string good = R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 5)";
  ASSERT_EQ(h.feed(*p, good), LineResult::event);
  EXPECT_EQ(h.feed(*p, R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -0700 "GET / HTTP/1.1" 200 5)"),
            LineResult::bad);
  EXPECT_EQ(h.feed(*p, R"(192.0.2.1 - - [10/Oct/2000:13:55:36 -07001] "GET / HTTP/1.1" 200 5)"),
            LineResult::bad);
  ASSERT_EQ(h.feed(*p, good), LineResult::event);
}

TEST(TemplateParser, ClonesAreIndependentAndNamesOutliveParsers) {
  LineHarness h;
  std::string err;
  auto p = make_apache_format_parser("%h %{X-Custom-Header}i", err);
  auto c = p->clone();
  p.reset();
  ASSERT_EQ(h.feed(*c, "192.0.2.1 v"), LineResult::event);
  c.reset();
  ASSERT_EQ(h.ev.extra.size(), 1u);
  EXPECT_EQ(h.ev.extra[0].first, "http.request.headers.x-custom-header");
  EXPECT_EQ(h.ev.extra[0].second, "v");
}

// Every preset and a few custom formats against damaged and random input:
// each line must give exactly one answer, bad ones with a reason.
TEST(TemplateHostile, NeverCrashesOnDamagedOrRandomLines) {
  LineHarness h("America/New_York");
  std::vector<std::unique_ptr<LineParser>> parsers;
  for (std::string_view name : {"common", "combined", "xff_combined", "combined_duration",
                                "combinedio", "nginx_main", "vhost_combined"})
    parsers.push_back(preset(name));
  parsers.push_back(nginx_format(
      R"(escape=json '{"t":"$time_iso8601","ip":"$remote_addr","r":"$request","s":$status,"ua":"$http_user_agent"}')"));
  parsers.push_back(apache_format("%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t %a %U%q %{sec}t %{ms}T"));

  const std::vector<std::string> seeds = {
      R"(192.0.2.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a?b=\"c\" HTTP/1.0" 200 2326 "http://example.com/" "Mozilla/4.08 \\ \x22")",
      R"(www.example.com:443 2001:db8::1 - - [02/Jan/2024:03:04:05 +0900] "\x16\x03\x01" 400 0 "-" "-" 12)",
      R"({"t":"2024-01-02T03:04:05+09:00","ip":"192.0.2.1","r":"GET / HTTP/1.1","s":200,"ua":"\u00e9\""})",
      R"(10/Oct/2000 13:55:36.123 -0700 192.0.2.1 /x?y 971211336 12)",
  };
  std::mt19937 rng(12345);
  auto check = [&](std::string_view line) {
    for (auto& p : parsers) {
      h.arena.reset();
      const LineResult r = h.feed(*p, line);
      if (r == LineResult::bad) {
        EXPECT_FALSE(h.error().empty());
      }
    }
  };
  for (const std::string& s : seeds) {
    for (size_t cut = 0; cut <= s.size(); ++cut) check(std::string_view(s).substr(0, cut));
    for (int round = 0; round < 300; ++round) {
      std::string m = s;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits; ++e) {
        const size_t at = rng() % (m.size() + 1);
        switch (rng() % 4) {
          case 0: m.insert(at, 1, static_cast<char>(rng() % 256)); break;
          case 1:
            if (at < m.size()) m[at] = static_cast<char>(rng() % 256);
            break;
          case 2:
            if (at < m.size()) m.erase(at, 1);
            break;
          case 3: m.insert(at, 1, "\"\\ []-\0"[rng() % 7]); break;
        }
      }
      check(m);
    }
  }
  for (int round = 0; round < 500; ++round) {
    std::string r(rng() % 300, '\0');
    for (char& c : r) c = static_cast<char>(rng() % 256);
    check(r);
  }
  // A huge line of quotes and backslashes.
  std::string huge;
  for (int i = 0; i < 200000; ++i) huge += "\\\"\\\\ \"";
  check(huge);
  check(std::string(1 << 20, '\\'));
}

}  // namespace
}  // namespace shodo::ingest

// Syslog files: RFC 3164 (years from the file's mtime), rsyslog's high
// precision form, RFC 5424 with structured data, and detection.
#include <gtest/gtest.h>

#include <random>

#include "ingest/formats/registry.h"
#include "ingest/time/civil.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

int64_t epoch(std::string_view iso) {
  CivilTime t;
  size_t n = 0;
  EXPECT_TRUE(parse_iso8601(iso, t, n)) << iso;
  return civil_to_epoch_seconds(t) - t.utc_offset_s.value_or(0);
}

using shodo::testing::feed_cut_and_mutated;
using shodo::testing::ParserHarness;

// A syslog file last written at `mtime`, read in the zone `tz`.
struct SyslogFile : ParserHarness {
  explicit SyslogFile(std::string_view format, std::string_view tz = "UTC",
                      std::string_view mtime = "2024-06-01T00:00:00Z")
      : ParserHarness(format, tz, "/var/log/syslog", epoch(mtime)) {}
};

TEST(Syslog, Rfc3164WithTagAndPid) {
  SyslogFile h("syslog");
  ASSERT_EQ(h.feed("Jan  2 03:04:05 web1 nginx[1234]: worker started"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-01-02T03:04:05Z");
  EXPECT_TRUE(h.ev.offset_assumed);
  EXPECT_EQ(h.ev.host, "web1");
  EXPECT_EQ(h.ev.process, "nginx");
  EXPECT_EQ(h.ev.pid, 1234);
  EXPECT_EQ(h.ev.message, "worker started");
  EXPECT_EQ(h.ev.kind, LogKind::syslog);
  EXPECT_TRUE(h.ev.level.empty());
}

TEST(Syslog, TagWithoutPidAndMessageWithoutTag) {
  SyslogFile h("syslog");
  ASSERT_EQ(h.feed("Mar 10 12:00:00 web1 kernel: [ 12.345] eth0: link up"), LineResult::event);
  EXPECT_EQ(h.ev.process, "kernel");
  EXPECT_EQ(h.ev.pid, -1);
  EXPECT_EQ(h.ev.message, "[ 12.345] eth0: link up");

  ASSERT_EQ(h.feed("Mar 10 12:00:00 web1 -- MARK --"), LineResult::event);
  EXPECT_TRUE(h.ev.process.empty());
  EXPECT_EQ(h.ev.message, "-- MARK --");

  ASSERT_EQ(h.feed("Mar 10 12:00:00 web1 last message repeated 3 times"), LineResult::event);
  EXPECT_TRUE(h.ev.process.empty());
  EXPECT_EQ(h.ev.message, "last message repeated 3 times");

  // "word:text" is message text, not a tag.
  ASSERT_EQ(h.feed("Mar 10 12:00:00 web1 http://x is down"), LineResult::event);
  EXPECT_TRUE(h.ev.process.empty());
  EXPECT_EQ(h.ev.message, "http://x is down");
}

TEST(Syslog, HostlessLineGoesStraightToTag) {
  SyslogFile h("syslog");
  ASSERT_EQ(h.feed("Mar 10 12:00:00 kernel: Linux version 6.1"), LineResult::event);
  EXPECT_TRUE(h.ev.host.empty());
  EXPECT_EQ(h.ev.process, "kernel");
  EXPECT_EQ(h.ev.message, "Linux version 6.1");
}

TEST(Syslog, LeadingPriGivesFacilitySeverityAndLevel) {
  SyslogFile h("syslog");
  ASSERT_EQ(h.feed("<38>Mar 10 12:00:00 web1 sshd[7]: Server listening"), LineResult::event);
  EXPECT_EQ(h.extra("syslog.facility"), "auth");
  EXPECT_EQ(h.extra("syslog.severity"), "info");
  EXPECT_EQ(h.ev.level, "info");
  ASSERT_EQ(h.feed("<3>Mar 10 12:00:00 web1 app: failed"), LineResult::event);
  EXPECT_EQ(h.extra("syslog.facility"), "kern");
  EXPECT_EQ(h.extra("syslog.severity"), "err");
  EXPECT_EQ(h.ev.level, "error");
}

TEST(Syslog, YearRollsBackAcrossNewYear) {
  // A file last written on 3 January: its December lines are last year's.
  SyslogFile h("syslog", "UTC", "2024-01-03T00:00:00Z");
  ASSERT_EQ(h.feed("Dec 31 23:59:59 web1 app: late"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-12-31T23:59:59Z");
  ASSERT_EQ(h.feed("Jan  1 00:00:00 web1 app: new year"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-01-01T00:00:00Z");
  // Up to a day after the mtime is still this year (clock skew)...
  ASSERT_EQ(h.feed("Jan  3 23:00:00 web1 app: skewed"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-01-03T23:00:00Z");
  // ...later than that can only be last year.
  ASSERT_EQ(h.feed("Jan  5 00:00:00 web1 app: old"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-01-05T00:00:00Z");
}

TEST(Syslog, YearMovesForwardWhenLocalNewYearCameFirst) {
  // 20:00 UTC on 31 December is already 1 January in Tokyo.
  SyslogFile h("syslog", "Asia/Tokyo", "2023-12-31T20:00:00Z");
  ASSERT_EQ(h.feed("Jan  1 04:00:00 web1 app: after midnight"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-12-31T19:00:00Z");
  EXPECT_EQ(h.ev.utc_offset_s, 9 * 3600);
  ASSERT_EQ(h.feed("Dec 31 23:00:00 web1 app: before midnight"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-12-31T14:00:00Z");
}

TEST(Syslog, LeapDayFindsItsYear) {
  SyslogFile h("syslog", "UTC", "2025-03-10T00:00:00Z");
  ASSERT_EQ(h.feed("Feb 29 12:00:00 web1 app: leap"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-02-29T12:00:00Z");
}

TEST(Syslog, LocalTimesUseTheZone) {
  SyslogFile h("syslog", "America/New_York", "2024-08-01T00:00:00Z");
  ASSERT_EQ(h.feed("Jul  4 12:00:00 web1 app: noon"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-07-04T16:00:00Z");
  EXPECT_EQ(h.ev.utc_offset_s, -4 * 3600);
  EXPECT_TRUE(h.ev.offset_assumed);
}

TEST(Syslog, HighPrecisionKeepsItsOwnOffset) {
  SyslogFile h("syslog", "America/New_York");
  ASSERT_EQ(h.feed("2024-01-02T03:04:05.123456+09:00 web1 sshd[99]: hello"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-01-01T18:04:05.123456Z");
  EXPECT_EQ(h.ev.utc_offset_s, 9 * 3600);
  EXPECT_FALSE(h.ev.offset_assumed);
  EXPECT_EQ(h.ev.host, "web1");
  EXPECT_EQ(h.ev.process, "sshd");
  EXPECT_EQ(h.ev.pid, 99);
  ASSERT_EQ(h.feed("2024-01-02T03:04:05Z web1 -- MARK --"), LineResult::event);
  EXPECT_EQ(h.ev.message, "-- MARK --");
  ASSERT_EQ(h.feed("<86>2024-01-02T03:04:05Z web1 CRON[5]: x"), LineResult::event);
  EXPECT_EQ(h.time(), "2024-01-02T03:04:05Z");
  EXPECT_EQ(h.extra("syslog.facility"), "authpriv");
}

TEST(Syslog, MalformedLinesAreBad) {
  SyslogFile h("syslog");
  for (std::string_view line :
       {"hello world", "Jan 32 00:00:00 web1 app: x", "Foo  2 03:04:05 web1 app: x",
        "<999>Jan  2 03:04:05 web1 app: x", "<12Jan  2 03:04:05 web1 app: x", "Jan  2 03:04:05",
        "Jan  2 03:04:05 ", "Jan  2 03:04:05web1 app: x", "2024-01-02 03:04:05 web1 app: x",
        "2024-01-02T25:04:05Z web1 x",
        // RFC 3339 time, a name, no tag: a classic ELB line, not syslog.
        "2015-05-13T23:39:43.945958Z my-lb 192.0.2.20:2817 10.0.0.1:80 0.1"}) {
    EXPECT_EQ(h.feed(line), LineResult::bad) << line;
    EXPECT_FALSE(h.error().empty()) << line;
  }
}

TEST(Syslog, AnyBytesInTheMessageSurvive) {
  SyslogFile h("syslog");
  const std::string line("Jan  2 03:04:05 web1 app: a\0b\xff\xfe", 31);
  ASSERT_EQ(h.feed(line), LineResult::event);
  EXPECT_EQ(h.ev.message, std::string_view("a\0b\xff\xfe", 5));
}

TEST(Syslog5424, FullHeaderAndStructuredData) {
  SyslogFile h("syslog5424");
  ASSERT_EQ(h.feed("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                   "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] "
                   "\xEF\xBB\xBF"
                   "An application event log entry"),
            LineResult::event);
  EXPECT_EQ(h.time(), "2003-10-11T22:14:15.003Z");
  EXPECT_FALSE(h.ev.offset_assumed);
  EXPECT_EQ(h.ev.host, "mymachine.example.com");
  EXPECT_EQ(h.ev.process, "evntslog");
  EXPECT_EQ(h.ev.pid, -1);
  EXPECT_EQ(h.extra("syslog.msgid"), "ID47");
  EXPECT_EQ(h.extra("syslog.facility"), "local4");
  EXPECT_EQ(h.extra("syslog.severity"), "notice");
  EXPECT_EQ(h.ev.level, "notice");
  EXPECT_EQ(h.extra("sd.exampleSDID@32473.iut"), "3");
  EXPECT_EQ(h.extra("sd.exampleSDID@32473.eventSource"), "Application");
  EXPECT_EQ(h.extra("sd.exampleSDID@32473.eventID"), "1011");
  EXPECT_EQ(h.ev.message, "An application event log entry");  // the BOM is gone
}

TEST(Syslog5424, EscapesInParamValues) {
  SyslogFile h("syslog5424");
  ASSERT_EQ(h.feed(R"(<14>1 2024-01-02T03:04:05+09:00 web1 app 4242 - [x@1 q="say \"hi\"" )"
                   R"(b="C:\\temp" r="a\]b" k="keep\n"][y@2 z=""] done)"),
            LineResult::event);
  EXPECT_EQ(h.extra("sd.x@1.q"), "say \"hi\"");
  EXPECT_EQ(h.extra("sd.x@1.b"), "C:\\temp");
  EXPECT_EQ(h.extra("sd.x@1.r"), "a]b");
  EXPECT_EQ(h.extra("sd.x@1.k"), "keep\\n");  // not an escape: both characters stay
  EXPECT_EQ(h.extra("sd.y@2.z"), "");
  EXPECT_EQ(h.ev.pid, 4242);
  EXPECT_EQ(h.ev.utc_offset_s, 9 * 3600);
  EXPECT_EQ(h.ev.message, "done");
}

TEST(Syslog5424, NilValuesAndOddProcIds) {
  SyslogFile h("syslog5424");
  ASSERT_EQ(h.feed("<13>1 - - - - - -"), LineResult::event);
  EXPECT_FALSE(h.ev.has_time());
  EXPECT_TRUE(h.ev.host.empty());
  EXPECT_TRUE(h.ev.process.empty());
  EXPECT_TRUE(h.ev.message.empty());
  ASSERT_EQ(h.feed("<13>1 2024-01-02T03:04:05Z web1 app worker-3 - - text"), LineResult::event);
  EXPECT_EQ(h.ev.pid, -1);
  EXPECT_EQ(h.extra("syslog.procid"), "worker-3");
  EXPECT_EQ(h.ev.message, "text");
}

TEST(Syslog5424, MalformedLinesAreBad) {
  SyslogFile h("syslog5424");
  for (std::string_view line :
       {"<13>1 2024-01-02T03:04:05Z web1 app - -",               // header cut short
        "<13>1 2024-01-02T03:04:05Z web1 app - - [x@1 a=\"1\"",  // no closing ']'
        "<13>1 2024-01-02T03:04:05Z web1 app - - [x@1 a=\"1]",   // unterminated value
        "<13>1 2024-01-02T03:04:05Z web1 app - - [x@1 a=1] m",   // unquoted value
        "<13>1 2024-01-02T03:04:05Z web1 app - - [] m",          // empty SD-ID
        "<13>1 2024-01-02T03:04:05Z web1 app - - -m",            // no space before MSG
        "<13>1 2024-01-02 web1 app - - - m",                     // date only
        "Jan  2 03:04:05 web1 app: RFC 3164 is not 5424"}) {
    EXPECT_EQ(h.feed(line), LineResult::bad) << line;
  }
}

TEST(Syslog5424, TheSyslogPresetReadsItToo) {
  SyslogFile h("syslog");
  ASSERT_EQ(h.feed("<38>1 2024-01-02T03:04:05Z web1 sshd 77 - - Accepted password for alice "
                   "from 192.0.2.10 port 50022 ssh2"),
            LineResult::event);
  EXPECT_EQ(h.ev.process, "sshd");
  EXPECT_EQ(h.ev.pid, 77);
  EXPECT_EQ(h.ev.action, "ssh-login");
  EXPECT_EQ(h.ev.kind, LogKind::auth);
}

Detection detect(const std::vector<std::string_view>& sample, std::string_view path) {
  return shodo::testing::detect(sample, path, epoch("2024-06-01T00:00:00Z"));
}

TEST(SyslogDetect, EachFormIsPicked) {
  EXPECT_EQ(detect({"Jan  2 03:04:05 web1 sshd[1]: Server listening on 0.0.0.0 port 22.",
                    "Jan  2 03:04:06 web1 CRON[2]: (root) CMD (run-parts /etc/cron.hourly)",
                    "Jan  2 03:04:07 web1 kernel: [ 1.0] eth0: link up"},
                   "/var/log/syslog")
                .choice.name,
            "syslog");
  EXPECT_EQ(detect({"2024-01-02T03:04:05.123456+09:00 web1 sshd[1]: Server listening",
                    "2024-01-02T03:04:06.000001+09:00 web1 systemd[1]: Started x."},
                   "/var/log/messages")
                .choice.name,
            "syslog");
  EXPECT_EQ(detect({"<34>1 2024-01-02T03:04:05Z web1 su - ID47 - 'su root' failed",
                    "<165>1 2024-01-02T03:04:06Z web1 app 12 - [a@1 b=\"c\"] hello"},
                   "/var/log/remote.log")
                .choice.name,
            "syslog5424");
}

TEST(SyslogFuzz, NoLineCrashesAnyParser) {
  // Cut and mutated versions of real lines, and random bytes.
  const std::vector<std::string> seeds = {
      "<38>Jan  2 03:04:05 web1 sshd[1]: Accepted password for a from 192.0.2.1 port 2 ssh2",
      "2024-01-02T03:04:05.1+09:00 web1 sudo:  a : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/x",
      "<13>1 2024-01-02T03:04:05Z h a 1 m [x@1 a=\"\\\"\\]\"][y b=\"\"] \xEF\xBB\xBFmsg",
      "Jan  2 03:04:05 h postfix/smtp[1]: ABCDE12345: to=<b@x>, relay=m[192.0.2.1]:25, "
      "delay=1, status=sent (ok)",
      "2024-01-02 03:04:05.123 +0900 [12] 1rAbCd-000123-Ab <= a@x H=h (e) [192.0.2.1]:25 "
      "U=u P=esmtpa A=x:y S=1 T=\"s\\\"t\" for b@x"};
  std::mt19937 rng(12345);
  for (std::string_view format : {"syslog", "syslog5424", "exim"}) {
    SyslogFile h(format);
    feed_cut_and_mutated(h, seeds, rng);
  }
}

}  // namespace
}  // namespace shodo::ingest

// Mail: a generated Postfix log (seeded) with a spam burst from the web
// server's account is "server-sent-spam"; the same log without the burst,
// or with a burst of local deliveries only, is "no-outbound-anomaly".
#include <gtest/gtest.h>

#include <random>

#include "leak/feed.h"
#include "support/temp_dir.h"

namespace shodo::leak {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kMarch1 = 1709251200;  // 2024-03-01T00:00:00Z

struct MailLog {
  std::mt19937 rng{20240308};
  std::string text;
  int next_id = 0;

  static std::string stamp(int64_t t) {
    const std::time_t tt = t;
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000000+00:00", &tm);
    return buf;
  }

  // One message submitted by `uid` and delivered (relay `relay`) to `to`.
  void message(int64_t t, int uid, const char* login, const std::string& to,
               const std::string& relay = "mx.example.net[192.0.2.200]:25",
               const char* status = "sent") {
    char qid[16];
    std::snprintf(qid, sizeof qid, "5A%08X", next_id++);
    const std::string s = stamp(t);
    text += s + " web01 postfix/pickup[3101]: " + qid + ": uid=" + std::to_string(uid) + " from=<" +
            login + ">\n";
    text += s + " web01 postfix/qmgr[1201]: " + qid +
            ": from=<shop@shop.example.jp>, size=3412, nrcpt=1 (queue active)\n";
    text += s + " web01 postfix/smtp[3130]: " + qid + ": to=<" + to + ">, relay=" + relay +
            ", delay=1.1, delays=0.1/0/0.5/0.5, dsn=2.0.0, status=" + status + " (250 ok)\n";
  }

  // A week of order confirmations: 0-2 an hour in shop hours, to customers.
  void usual_week() {
    for (int day = 0; day < 7; ++day) {
      for (int hour = 9; hour < 18; ++hour) {
        const int n = static_cast<int>(rng() % 3);
        for (int i = 0; i < n; ++i) {
          const int64_t t = kMarch1 + day * kDay + hour * 3600 + static_cast<int64_t>(rng() % 3600);
          message(t, 33, "www-data", "customer" + std::to_string(rng() % 300) + "@example.com");
        }
      }
    }
  }
};

Channels channels_of_log(const std::string& text) {
  shodo::testing::TempDir dir;
  const std::string path = dir.write("mail.log", text);
  return testing::channels_of(ingest::expand_inputs({path}), Config{});
}

TEST(LeakMail, SpamBurstFromTheWebUserIsServerSentSpam) {
  MailLog log;
  log.usual_week();
  const int64_t burst = kMarch1 + 7 * kDay + 3 * 3600;  // 2024-03-08 03:00 UTC
  for (int i = 0; i < 600; ++i) {
    log.message(burst + i * 5, 33, "www-data",
                "user" + std::to_string(log.rng() % 100000) + "@example.org",
                "mx.example.org[198.51.100.20]:25", i % 10 == 0 ? "deferred" : "sent");
  }
  const Channels c = channels_of_log(log.text);
  EXPECT_EQ(c.mail.verdict, "server-sent-spam") << c.mail.reason.en;
  ASSERT_FALSE(c.mail.senders.empty());
  const MailSender& s = c.mail.senders[0];
  EXPECT_EQ(s.sender, "uid 33 (www-data)");
  EXPECT_TRUE(s.web_user);
  EXPECT_TRUE(s.anomalous);
  EXPECT_EQ(s.peak_hour, burst * 1000000);
  EXPECT_EQ(s.peak_deliveries, 600u);
  EXPECT_EQ(s.deferred, 60u);
  EXPECT_GE(s.new_recipients_in_peak, 590u);
  EXPECT_LT(s.baseline_per_hour, 2.0);
  ASSERT_EQ(c.mail.citations.size(), 2u);
  EXPECT_LT(c.mail.citations[0].line, c.mail.citations[1].line);
  EXPECT_NE(c.mail.reason.en.find("web server's account"), std::string::npos);
  EXPECT_NE(c.mail.reason.ja.find("Web サーバー"), std::string::npos);
}

TEST(LeakMail, UsualTrafficOrLocalDeliveriesAreNoAnomaly) {
  MailLog usual;
  usual.usual_week();
  EXPECT_EQ(channels_of_log(usual.text).mail.verdict, "no-outbound-anomaly");

  MailLog local = usual;
  const int64_t burst = kMarch1 + 7 * kDay + 3 * 3600;
  for (int i = 0; i < 600; ++i) {  // a mailing to the server's own mailboxes
    local.message(burst + i, 1000, "newsletter", "staff" + std::to_string(i) + "@shop.example.jp",
                  "local");
  }
  const Channels c = channels_of_log(local.text);
  EXPECT_EQ(c.mail.verdict, "no-outbound-anomaly") << c.mail.reason.en;
}

TEST(LeakMail, NoMailEventsIsNoMailLog) {
  const Channels c = ChannelTracker(Config{}).finish();
  EXPECT_EQ(c.mail.verdict, "no-mail-log");
  EXPECT_FALSE(c.mail.reason.en.empty());
  EXPECT_FALSE(c.mail.reason.ja.empty());
}

TEST(LeakMail, DeliveriesBeyondTheBoundAreCounted) {
  Config config;
  config.max_mail_deliveries = 100;
  ChannelTracker t(config);
  for (uint64_t i = 0; i < 1000; ++i) {
    MailEvent e;
    e.time = static_cast<int64_t>(i) * 1000000;
    e.queue_id = "ABCDE1";
    e.action = "mail-delivered";
    e.to = "x@example.org";
    e.relay = "mx[192.0.2.1]:25";
    e.cite = {0, i + 1, i * 10};
    t.observe(e);
  }
  const Channels c = std::move(t).finish();
  EXPECT_EQ(c.mail.deliveries, 100u);
  EXPECT_EQ(c.mail.dropped, 900u);
}

}  // namespace
}  // namespace shodo::leak

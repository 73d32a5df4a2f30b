// Postfix and Sendmail messages in syslog, and Exim's own main log.
#include <gtest/gtest.h>

#include "ingest/event_json.h"
#include "ingest/formats/registry.h"

namespace shodo::ingest {
namespace {

struct Mail {
  explicit Mail(std::string_view format = "syslog",
                std::string_view prefix = "Jan  2 03:04:05 mx1 ")
      : prefix_(prefix) {
    const FormatInfo* f = FormatRegistry::instance().find(format);
    kind = f->kind;
    parser = f->make();
    std::string err;
    zone = Zone::locate("UTC", err);
    file.path = "/var/log/mail.log";
    file.mtime_s = 1717200000;  // 2024-06-01
    file.zone = zone.get();
    ctx.file = &file;
    ctx.arena = &arena;
    ctx.zone.set_zone(zone.get());
  }
  LineResult parse_raw(std::string_view text) {
    line = prefix_;
    line += text;
    ev.clear();
    ev.raw = line;
    ev.kind = kind;
    ctx.error = {};
    return parser->parse(line, ev, ctx);
  }
  const Event& parse(std::string_view text) {
    EXPECT_EQ(parse_raw(text), LineResult::event) << text << ": " << ctx.error;
    return ev;
  }
  std::string extra(std::string_view name) const {
    for (const auto& [k, v] : ev.extra)
      if (k == name) return std::string(v);
    return "<none>";
  }

  std::string prefix_;
  LogKind kind = LogKind::unknown;
  std::unique_ptr<LineParser> parser;
  std::shared_ptr<const Zone> zone;
  FileContext file;
  Arena arena;
  ParseContext ctx;
  std::string line;
  Event ev;
};

TEST(MailPostfix, PickupShowsTheLocalSender) {
  Mail m;
  m.parse("postfix/pickup[1201]: 4BCD12345A: uid=33 from=<www-data>");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
  EXPECT_EQ(m.ev.action, "mail-submitted");
  EXPECT_EQ(m.ev.mail_id, "4BCD12345A");
  EXPECT_EQ(m.ev.mail_from, "www-data");
  EXPECT_EQ(m.extra("mail.uid"), "33");
  EXPECT_EQ(m.ev.process, "postfix/pickup");
}

TEST(MailPostfix, QueueManagerAndDelivery) {
  Mail m;
  m.parse(
      "postfix/qmgr[1202]: 4BCD12345A: from=<www-data@example.com>, size=1234, nrcpt=2 (queue "
      "active)");
  EXPECT_EQ(m.ev.action, "mail-queued");
  EXPECT_EQ(m.ev.mail_from, "www-data@example.com");
  EXPECT_EQ(m.extra("mail.size"), "1234");
  EXPECT_EQ(m.extra("mail.nrcpt"), "2");

  m.parse(
      "postfix/smtp[1203]: 4BCD12345A: to=<bob@example.net>, "
      "relay=mx.example.net[198.51.100.7]:25, "
      "delay=1.5, delays=0.1/0/0.5/0.9, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F8E7D)");
  EXPECT_EQ(m.ev.action, "mail-delivered");
  EXPECT_EQ(m.ev.outcome, "success");
  EXPECT_EQ(m.ev.mail_to, "bob@example.net");
  EXPECT_EQ(m.ev.server_ip, "198.51.100.7");
  EXPECT_EQ(m.ev.server_port, 25);
  EXPECT_EQ(m.ev.duration_us, 1500000);
  EXPECT_EQ(m.extra("mail.relay"), "mx.example.net[198.51.100.7]:25");
  EXPECT_EQ(m.extra("mail.status"), "sent");
  EXPECT_EQ(m.extra("mail.dsn"), "2.0.0");

  m.parse(
      "postfix/smtp[1203]: 4BCD12345A: to=<carol@example.org>, relay=none, delay=300, "
      "delays=0/0/300/0, dsn=4.4.1, status=deferred (connect to mx.example.org[198.51.100.8]:25: "
      "Connection timed out)");
  EXPECT_EQ(m.ev.action, "mail-deferred");
  EXPECT_EQ(m.ev.outcome, "unknown");
  EXPECT_TRUE(m.ev.server_ip.empty());

  m.parse(
      "postfix/smtp[1203]: 4BCD12345A: to=<nobody@example.org>, "
      "relay=mx.example.org[198.51.100.8]:25, "
      "delay=2, dsn=5.1.1, status=bounced (host said: 550 5.1.1 user=nobody unknown)");
  EXPECT_EQ(m.ev.action, "mail-bounced");
  EXPECT_EQ(m.ev.outcome, "failure");
  EXPECT_EQ(m.ev.user, "");  // the free text after the status is not read as fields

  m.parse(
      "postfix/local[1204]: 5C0FFEE123: to=<alice@example.com>, orig_to=<root>, relay=local, "
      "delay=0.02, delays=0.01/0/0/0.01, dsn=2.0.0, status=sent (delivered to mailbox)");
  EXPECT_EQ(m.ev.action, "mail-delivered");
  EXPECT_EQ(m.extra("mail.orig_to"), "root");

  m.parse("postfix/qmgr[1202]: 4BCD12345A: removed");
  EXPECT_EQ(m.ev.action, "mail-removed");
  EXPECT_EQ(m.ev.mail_id, "4BCD12345A");
}

TEST(MailPostfix, SmtpdClients) {
  Mail m;
  m.parse("postfix/smtpd[1300]: connect from unknown[192.0.2.7]");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
  EXPECT_EQ(m.ev.action, "smtp-connect");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.7");
  EXPECT_EQ(m.extra("mail.client_name"), "unknown");
  EXPECT_TRUE(m.ev.mail_id.empty());

  m.parse(
      "postfix/submission/smtpd[1301]: 3F2A1B0C9D: client=mail.example.org[2001:db8::25]:58000, "
      "sasl_method=LOGIN, sasl_username=alice@example.com");
  EXPECT_EQ(m.ev.action, "mail-received");
  EXPECT_EQ(m.ev.mail_id, "3F2A1B0C9D");
  EXPECT_EQ(m.ev.client_ip, "2001:db8::25");
  EXPECT_EQ(m.ev.client_port, 58000);
  EXPECT_EQ(m.ev.user, "alice@example.com");
  EXPECT_EQ(m.extra("mail.sasl_method"), "LOGIN");

  m.parse(
      "postfix/smtpd[1300]: disconnect from unknown[192.0.2.7] ehlo=1 auth=0/1 quit=1 "
      "commands=2/3");
  EXPECT_EQ(m.ev.action, "smtp-disconnect");

  m.parse(
      "postfix/smtpd[1300]: warning: unknown[192.0.2.7]: SASL LOGIN authentication failed: "
      "UGFzc3dvcmQ6");
  EXPECT_EQ(m.ev.action, "smtp-auth-failure");
  EXPECT_EQ(m.ev.outcome, "failure");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.7");
  EXPECT_EQ(m.extra("mail.sasl_method"), "LOGIN");
}

TEST(MailPostfix, Rejections) {
  Mail m;
  m.parse(
      "postfix/smtpd[1300]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 "
      "<victim@example.net>: Relay access denied; from=<spam@example.org> "
      "to=<victim@example.net> proto=ESMTP helo=<x>");
  EXPECT_EQ(m.ev.action, "mail-rejected");
  EXPECT_EQ(m.ev.outcome, "failure");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.7");
  EXPECT_EQ(m.ev.mail_from, "spam@example.org");
  EXPECT_EQ(m.ev.mail_to, "victim@example.net");
  EXPECT_TRUE(m.ev.mail_id.empty());

  m.parse(
      "postfix/cleanup[1302]: 6A1B2C3D4E: milter-reject: END-OF-MESSAGE from "
      "unknown[192.0.2.8]: 5.7.1 Spam; from=<a@example.org> to=<b@example.com> proto=ESMTP");
  EXPECT_EQ(m.ev.action, "mail-rejected");
  EXPECT_EQ(m.ev.mail_id, "6A1B2C3D4E");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.8");
}

TEST(MailPostfix, CleanupAndNearMisses) {
  Mail m;
  m.parse(
      "postfix/cleanup[1302]: 4BCD12345A: message-id=<20240102030405.4BCD12345A@web1.example.com>");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
  EXPECT_EQ(m.ev.mail_id, "4BCD12345A");
  EXPECT_TRUE(m.ev.action.empty());
  EXPECT_EQ(m.extra("mail.message_id"), "20240102030405.4BCD12345A@web1.example.com");

  for (std::string_view text :
       {"postfix/smtpd[1300]: warning: hostname x.example does not resolve to address 192.0.2.9",
        "postfix/master[1]: daemon started -- version 3.6.4, configuration /etc/postfix",
        "postfix/smtpd[1300]: connect from nowhere",
        "postfix/smtpd[1300]: lost connection after AUTH from unknown[192.0.2.7]",
        "myapp[5]: 4BCD12345A: to=<bob@example.net>, status=sent (ok)"}) {
    m.parse(text);
    EXPECT_EQ(m.ev.kind, LogKind::syslog) << text;
    EXPECT_TRUE(m.ev.action.empty()) << text;
    EXPECT_TRUE(m.ev.mail_id.empty()) << text;
  }
}

TEST(MailSendmail, LocalSubmissionAndDelivery) {
  Mail m;
  m.parse(
      "sendmail[2345]: 41AB2c3D012345: from=www-data, size=345, class=0, nrcpts=1, "
      "msgid=<202401020304.41AB2c3D012345@web1.example.com>, relay=www-data@localhost");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
  EXPECT_EQ(m.ev.action, "mail-submitted");
  EXPECT_EQ(m.ev.mail_id, "41AB2c3D012345");
  EXPECT_EQ(m.ev.mail_from, "www-data");
  EXPECT_EQ(m.ev.user, "www-data");
  EXPECT_EQ(m.extra("mail.size"), "345");
  EXPECT_EQ(m.extra("mail.nrcpt"), "1");
  EXPECT_EQ(m.extra("mail.message_id"), "202401020304.41AB2c3D012345@web1.example.com");

  m.parse(
      "sm-mta[2346]: 41AB2c3D012345: to=<bob@example.net>, ctladdr=<www-data@web1.example.com> "
      "(33/33), "
      "delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120345, relay=mx.example.net. "
      "[198.51.100.7], dsn=2.0.0, stat=Sent (Ok: queued as 123)");
  EXPECT_EQ(m.ev.action, "mail-delivered");
  EXPECT_EQ(m.ev.mail_to, "bob@example.net");
  EXPECT_EQ(m.extra("mail.uid"), "33");
  EXPECT_EQ(m.ev.duration_us, 2000000);
  EXPECT_EQ(m.ev.server_ip, "198.51.100.7");
  EXPECT_EQ(m.extra("mail.mailer"), "esmtp");
  EXPECT_EQ(m.extra("mail.status"), "Sent (Ok: queued as 123)");

  m.parse(
      "sm-mta[2347]: 41AB2c3D012345: to=<x@example.org>, delay=1+02:00:00, mailer=esmtp, "
      "dsn=4.0.0, stat=Deferred: Connection refused by mx.example.org.");
  EXPECT_EQ(m.ev.action, "mail-deferred");
  EXPECT_EQ(m.ev.duration_us, 26LL * 3600 * 1000000);
  m.parse(
      "sm-mta[2347]: 41AB2c3D012345: to=<y@example.org>, delay=00:00:01, mailer=esmtp, "
      "dsn=5.1.1, stat=User unknown");
  EXPECT_EQ(m.ev.action, "mail-bounced");
  EXPECT_EQ(m.ev.outcome, "failure");
}

TEST(MailSendmail, RemoteSenderAndRejects) {
  Mail m;
  m.parse(
      "sm-mta[2400]: 41AB2c3D012346: from=<a@example.org>, size=900, class=0, nrcpts=1, "
      "msgid=<x@example.org>, proto=ESMTP, daemon=MTA, relay=mail.example.org [192.0.2.20]");
  EXPECT_EQ(m.ev.action, "mail-received");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.20");
  EXPECT_TRUE(m.ev.user.empty());
  m.parse(
      "sm-mta[2401]: 41AB2c3D012347: ruleset=check_rcpt, arg1=<victim@example.net>, "
      "relay=[192.0.2.21], reject=550 5.7.1 <victim@example.net>... Relaying denied");
  EXPECT_EQ(m.ev.action, "mail-rejected");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.21");
  EXPECT_EQ(m.ev.mail_to, "victim@example.net");
  m.parse("sendmail[2402]: starting daemon (8.17.1): SMTP+queueing@00:10:00");
  EXPECT_TRUE(m.ev.action.empty());
  EXPECT_EQ(m.ev.kind, LogKind::syslog);
}

TEST(MailExim, ArrivalsFromTheWebServerAndSmtp) {
  Mail m("exim", "");
  m.parse(
      "2024-01-02 03:04:05 1rAbCd-000123-Ab <= www-data@web1.example.com U=www-data P=local "
      "S=1234 id=E1rAbCd-000123-Ab@web1.example.com T=\"Your \\\"invoice\\\"\"");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
  EXPECT_EQ(format_utc(m.ev.time), "2024-01-02T03:04:05Z");
  EXPECT_EQ(m.ev.action, "mail-submitted");
  EXPECT_EQ(m.ev.mail_id, "1rAbCd-000123-Ab");
  EXPECT_EQ(m.ev.mail_from, "www-data@web1.example.com");
  EXPECT_EQ(m.ev.user, "www-data");
  EXPECT_EQ(m.extra("mail.protocol"), "local");
  EXPECT_EQ(m.extra("mail.size"), "1234");
  EXPECT_EQ(m.extra("mail.message_id"), "E1rAbCd-000123-Ab@web1.example.com");
  EXPECT_EQ(m.extra("mail.subject"), "Your \\\"invoice\\\"");

  m.parse(
      "2024-01-02 03:04:06.789 +0900 [4321] 1rAbCd-00000000123-AbCd <= alice@example.org "
      "H=mail.example.org (helo.example.org) [192.0.2.30]:41234 I=[203.0.113.5]:587 "
      "P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:alice S=2345 "
      "id=abc@example.org T=\"Hello\" from <alice@example.org> for bob@example.com "
      "carol@example.com");
  EXPECT_EQ(format_utc(m.ev.time), "2024-01-01T18:04:06.789Z");
  EXPECT_EQ(m.ev.utc_offset_s, 9 * 3600);
  EXPECT_EQ(m.ev.pid, 4321);
  EXPECT_EQ(m.ev.mail_id, "1rAbCd-00000000123-AbCd");
  EXPECT_EQ(m.ev.action, "mail-received");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.30");
  EXPECT_EQ(m.ev.client_port, 41234);
  EXPECT_EQ(m.extra("mail.client_name"), "mail.example.org");
  EXPECT_EQ(m.ev.user, "alice");
  EXPECT_EQ(m.extra("mail.auth"), "dovecot_login:alice");
  EXPECT_EQ(m.ev.mail_to, "bob@example.com carol@example.com");

  m.parse(
      "2024-01-02 03:04:07 1rAbCd-000124-Ab <= <> R=1rAbCd-000123-Ab U=Debian-exim P=local S=900");
  EXPECT_TRUE(m.ev.mail_from.empty());
  EXPECT_EQ(m.extra("mail.reference"), "1rAbCd-000123-Ab");
}

TEST(MailExim, Deliveries) {
  Mail m("exim", "2024-01-02 03:04:05 ");
  m.parse(
      "1rAbCd-000123-Ab => bob@example.net R=dnslookup T=remote_smtp H=mx.example.net "
      "[198.51.100.7] X=TLS1.2:ECDHE_RSA:256 C=\"250 OK id=1rXyZ\"");
  EXPECT_EQ(m.ev.action, "mail-delivered");
  EXPECT_EQ(m.ev.outcome, "success");
  EXPECT_EQ(m.ev.mail_to, "bob@example.net");
  EXPECT_EQ(m.ev.server_ip, "198.51.100.7");
  EXPECT_EQ(m.extra("mail.relay"), "mx.example.net");
  EXPECT_EQ(m.extra("mail.router"), "dnslookup");
  EXPECT_EQ(m.extra("mail.transport"), "remote_smtp");
  EXPECT_EQ(m.extra("mail.status"), "250 OK id=1rXyZ");

  m.parse(
      "1rAbCd-000123-Ab -> carol@example.net R=dnslookup T=remote_smtp H=mx.example.net "
      "[198.51.100.7]");
  EXPECT_EQ(m.ev.action, "mail-delivered");
  m.parse("1rAbCd-000123-Ab => alice <alice@example.com> R=local_user T=local_delivery");
  EXPECT_EQ(m.ev.mail_to, "alice");
  EXPECT_EQ(m.extra("mail.orig_to"), "alice@example.com");

  m.parse(
      "1rAbCd-000123-Ab ** nobody@example.org R=dnslookup T=remote_smtp H=mx.example.org "
      "[198.51.100.8]: SMTP error from remote mail server after RCPT TO:<nobody@example.org>: "
      "550 5.1.1 user=unknown");
  EXPECT_EQ(m.ev.action, "mail-bounced");
  EXPECT_EQ(m.ev.outcome, "failure");
  EXPECT_EQ(m.ev.server_ip, "198.51.100.8");
  EXPECT_TRUE(m.ev.user.empty());
  m.parse("1rAbCd-000123-Ab ** bad@@example.org: Unrouteable address");
  EXPECT_EQ(m.ev.action, "mail-bounced");
  EXPECT_EQ(m.ev.mail_to, "bad@@example.org");

  m.parse(
      "1rAbCd-000123-Ab == slow@example.org R=dnslookup T=remote_smtp defer (-44) "
      "H=mx.example.org [198.51.100.9]: SMTP error from remote mail server after RCPT: 451 later");
  EXPECT_EQ(m.ev.action, "mail-deferred");
  m.parse("1rAbCd-000123-Ab *> test@example.org R=dnslookup T=remote_smtp");
  EXPECT_EQ(m.ev.action, "mail-suppressed");
  m.parse("1rAbCd-000123-Ab Completed");
  EXPECT_EQ(m.ev.action, "mail-completed");
  m.parse("1rAbCd-000123-Ab Message is frozen");
  EXPECT_TRUE(m.ev.action.empty());
  EXPECT_EQ(m.ev.mail_id, "1rAbCd-000123-Ab");
}

TEST(MailExim, LinesWithoutAMessageId) {
  Mail m("exim", "2024-01-02 03:04:05 ");
  m.parse(
      "SMTP connection from mail.example.org [192.0.2.40]:50000 I=[203.0.113.5]:25 "
      "(TCP/IP connection count = 1)");
  EXPECT_EQ(m.ev.action, "smtp-connect");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.40");
  EXPECT_EQ(m.ev.client_port, 50000);
  EXPECT_EQ(m.extra("mail.client_name"), "mail.example.org");
  m.parse("SMTP connection from [192.0.2.40]:50000 lost D=12s");
  EXPECT_EQ(m.ev.action, "smtp-disconnect");

  m.parse(
      "dovecot_login authenticator failed for (User) [192.0.2.41]:50001: 535 Incorrect "
      "authentication data (set_id=admin@example.com)");
  EXPECT_EQ(m.ev.action, "smtp-auth-failure");
  EXPECT_EQ(m.ev.outcome, "failure");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.41");
  EXPECT_EQ(m.ev.user, "admin@example.com");
  EXPECT_EQ(m.extra("mail.auth"), "dovecot_login");

  m.parse(
      "H=(helo.example) [192.0.2.42]:50002 F=<spam@example.org> rejected RCPT "
      "<victim@example.net>: relay not permitted");
  EXPECT_EQ(m.ev.action, "mail-rejected");
  EXPECT_EQ(m.ev.client_ip, "192.0.2.42");
  EXPECT_EQ(m.ev.mail_from, "spam@example.org");
  EXPECT_EQ(m.ev.mail_to, "victim@example.net");

  m.parse("Start queue run: pid=12345");
  EXPECT_TRUE(m.ev.action.empty());
  EXPECT_EQ(m.ev.message, "Start queue run: pid=12345");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
}

TEST(MailExim, BadLines) {
  Mail m("exim", "");
  for (std::string_view text : {"garbage", "2024-01-02T03:04:05 1rAbCd-000123-Ab Completed",
                                "2024-13-02 03:04:05 x", "2024-01-02 03:04:05x",
                                // Other logs that start with the same kind of time:
                                "2024-03-01 10:00:00 198.51.100.10 GET /a.php x=1 80 - 192.0.2.7",
                                "2024-01-02 03:04:05,123 fail2ban.actions [1]: NOTICE Ban"})
    EXPECT_EQ(m.parse_raw(text), LineResult::bad) << text;
}

TEST(MailExim, ThroughSyslog) {
  Mail m;
  m.parse(
      "exim[999]: 2024-01-02 03:04:05 1rAbCd-000123-Ab <= www-data@web1.example.com "
      "U=www-data P=local S=100");
  EXPECT_EQ(m.ev.kind, LogKind::mail);
  EXPECT_EQ(m.ev.action, "mail-submitted");
  EXPECT_EQ(m.ev.pid, 999);
  m.parse("exim4[999]: 1rAbCd-000123-Ab Completed");  // syslog_timestamp = false
  EXPECT_EQ(m.ev.action, "mail-completed");
}

TEST(MailExim, Detected) {
  std::string err;
  auto utc = Zone::locate("UTC", err);
  FileContext file;
  file.path = "/var/log/exim4/mainlog";
  file.zone = utc.get();
  const Detection d = detect_format(
      {"2024-01-02 03:04:05 1rAbCd-000123-Ab <= a@example.org U=www-data P=local S=1",
       "2024-01-02 03:04:06 1rAbCd-000123-Ab => b@example.net R=r T=t H=mx [198.51.100.1]",
       "2024-01-02 03:04:06 1rAbCd-000123-Ab Completed",
       "2024-01-02 03:04:07 Start queue run: pid=1"},
      file);
  EXPECT_EQ(d.choice.name, "exim");
  EXPECT_EQ(d.choice.kind, LogKind::mail);
}

}  // namespace
}  // namespace shodo::ingest

// Postfix and Sendmail messages in syslog, and Exim's own main log.
#include <gtest/gtest.h>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::detect;
using shodo::testing::ParserHarness;

// A mail log parser fed `line_prefix` + each line.
struct Mail : ParserHarness {
  explicit Mail(std::string_view format = "syslog",
                std::string_view line_prefix = "Jan  2 03:04:05 mx1 ")
      : ParserHarness(format, "UTC", "/var/log/mail.log", 1717200000) {
    prefix = line_prefix;
  }
};

TEST(MailPostfix, PickupShowsTheLocalSender) {
  Mail m;
  m.check("postfix/pickup[1201]: 4BCD12345A: uid=33 from=<www-data>",
          {.kind = LogKind::mail,
           .process = "postfix/pickup",
           .action = "mail-submitted",
           .mail_id = "4BCD12345A",
           .mail_from = "www-data",
           .extra = {{"mail.uid", "33"}}});
}

TEST(MailPostfix, QueueManagerAndDelivery) {
  Mail m;
  m.check(
      "postfix/qmgr[1202]: 4BCD12345A: from=<www-data@example.com>, size=1234, nrcpt=2 (queue "
      "active)",
      {.action = "mail-queued",
       .mail_from = "www-data@example.com",
       .extra = {{"mail.size", "1234"}, {"mail.nrcpt", "2"}}});

  m.check(
      "postfix/smtp[1203]: 4BCD12345A: to=<bob@example.net>, "
      "relay=mx.example.net[198.51.100.7]:25, "
      "delay=1.5, delays=0.1/0/0.5/0.9, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F8E7D)",
      {.action = "mail-delivered",
       .outcome = "success",
       .server_ip = "198.51.100.7",
       .server_port = 25,
       .mail_to = "bob@example.net",
       .duration_us = 1500000,
       .extra = {{"mail.relay", "mx.example.net[198.51.100.7]:25"},
                 {"mail.status", "sent"},
                 {"mail.dsn", "2.0.0"}}});

  m.check(
      "postfix/smtp[1203]: 4BCD12345A: to=<carol@example.org>, relay=none, delay=300, "
      "delays=0/0/300/0, dsn=4.4.1, status=deferred (connect to mx.example.org[198.51.100.8]:25: "
      "Connection timed out)",
      {.action = "mail-deferred", .outcome = "unknown", .server_ip = ""});

  // The free text after the status is not read as fields: no user.
  m.check(
      "postfix/smtp[1203]: 4BCD12345A: to=<nobody@example.org>, "
      "relay=mx.example.org[198.51.100.8]:25, "
      "delay=2, dsn=5.1.1, status=bounced (host said: 550 5.1.1 user=nobody unknown)",
      {.action = "mail-bounced", .outcome = "failure", .user = ""});

  m.check(
      "postfix/local[1204]: 5C0FFEE123: to=<alice@example.com>, orig_to=<root>, relay=local, "
      "delay=0.02, delays=0.01/0/0/0.01, dsn=2.0.0, status=sent (delivered to mailbox)",
      {.action = "mail-delivered", .extra = {{"mail.orig_to", "root"}}});

  m.check("postfix/qmgr[1202]: 4BCD12345A: removed",
          {.action = "mail-removed", .mail_id = "4BCD12345A"});
}

TEST(MailPostfix, SmtpdClients) {
  Mail m;
  m.check("postfix/smtpd[1300]: connect from unknown[192.0.2.7]",
          {.kind = LogKind::mail,
           .action = "smtp-connect",
           .client_ip = "192.0.2.7",
           .mail_id = "",
           .extra = {{"mail.client_name", "unknown"}}});

  m.check(
      "postfix/submission/smtpd[1301]: 3F2A1B0C9D: client=mail.example.org[2001:db8::25]:58000, "
      "sasl_method=LOGIN, sasl_username=alice@example.com",
      {.action = "mail-received",
       .user = "alice@example.com",
       .client_ip = "2001:db8::25",
       .client_port = 58000,
       .mail_id = "3F2A1B0C9D",
       .extra = {{"mail.sasl_method", "LOGIN"}}});

  m.check(
      "postfix/smtpd[1300]: disconnect from unknown[192.0.2.7] ehlo=1 auth=0/1 quit=1 "
      "commands=2/3",
      {.action = "smtp-disconnect"});

  m.check(
      "postfix/smtpd[1300]: warning: unknown[192.0.2.7]: SASL LOGIN authentication failed: "
      "UGFzc3dvcmQ6",
      {.action = "smtp-auth-failure",
       .outcome = "failure",
       .client_ip = "192.0.2.7",
       .extra = {{"mail.sasl_method", "LOGIN"}}});
}

TEST(MailPostfix, Rejections) {
  Mail m;
  m.check(
      "postfix/smtpd[1300]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 "
      "<victim@example.net>: Relay access denied; from=<spam@example.org> "
      "to=<victim@example.net> proto=ESMTP helo=<x>",
      {.action = "mail-rejected",
       .outcome = "failure",
       .client_ip = "192.0.2.7",
       .mail_id = "",
       .mail_from = "spam@example.org",
       .mail_to = "victim@example.net"});

  m.check(
      "postfix/cleanup[1302]: 6A1B2C3D4E: milter-reject: END-OF-MESSAGE from "
      "unknown[192.0.2.8]: 5.7.1 Spam; from=<a@example.org> to=<b@example.com> proto=ESMTP",
      {.action = "mail-rejected", .client_ip = "192.0.2.8", .mail_id = "6A1B2C3D4E"});
}

TEST(MailPostfix, CleanupAndNearMisses) {
  Mail m;
  m.check(
      "postfix/cleanup[1302]: 4BCD12345A: message-id=<20240102030405.4BCD12345A@web1.example.com>",
      {.kind = LogKind::mail,
       .action = "",
       .mail_id = "4BCD12345A",
       .extra = {{"mail.message_id", "20240102030405.4BCD12345A@web1.example.com"}}});

  for (std::string_view text :
       {"postfix/smtpd[1300]: warning: hostname x.example does not resolve to address 192.0.2.9",
        "postfix/master[1]: daemon started -- version 3.6.4, configuration /etc/postfix",
        "postfix/smtpd[1300]: connect from nowhere",
        "postfix/smtpd[1300]: lost connection after AUTH from unknown[192.0.2.7]",
        "myapp[5]: 4BCD12345A: to=<bob@example.net>, status=sent (ok)"}) {
    m.check(text, {.kind = LogKind::syslog, .action = "", .mail_id = ""});
  }
}

TEST(MailSendmail, LocalSubmissionAndDelivery) {
  Mail m;
  m.check(
      "sendmail[2345]: 41AB2c3D012345: from=www-data, size=345, class=0, nrcpts=1, "
      "msgid=<202401020304.41AB2c3D012345@web1.example.com>, relay=www-data@localhost",
      {.kind = LogKind::mail,
       .action = "mail-submitted",
       .user = "www-data",
       .mail_id = "41AB2c3D012345",
       .mail_from = "www-data",
       .extra = {{"mail.size", "345"},
                 {"mail.nrcpt", "1"},
                 {"mail.message_id", "202401020304.41AB2c3D012345@web1.example.com"}}});

  m.check(
      "sm-mta[2346]: 41AB2c3D012345: to=<bob@example.net>, ctladdr=<www-data@web1.example.com> "
      "(33/33), "
      "delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120345, relay=mx.example.net. "
      "[198.51.100.7], dsn=2.0.0, stat=Sent (Ok: queued as 123)",
      {.action = "mail-delivered",
       .server_ip = "198.51.100.7",
       .mail_to = "bob@example.net",
       .duration_us = 2000000,
       .extra = {{"mail.uid", "33"},
                 {"mail.mailer", "esmtp"},
                 {"mail.status", "Sent (Ok: queued as 123)"}}});

  m.check(
      "sm-mta[2347]: 41AB2c3D012345: to=<x@example.org>, delay=1+02:00:00, mailer=esmtp, "
      "dsn=4.0.0, stat=Deferred: Connection refused by mx.example.org.",
      {.action = "mail-deferred", .duration_us = 26LL * 3600 * 1000000});
  m.check(
      "sm-mta[2347]: 41AB2c3D012345: to=<y@example.org>, delay=00:00:01, mailer=esmtp, "
      "dsn=5.1.1, stat=User unknown",
      {.action = "mail-bounced", .outcome = "failure"});
}

TEST(MailSendmail, RemoteSenderAndRejects) {
  Mail m;
  m.check(
      "sm-mta[2400]: 41AB2c3D012346: from=<a@example.org>, size=900, class=0, nrcpts=1, "
      "msgid=<x@example.org>, proto=ESMTP, daemon=MTA, relay=mail.example.org [192.0.2.20]",
      {.action = "mail-received", .user = "", .client_ip = "192.0.2.20"});
  m.check(
      "sm-mta[2401]: 41AB2c3D012347: ruleset=check_rcpt, arg1=<victim@example.net>, "
      "relay=[192.0.2.21], reject=550 5.7.1 <victim@example.net>... Relaying denied",
      {.action = "mail-rejected", .client_ip = "192.0.2.21", .mail_to = "victim@example.net"});
  m.check("sendmail[2402]: starting daemon (8.17.1): SMTP+queueing@00:10:00",
          {.kind = LogKind::syslog, .action = ""});
}

TEST(MailExim, ArrivalsFromTheWebServerAndSmtp) {
  Mail m("exim", "");
  m.check(
      "2024-01-02 03:04:05 1rAbCd-000123-Ab <= www-data@web1.example.com U=www-data P=local "
      "S=1234 id=E1rAbCd-000123-Ab@web1.example.com T=\"Your \\\"invoice\\\"\"",
      {.kind = LogKind::mail,
       .time = "2024-01-02T03:04:05Z",
       .action = "mail-submitted",
       .user = "www-data",
       .mail_id = "1rAbCd-000123-Ab",
       .mail_from = "www-data@web1.example.com",
       .extra = {{"mail.protocol", "local"},
                 {"mail.size", "1234"},
                 {"mail.message_id", "E1rAbCd-000123-Ab@web1.example.com"},
                 {"mail.subject", "Your \\\"invoice\\\""}}});

  m.check(
      "2024-01-02 03:04:06.789 +0900 [4321] 1rAbCd-00000000123-AbCd <= alice@example.org "
      "H=mail.example.org (helo.example.org) [192.0.2.30]:41234 I=[203.0.113.5]:587 "
      "P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:alice S=2345 "
      "id=abc@example.org T=\"Hello\" from <alice@example.org> for bob@example.com "
      "carol@example.com",
      {.time = "2024-01-01T18:04:06.789Z",
       .utc_offset_s = 9 * 3600,
       .pid = 4321,
       .action = "mail-received",
       .user = "alice",
       .client_ip = "192.0.2.30",
       .client_port = 41234,
       .mail_id = "1rAbCd-00000000123-AbCd",
       .mail_to = "bob@example.com carol@example.com",
       .extra = {{"mail.client_name", "mail.example.org"}, {"mail.auth", "dovecot_login:alice"}}});

  m.check(
      "2024-01-02 03:04:07 1rAbCd-000124-Ab <= <> R=1rAbCd-000123-Ab U=Debian-exim P=local S=900",
      {.mail_from = "", .extra = {{"mail.reference", "1rAbCd-000123-Ab"}}});
}

TEST(MailExim, Deliveries) {
  Mail m("exim", "2024-01-02 03:04:05 ");
  m.check(
      "1rAbCd-000123-Ab => bob@example.net R=dnslookup T=remote_smtp H=mx.example.net "
      "[198.51.100.7] X=TLS1.2:ECDHE_RSA:256 C=\"250 OK id=1rXyZ\"",
      {.action = "mail-delivered",
       .outcome = "success",
       .server_ip = "198.51.100.7",
       .mail_to = "bob@example.net",
       .extra = {{"mail.relay", "mx.example.net"},
                 {"mail.router", "dnslookup"},
                 {"mail.transport", "remote_smtp"},
                 {"mail.status", "250 OK id=1rXyZ"}}});

  m.check(
      "1rAbCd-000123-Ab -> carol@example.net R=dnslookup T=remote_smtp H=mx.example.net "
      "[198.51.100.7]",
      {.action = "mail-delivered"});
  m.check("1rAbCd-000123-Ab => alice <alice@example.com> R=local_user T=local_delivery",
          {.mail_to = "alice", .extra = {{"mail.orig_to", "alice@example.com"}}});

  m.check(
      "1rAbCd-000123-Ab ** nobody@example.org R=dnslookup T=remote_smtp H=mx.example.org "
      "[198.51.100.8]: SMTP error from remote mail server after RCPT TO:<nobody@example.org>: "
      "550 5.1.1 user=unknown",
      {.action = "mail-bounced", .outcome = "failure", .user = "", .server_ip = "198.51.100.8"});
  m.check("1rAbCd-000123-Ab ** bad@@example.org: Unrouteable address",
          {.action = "mail-bounced", .mail_to = "bad@@example.org"});

  m.check(
      "1rAbCd-000123-Ab == slow@example.org R=dnslookup T=remote_smtp defer (-44) "
      "H=mx.example.org [198.51.100.9]: SMTP error from remote mail server after RCPT: 451 later",
      {.action = "mail-deferred"});
  m.check("1rAbCd-000123-Ab *> test@example.org R=dnslookup T=remote_smtp",
          {.action = "mail-suppressed"});
  m.check("1rAbCd-000123-Ab Completed", {.action = "mail-completed"});
  m.check("1rAbCd-000123-Ab Message is frozen", {.action = "", .mail_id = "1rAbCd-000123-Ab"});
}

TEST(MailExim, LinesWithoutAMessageId) {
  Mail m("exim", "2024-01-02 03:04:05 ");
  m.check(
      "SMTP connection from mail.example.org [192.0.2.40]:50000 I=[203.0.113.5]:25 "
      "(TCP/IP connection count = 1)",
      {.action = "smtp-connect",
       .client_ip = "192.0.2.40",
       .client_port = 50000,
       .extra = {{"mail.client_name", "mail.example.org"}}});
  m.check("SMTP connection from [192.0.2.40]:50000 lost D=12s", {.action = "smtp-disconnect"});

  m.check(
      "dovecot_login authenticator failed for (User) [192.0.2.41]:50001: 535 Incorrect "
      "authentication data (set_id=admin@example.com)",
      {.action = "smtp-auth-failure",
       .outcome = "failure",
       .user = "admin@example.com",
       .client_ip = "192.0.2.41",
       .extra = {{"mail.auth", "dovecot_login"}}});

  m.check(
      "H=(helo.example) [192.0.2.42]:50002 F=<spam@example.org> rejected RCPT "
      "<victim@example.net>: relay not permitted",
      {.action = "mail-rejected",
       .client_ip = "192.0.2.42",
       .mail_from = "spam@example.org",
       .mail_to = "victim@example.net"});

  m.check("Start queue run: pid=12345",
          {.kind = LogKind::mail, .action = "", .message = "Start queue run: pid=12345"});
}

TEST(MailExim, BadLines) {
  Mail m("exim", "");
  for (std::string_view text : {"garbage", "2024-01-02T03:04:05 1rAbCd-000123-Ab Completed",
                                "2024-13-02 03:04:05 x", "2024-01-02 03:04:05x",
                                // Other logs that start with the same kind of time:
                                "2024-03-01 10:00:00 198.51.100.10 GET /a.php x=1 80 - 192.0.2.7",
                                "2024-01-02 03:04:05,123 fail2ban.actions [1]: NOTICE Ban"})
    EXPECT_EQ(m.feed(text), LineResult::bad) << text;
}

TEST(MailExim, ThroughSyslog) {
  Mail m;
  m.check(
      "exim[999]: 2024-01-02 03:04:05 1rAbCd-000123-Ab <= www-data@web1.example.com "
      "U=www-data P=local S=100",
      {.kind = LogKind::mail, .pid = 999, .action = "mail-submitted"});
  // syslog_timestamp = false
  m.check("exim4[999]: 1rAbCd-000123-Ab Completed", {.action = "mail-completed"});
}

TEST(MailExim, Detected) {
  const Detection d =
      detect({"2024-01-02 03:04:05 1rAbCd-000123-Ab <= a@example.org U=www-data P=local S=1",
              "2024-01-02 03:04:06 1rAbCd-000123-Ab => b@example.net R=r T=t H=mx [198.51.100.1]",
              "2024-01-02 03:04:06 1rAbCd-000123-Ab Completed",
              "2024-01-02 03:04:07 Start queue run: pid=1"},
             "/var/log/exim4/mainlog");
  EXPECT_EQ(d.choice.name, "exim");
  EXPECT_EQ(d.choice.kind, LogKind::mail);
}

}  // namespace
}  // namespace shodo::ingest

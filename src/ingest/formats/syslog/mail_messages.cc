// Postfix and Sendmail messages (and Exim's, in exim.cc). Lines about a
// message carry its queue id (email.local_id) and ev.kind becomes mail.
//
// event.action values (event.outcome where it applies):
//   smtp-connect       Postfix smtpd "connect from", Exim "SMTP connection from"
//   smtp-disconnect    Postfix smtpd "disconnect from"
//   smtp-auth-failure  SASL / authenticator failures (failure)
//   mail-submitted     local submission: Postfix pickup (extra mail.uid), Sendmail
//                      relay=USER@localhost, Exim "<=" with P=local (success)
//   mail-received      accepted from an SMTP client: Postfix smtpd "client=",
//                      Sendmail from=, Exim "<=" (success)
//   mail-queued        Postfix qmgr "from=, size=, nrcpt=" (success)
//   mail-delivered     status=sent, stat=Sent, Exim "=>" "->" ">>" (success)
//   mail-deferred      status=deferred, stat=Deferred / dsn 4.x, Exim "==" (unknown)
//   mail-bounced       status=bounced, Sendmail dsn 5.x, Exim "**" (failure)
//   mail-suppressed    Exim "*>" (delivery suppressed by -N)
//   mail-rejected      Postfix reject / milter-reject, Sendmail reject=, Exim rejected (failure)
//   mail-removed       Postfix qmgr "removed"
//   mail-completed     Exim "Completed"
// Extras: mail.uid, mail.size, mail.nrcpt, mail.relay, mail.status, mail.dsn,
// mail.message_id, mail.sasl_method, mail.client_name, mail.orig_to, mail.mailer.
#include <algorithm>

#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::syslog {
namespace {

// Postfix and Sendmail write "key=value, key=value": values run to the next
// ", ", except the status (always last), whose free text may hold anything.
template <typename Fn>
void kv_fields(std::string_view s, Fn fn) {
  while (!s.empty()) {
    std::string_view key, value;
    if (!scan::until(s, "=", key)) return;
    if (key == "status" || key == "stat" || key == "reject") {
      fn(key, s);
      return;
    }
    if (!scan::until(s, ", ", value)) {
      value = s;
      s = {};
    }
    fn(key, value);
  }
}

// Postfix queue ids are upper-case hex, long ones mixed-case alphanumerics;
// Sendmail's are alphanumerics too. Lower-case words ("warning:") are not.
bool read_qid(std::string_view& m, std::string_view& qid) {
  size_t n = 0;
  bool upper_or_digit = false;
  while (n < m.size() && n <= 20 && scan::is_alnum(m[n])) {
    upper_or_digit |= !(m[n] >= 'a' && m[n] <= 'z');
    ++n;
  }
  if (n < 5 || n > 20 || !upper_or_digit || n >= m.size() || m[n] != ':') return false;
  if (n + 1 < m.size() && m[n + 1] != ' ') return false;
  qid = m.substr(0, n);
  m.remove_prefix(std::min(m.size(), n + 2));
  return true;
}

std::string_view leading_digits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && scan::is_digit(s[n])) ++n;
  return s.substr(0, n);
}

void set_client(std::string_view name, std::string_view ip, int32_t port, Event& ev) {
  ev.client_ip = ip;
  ev.client_port = port;
  if (!name.empty()) ev.extra.emplace_back("mail.client_name", name);
}

void delivery_outcome(std::string_view action, Event& ev) {
  ev.action = action;
  if (action == "mail-delivered") ev.outcome = "success";
  if (action == "mail-deferred") ev.outcome = "unknown";
  if (action == "mail-bounced") ev.outcome = "failure";
}

// Relay "mx.example.net[198.51.100.7]:25" (Postfix) or "mx.example.net.
// [198.51.100.7]" (Sendmail): the server's address, when it has one.
void relay(std::string_view value, Event& ev) {
  ev.extra.emplace_back("mail.relay", value);
  std::string_view name, ip;
  int32_t port = -1;
  if (scan::host_bracket_ip(value, name, ip, port)) {
    ev.server_ip = ip;
    ev.server_port = port;
  }
}

// "reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@example.net>: Relay
// access denied; from=<a@example.com> to=<x@example.net> proto=ESMTP helo=<h>"
bool postfix_reject(std::string_view m, Event& ev) {
  if (!scan::eat(m, "reject: ") && !scan::eat(m, "milter-reject: ")) return false;
  ev.action = "mail-rejected";
  ev.outcome = "failure";
  if (const size_t at = m.find(" from "); at != std::string_view::npos) {
    std::string_view rest = m.substr(at + 6), name, ip;
    int32_t port = -1;
    const std::string_view client = scan::word(rest);
    if (scan::host_bracket_ip(client, name, ip, port)) set_client(name, ip, port, ev);
  }
  if (const size_t at = m.rfind("; from=<"); at != std::string_view::npos) {
    std::string_view env = m.substr(at + 8), from, to;
    if (scan::until(env, ">", from)) ev.mail_from = from;
    if (scan::eat(env, " to=<") && scan::until(env, ">", to)) ev.mail_to = to;
  }
  return true;
}

bool postfix(std::string_view daemon, std::string_view m, Event& ev) {
  std::string_view name, ip, qid;
  int32_t port = -1;
  if (scan::eat(m, "NOQUEUE: ")) return postfix_reject(m, ev);
  if (daemon == "smtpd") {
    if (scan::eat(m, "connect from ")) {
      if (!scan::host_bracket_ip(scan::word(m), name, ip, port)) return false;
      ev.action = "smtp-connect";
      set_client(name, ip, port, ev);
      return true;
    }
    if (scan::eat(m, "disconnect from ")) {
      if (!scan::host_bracket_ip(scan::word(m), name, ip, port)) return false;
      ev.action = "smtp-disconnect";
      set_client(name, ip, port, ev);
      return true;
    }
    // "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: ..."
    std::string_view w = m, client;
    if (scan::eat(w, "warning: ") && scan::until(w, ": SASL ", client) &&
        scan::host_bracket_ip(client, name, ip, port)) {
      const std::string_view method = scan::word(w);
      if (!w.starts_with("authentication failed")) return false;
      ev.action = "smtp-auth-failure";
      ev.outcome = "failure";
      set_client(name, ip, port, ev);
      ev.extra.emplace_back("mail.sasl_method", method);
      return true;
    }
  }
  if (!read_qid(m, qid)) return false;
  ev.mail_id = qid;
  if (postfix_reject(m, ev)) return true;
  if (daemon == "pickup") {
    // "uid=33 from=<www-data>": a local user (often the web server) sent it.
    std::string_view uid;
    if (!scan::eat(m, "uid=") || !scan::until(m, " from=", uid) || !scan::all_digits(uid))
      return true;
    ev.action = "mail-submitted";
    ev.outcome = "success";
    ev.mail_from = scan::unbracket(m);
    ev.extra.emplace_back("mail.uid", uid);
    return true;
  }
  if (m == "removed") {
    ev.action = "mail-removed";
    return true;
  }
  std::string_view from, to, size, status, client, sasl_user;
  bool has_from = false;
  kv_fields(m, [&](std::string_view key, std::string_view value) {
    if (key == "from") {
      from = scan::unbracket(value);
      has_from = true;
    } else if (key == "to") {
      to = scan::unbracket(value);
    } else if (key == "size") {
      size = value;
    } else if (key == "nrcpt") {
      ev.extra.emplace_back("mail.nrcpt", leading_digits(value));
    } else if (key == "orig_to") {
      ev.extra.emplace_back("mail.orig_to", scan::unbracket(value));
    } else if (key == "relay") {
      relay(value, ev);
    } else if (key == "delay") {
      int64_t us = 0;
      if (parse_decimal_scaled(value, 6, us)) ev.duration_us = us;
    } else if (key == "dsn") {
      ev.extra.emplace_back("mail.dsn", value);
    } else if (key == "status") {
      status = scan::word(value);
      ev.extra.emplace_back("mail.status", status);
    } else if (key == "client") {
      client = value;
    } else if (key == "sasl_method") {
      ev.extra.emplace_back("mail.sasl_method", value);
    } else if (key == "sasl_username") {
      sasl_user = value;
    } else if (key == "message-id") {
      ev.extra.emplace_back("mail.message_id", scan::unbracket(value));
    }
  });
  if (!from.empty()) ev.mail_from = from;
  if (!to.empty()) ev.mail_to = to;
  if (!size.empty()) ev.extra.emplace_back("mail.size", size);
  if (!to.empty()) {
    if (status == "sent") delivery_outcome("mail-delivered", ev);
    if (status == "deferred") delivery_outcome("mail-deferred", ev);
    if (status == "bounced") delivery_outcome("mail-bounced", ev);
  } else if (!client.empty()) {
    if (scan::host_bracket_ip(client, name, ip, port)) set_client(name, ip, port, ev);
    ev.user = sasl_user;
    ev.action = "mail-received";
    ev.outcome = "success";
  } else if (has_from && !size.empty()) {
    ev.action = "mail-queued";
    ev.outcome = "success";
  }
  return true;
}

// Sendmail's "delay=00:00:01" or "delay=1+02:03:04" (days+hh:mm:ss).
bool sendmail_delay(std::string_view s, int64_t& us) {
  int64_t days = 0;
  if (const size_t plus = s.find('+'); plus != std::string_view::npos) {
    if (!scan::number(s.substr(0, plus), days)) return false;
    s.remove_prefix(plus + 1);
  }
  int64_t h = 0, m = 0, sec = 0;
  if (s.size() != 8 || s[2] != ':' || s[5] != ':' || !scan::number(s.substr(0, 2), h) ||
      !scan::number(s.substr(3, 2), m) || !scan::number(s.substr(6, 2), sec) || days > 100000)
    return false;
  us = (((days * 24 + h) * 60 + m) * 60 + sec) * 1000000;
  return true;
}

bool sendmail(std::string_view m, Event& ev) {
  std::string_view qid;
  if (!read_qid(m, qid)) return false;
  ev.mail_id = qid;
  std::string_view from, to, relay_value, stat, dsn, reject, ruleset, arg1;
  bool has_from = false;
  kv_fields(m, [&](std::string_view key, std::string_view value) {
    if (key == "from") {
      from = scan::unbracket(value);
      has_from = true;
    } else if (key == "to") {
      to = scan::unbracket(value);
    } else if (key == "size") {
      ev.extra.emplace_back("mail.size", value);
    } else if (key == "nrcpts") {
      ev.extra.emplace_back("mail.nrcpt", value);
    } else if (key == "msgid") {
      ev.extra.emplace_back("mail.message_id", scan::unbracket(value));
    } else if (key == "relay") {
      relay_value = value;
    } else if (key == "ctladdr") {
      // "<www-data@example.com> (33/33)": the local user behind the message.
      if (const size_t open = value.rfind(" ("); open != std::string_view::npos) {
        const std::string_view uid = leading_digits(value.substr(open + 2));
        if (!uid.empty()) ev.extra.emplace_back("mail.uid", uid);
      }
    } else if (key == "delay") {
      int64_t us = 0;
      if (sendmail_delay(value, us)) ev.duration_us = us;
    } else if (key == "mailer") {
      ev.extra.emplace_back("mail.mailer", value);
    } else if (key == "dsn") {
      dsn = value;
      ev.extra.emplace_back("mail.dsn", value);
    } else if (key == "stat") {
      stat = value;
      ev.extra.emplace_back("mail.status", value);
    } else if (key == "reject") {
      reject = value;
    } else if (key == "ruleset") {
      ruleset = value;
    } else if (key == "arg1") {
      arg1 = scan::unbracket(value);
    }
  });
  std::string_view name, ip;
  int32_t port = -1;
  if (!reject.empty()) {
    ev.action = "mail-rejected";
    ev.outcome = "failure";
    if (scan::host_bracket_ip(relay_value, name, ip, port)) set_client(name, ip, port, ev);
    if (ruleset == "check_rcpt") ev.mail_to = arg1;
    if (ruleset == "check_mail") ev.mail_from = arg1;
    return true;
  }
  if (!to.empty()) {
    ev.mail_to = to;
    if (!relay_value.empty()) relay(relay_value, ev);
    if (stat.starts_with("Sent")) {
      delivery_outcome("mail-delivered", ev);
    } else if (dsn.starts_with('4') || stat.starts_with("Deferred")) {
      delivery_outcome("mail-deferred", ev);
    } else if (dsn.starts_with('5')) {
      delivery_outcome("mail-bounced", ev);
    }
  } else if (has_from) {
    ev.mail_from = from;
    ev.outcome = "success";
    // relay=www-data@localhost: written locally by that user (sendmail -t).
    std::string_view local_user = relay_value;
    if (scan::until(local_user, "@", name) && local_user == "localhost" && !name.empty()) {
      ev.action = "mail-submitted";
      ev.user = name;
    } else {
      ev.action = "mail-received";
      if (scan::host_bracket_ip(relay_value, name, ip, port)) set_client(name, ip, port, ev);
    }
    if (!relay_value.empty()) ev.extra.emplace_back("mail.relay", relay_value);
  }
  return true;
}

}  // namespace

bool classify_mail(std::string_view program, std::string_view msg, Event& ev) {
  // "postfix/smtpd", and per-service names such as "postfix/submission/smtpd".
  if (program.starts_with("postfix")) {
    const size_t slash = program.rfind('/');
    return postfix(slash == std::string_view::npos ? program : program.substr(slash + 1), msg, ev);
  }
  if (program == "sendmail" || program == "sm-mta" || program == "sm-msp-queue")
    return sendmail(msg, ev);
  if (program == "exim" || program == "exim4") return exim_syslog_message(msg, ev);
  return false;
}

}  // namespace shodo::ingest::syslog

// Exim's main log (and Exim messages sent to syslog):
//   2024-01-02 03:04:05[.123] [+0900] [[pid]] 1rAbCd-000123-Ab <= sender H=host [ip] ...
// The flag after the message id says what happened: <= arrival, => -> >>
// delivery, *> suppressed delivery, ** failure, == deferral. Lines without an
// id report connections, authentication and rejections.
#include <algorithm>

#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {
namespace {

// "1rAbCd-000123-Ab" (6-6-2), or "1rAbCd-00000123AB-Abcd" (6-11-4) since 4.97.
bool exim_id(std::string_view s) {
  auto run = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (!scan::is_alnum(s[i])) return false;
    return true;
  };
  if (s.size() == 16) return run(0, 6) && s[6] == '-' && run(7, 6) && s[13] == '-' && run(14, 2);
  if (s.size() == 23) return run(0, 6) && s[6] == '-' && run(7, 11) && s[18] == '-' && run(19, 4);
  return false;
}

// " +0900" after the time (log_timezone).
bool zone_suffix(std::string_view& s, CivilTime& t) {
  if (s.size() < 6 || s[0] != ' ' || (s[1] != '+' && s[1] != '-') ||
      !scan::all_digits(s.substr(2, 4)) || (s.size() > 6 && s[6] != ' '))
    return false;
  const int h = (s[2] - '0') * 10 + (s[3] - '0'), m = (s[4] - '0') * 10 + (s[5] - '0');
  if (h > 23 || m > 59) return false;
  t.utc_offset_s = (s[1] == '-' ? -1 : 1) * (h * 3600 + m * 60);
  s.remove_prefix(6);
  return true;
}

// The time stamp, zone and "[pid]" that start a line; s is left at the text.
bool exim_prefix(std::string_view& s, CivilTime& t, int64_t& pid) {
  size_t used = 0;
  // Exim writes "." before milliseconds; "," is other programs' (fail2ban).
  if (s.size() < 19 || s[10] != ' ' || (s.size() > 19 && s[19] == ',') ||
      !parse_iso8601(s, t, used))
    return false;
  s.remove_prefix(used);
  if (!s.empty() && s[0] != ' ') return false;
  zone_suffix(s, t);
  if (s.starts_with(" [")) {
    const size_t close = s.find(']');
    int64_t v = 0;
    if (close != std::string_view::npos && scan::number(s.substr(2, close - 2), v)) {
      pid = v;
      s.remove_prefix(close + 1);
      zone_suffix(s, t);  // some builds write the pid before the zone
    }
  }
  scan::eat(s, " ");
  return true;
}

// A field value: "quoted text" (with \-escapes left as written) or one word.
std::string_view value(std::string_view& s) {
  if (!s.starts_with('"')) return scan::word(s);
  size_t i = 1;
  while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
  const std::string_view v = s.substr(1, std::min(i, s.size()) - 1);
  s.remove_prefix(std::min(i + 1, s.size()));
  scan::eat(s, " ");
  return v;
}

// H=name (helo) [ip]:port — every part optional but the address.
struct Host {
  std::string_view name, ip;
  int32_t port = -1;
};
Host host_field(std::string_view& s) {
  Host h;
  if (!s.starts_with('(') && !s.starts_with('[')) h.name = scan::word(s);
  if (s.starts_with('(')) scan::word(s);
  if (s.starts_with('[')) {
    std::string_view rest = s, name;
    if (scan::host_bracket_ip(scan::word(rest), name, h.ip, h.port)) {
      s.remove_prefix(s.find(']') + 1);
      // Skip ":port"; a lone ':' stays: it starts the error text.
      if (s.size() > 1 && s[0] == ':' && scan::is_digit(s[1])) {
        s.remove_prefix(1);
        while (!s.empty() && scan::is_digit(s[0])) s.remove_prefix(1);
      }
      scan::eat(s, " ");
    }
  }
  return h;
}

// "H=(helo) [192.0.2.1]:54321 F=<a@example.com> rejected RCPT <b@example.net>: ..."
void rejected(std::string_view s, Event& ev) {
  ev.action = "mail-rejected";
  ev.outcome = "failure";
  if (scan::eat(s, "H=")) {
    const Host h = host_field(s);
    ev.client_ip = h.ip;
    ev.client_port = h.port;
    if (!h.name.empty()) ev.extra.emplace_back("mail.client_name", h.name);
  }
  std::string_view rest = s, skipped, address;
  if (scan::until(rest, "F=<", skipped) && scan::until(rest, ">", address)) ev.mail_from = address;
  rest = s;
  if (scan::until(rest, "rejected RCPT <", skipped) && scan::until(rest, ">", address))
    ev.mail_to = address;
}

// The fields after "<= sender" or "=> recipient".
void message_fields(std::string_view s, bool arrival, Event& ev) {
  std::string_view user, auth, proto;
  while (!s.empty()) {
    // A word ending in ':' starts free text (the error of ** and == lines).
    const size_t sp = s.find(' ');
    const std::string_view word = s.substr(0, sp);
    const size_t eq = word.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq > 8) {
      if (word.ends_with(':')) break;
      scan::word(s);
      // received_recipients: "... for bob@example.com carol@example.net"
      if (arrival && word == "for") {
        ev.mail_to = s;
        break;
      }
      continue;
    }
    const std::string_view key = word.substr(0, eq);
    s.remove_prefix(eq + 1);
    if (key == "H") {
      const Host h = host_field(s);
      if (arrival) {
        ev.client_ip = h.ip;
        ev.client_port = h.port;
        if (!h.name.empty()) ev.extra.emplace_back("mail.client_name", h.name);
      } else {
        ev.server_ip = h.ip;
        ev.server_port = h.port;
        if (!h.name.empty()) ev.extra.emplace_back("mail.relay", h.name);
      }
      continue;
    }
    const std::string_view v = value(s);
    if (key == "U") user = v;
    if (key == "A") auth = v;
    if (key == "P") proto = v;
    if (key == "S") ev.extra.emplace_back("mail.size", v);
    if (key == "id") ev.extra.emplace_back("mail.message_id", v);
    if (key == "R") ev.extra.emplace_back(arrival ? "mail.reference" : "mail.router", v);
    if (key == "T") ev.extra.emplace_back(arrival ? "mail.subject" : "mail.transport", v);
    if (key == "C") ev.extra.emplace_back("mail.status", v);
    if (v.ends_with(':')) break;
  }
  if (!arrival) return;
  if (!proto.empty()) ev.extra.emplace_back("mail.protocol", proto);
  if (!auth.empty()) ev.extra.emplace_back("mail.auth", auth);
  // The authenticated id ("A=dovecot_login:alice") is who sent it over SMTP;
  // U= is the local user who ran Exim (the web server, for a local send).
  const size_t colon = auth.find(':');
  ev.user = colon != std::string_view::npos ? auth.substr(colon + 1) : user;
  ev.action = proto.starts_with("local") ? "mail-submitted" : "mail-received";
  ev.outcome = "success";
}

bool exim_body(std::string_view s, Event& ev) {
  const std::string_view id = s.substr(0, s.find(' '));
  if (!exim_id(id)) {
    if (scan::eat(s, "SMTP connection from ")) {
      std::string_view name, ip;
      int32_t port = -1;
      if (!scan::host_bracket_ip(s, name, ip, port)) return false;
      const bool closing = s.find(" lost") != std::string_view::npos ||
                           s.find(" closed by ") != std::string_view::npos;
      ev.action = closing ? "smtp-disconnect" : "smtp-connect";
      ev.client_ip = ip;
      ev.client_port = port;
      name = scan::trim(name);
      if (!name.empty()) ev.extra.emplace_back("mail.client_name", name);
      return true;
    }
    // "dovecot_login authenticator failed for (helo) [192.0.2.1]:54321: 535
    // Incorrect authentication data (set_id=alice)"
    if (const size_t at = s.find(" authenticator failed for "); at != std::string_view::npos) {
      std::string_view rest = s.substr(at + 26), name, ip, user;
      int32_t port = -1;
      if (!scan::host_bracket_ip(rest, name, ip, port)) return false;
      ev.action = "smtp-auth-failure";
      ev.outcome = "failure";
      ev.client_ip = ip;
      ev.client_port = port;
      ev.extra.emplace_back("mail.auth", s.substr(0, at));
      if (scan::until(rest, "(set_id=", user) && scan::until(rest, ")", user)) ev.user = user;
      return true;
    }
    if (s.starts_with("H=") && s.find(" rejected ") != std::string_view::npos) {
      rejected(s, ev);
      return true;
    }
    return false;
  }
  ev.mail_id = id;
  s.remove_prefix(id.size());
  scan::eat(s, " ");
  const std::string_view flag = s.substr(0, 3);
  if (flag == "<= ") {
    s.remove_prefix(3);
    const std::string_view sender = scan::word(s);
    if (sender != "<>") ev.mail_from = sender;
    message_fields(s, true, ev);
  } else if (flag == "=> " || flag == "-> " || flag == ">> " || flag == "*> " || flag == "** " ||
             flag == "== ") {
    s.remove_prefix(3);
    std::string_view rcpt = scan::word(s);
    if (rcpt.ends_with(':')) {
      rcpt.remove_suffix(1);  // "** bob@example.com: Unrouteable address"
      s = {};
    }
    ev.mail_to = rcpt;
    // "=> bob <bob@example.com>": the address as given, before routing.
    if (s.starts_with('<')) ev.extra.emplace_back("mail.orig_to", scan::unbracket(scan::word(s)));
    message_fields(s, false, ev);
    if (flag == "** ") {
      ev.action = "mail-bounced";
      ev.outcome = "failure";
    } else if (flag == "== ") {
      ev.action = "mail-deferred";
      ev.outcome = "unknown";
    } else if (flag == "*> ") {
      ev.action = "mail-suppressed";
    } else {
      ev.action = "mail-delivered";
      ev.outcome = "success";
    }
  } else if (s == "Completed" || s.starts_with("Completed ")) {
    ev.action = "mail-completed";
  } else if (s.starts_with("H=") && s.find(" rejected ") != std::string_view::npos) {
    rejected(s, ev);
  }
  return true;
}

}  // namespace

bool exim_syslog_message(std::string_view msg, Event& ev) {
  // syslog_timestamp (on by default) keeps Exim's own time in front.
  std::string_view s = msg;
  CivilTime t;
  int64_t pid = -1;
  if (exim_prefix(s, t, pid)) msg = s;
  return exim_body(msg, ev);
}

LineResult parse_exim(std::string_view line, Event& ev, ParseContext& ctx) {
  CivilTime t;
  std::string_view s = line;
  if (!exim_prefix(s, t, ev.pid)) {
    ctx.error = "bad Exim timestamp";
    return LineResult::bad;
  }
  // Exim's own words start with a letter ("SMTP connection from", "H=...");
  // a record starting with an address or number after the time is another
  // log (IIS W3C without its header, MySQL).
  if (!exim_body(s, ev) && !s.empty() && scan::is_digit(s[0])) {
    ctx.error = "not an Exim line";
    return LineResult::bad;
  }
  ctx.zone.apply(t, ev);
  ev.message = s;
  return LineResult::event;
}

}  // namespace shodo::ingest::syslog

// Which program wrote a syslog message decides how its text is read.
#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {
namespace {

// rsyslog folds repeats into "message repeated N times: [ original]"; the
// original is what the program said (sshd failures are often folded).
std::string_view unfold_repeat(std::string_view msg, Event& ev) {
  std::string_view s = msg;
  std::string_view count;
  if (!scan::eat(s, "message repeated ") || !scan::until(s, " times: [ ", count) ||
      !scan::all_digits(count) || !s.ends_with(']'))
    return msg;
  ev.extra.emplace_back("syslog.repeated", count);
  s.remove_suffix(1);
  return s;
}

// cron: "(USER) CMD (command)".
bool cron_command(std::string_view program, std::string_view msg, Event& ev) {
  if (program != "CRON" && program != "cron" && program != "crond" && program != "CROND")
    return false;
  std::string_view user;
  if (!scan::eat(msg, "(") || !scan::until(msg, ") CMD (", user) || user.empty()) return false;
  // A long command may be cut before its closing parenthesis.
  if (msg.ends_with(')')) msg.remove_suffix(1);
  ev.action = "cron-command";
  ev.user = user;
  ev.command = msg;
  return true;
}

}  // namespace

void classify(Event& ev) {
  if (ev.process.empty()) return;
  const std::string_view msg = unfold_repeat(ev.message, ev);
  if (classify_auth(ev.process, msg, ev)) {
    ev.kind = LogKind::auth;
  } else if (classify_mail(ev.process, msg, ev)) {
    ev.kind = LogKind::mail;
  } else {
    cron_command(ev.process, msg, ev);
  }
}

}  // namespace shodo::ingest::syslog

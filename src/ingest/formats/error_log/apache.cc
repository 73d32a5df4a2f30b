// Apache httpd error logs. 2.4's default ErrorLogFormat:
//   [%{u}t] [%-m:%l] [pid %P:tid %T] %7F: %E: [client %a] %M% , referer %{Referer}i
// e.g. [Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416]
//      (13)Permission denied: [client 192.0.2.1:5432] AH00035: access to /x denied
// 2.2: [Wed Oct 11 14:32:52 2000] [error] [client 192.0.2.1] message
#include "ingest/formats/error_log/error_log.h"
#include "ingest/formats/syslog/scan.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::error_log {
namespace {

// "[text] " at the front of s: text, and s moved past it.
bool bracket(std::string_view& s, std::string_view& text) {
  if (!s.starts_with('[')) return false;
  const size_t close = s.find(']');
  if (close == std::string_view::npos) return false;
  text = s.substr(1, close - 1);
  s.remove_prefix(close + 1);
  scan::eat(s, " ");
  return true;
}

// "192.0.2.1:5432" (2.4 adds the port; IPv6 as "2001:db8::1:5432") or
// "192.0.2.1" (2.2).
void client(std::string_view s, bool with_port, Event& ev) {
  const size_t colon = s.rfind(':');
  int32_t port = -1;
  if (colon != std::string_view::npos && (with_port || scan::is_ipv4(s.substr(0, colon))) &&
      scan::port(s.substr(colon + 1), port) && scan::is_ip(s.substr(0, colon))) {
    ev.client_ip = s.substr(0, colon);
    ev.client_port = port;
  } else if (scan::is_ip(s)) {
    ev.client_ip = s;
  }
}

// The optional "mod_x.c(123): " (%F, at debug levels) and "(13)Permission
// denied: " (%E, the system error) before the client: their extra's name.
std::string_view prefix_kind(std::string_view& s, std::string_view& text) {
  const size_t end = s.find(": ");
  if (end == std::string_view::npos) return {};
  const std::string_view head = s.substr(0, end);
  std::string_view kind;
  if (head.starts_with('(')) {
    size_t i = 1;
    if (i < head.size() && head[i] == '-') ++i;
    const size_t digits = i;
    while (i < head.size() && scan::is_digit(head[i])) ++i;
    if (i > digits && i < head.size() && head[i] == ')') kind = "apache.os_error";
  } else if (head.ends_with(')') && head.find(".c(") != std::string_view::npos &&
             head.find(' ') == std::string_view::npos) {
    kind = "apache.source";
  }
  if (!kind.empty()) {
    text = head;
    s.remove_prefix(end + 2);
  }
  return kind;
}

}  // namespace

LineResult parse_apache(std::string_view line, Event& ev, ParseContext& ctx) {
  if (is_continuation(line)) return LineResult::meta;
  CivilTime t;
  size_t used = 0;
  if (!line.starts_with('[') || !parse_ctime(line.substr(1), t, used) || used + 1 >= line.size() ||
      line[used + 1] != ']') {
    ctx.error = "bad Apache error-log timestamp";
    return LineResult::bad;
  }
  ctx.zone.apply(t, ev);
  std::string_view s = line.substr(used + 2);
  scan::eat(s, " ");

  // [module:level] (2.4; module may be empty) or [level] (2.2).
  std::string_view level;
  bool v24 = false;
  if (bracket(s, level)) {
    if (const size_t colon = level.find(':'); colon != std::string_view::npos) {
      v24 = true;
      if (colon > 0) ev.extra.emplace_back("apache.module", level.substr(0, colon));
      level.remove_prefix(colon + 1);
    }
    ev.level = level;
  }
  std::string_view text;
  if (s.starts_with("[pid ") && bracket(s, text)) {
    text.remove_prefix(4);
    int64_t pid = 0;
    if (scan::number(text.substr(0, text.find(':')), pid)) ev.pid = pid;
  }
  for (int i = 0; i < 2; ++i) {
    const std::string_view kind = prefix_kind(s, text);
    if (kind.empty()) break;
    ev.extra.emplace_back(kind, text);
  }
  while (s.starts_with("[client ") || s.starts_with("[remote ")) {
    const bool is_client = s.starts_with("[client ");
    if (!bracket(s, text)) break;  // cut line: the rest is message
    text.remove_prefix(7);
    if (is_client) {
      client(text, v24, ev);
    } else {
      // The peer that connected, when mod_remoteip names another client.
      ev.extra.emplace_back("apache.remote", text);
    }
  }
  // "AH00124: " — Apache's message number.
  if (s.size() >= 9 && s.starts_with("AH") && scan::all_digits(s.substr(2, 5)) && s[7] == ':') {
    ev.extra.emplace_back("apache.error_code", s.substr(0, 7));
    s.remove_prefix(8);
    scan::eat(s, " ");
  }
  if (const size_t at = s.rfind(", referer: "); at != std::string_view::npos) {
    ev.referer = s.substr(at + 11);
    s = s.substr(0, at);
  }
  ev.message = s;
  return LineResult::event;
}

}  // namespace shodo::ingest::error_log

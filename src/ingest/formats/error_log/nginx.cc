// Nginx error logs:
//   2024/01/02 03:04:05 [error] 1234#5678: *9 open() "/var/www/x" failed (2: No such file
//   or directory), client: 192.0.2.1, server: example.com, request: "GET /x HTTP/1.1",
//   upstream: "http://127.0.0.1:9000/x", host: "example.com", referrer: "http://..."
// The context after the message always comes in that order; the message
// itself may repeat any of it (it quotes what the client sent).
#include "ingest/formats/error_log/error_log.h"
#include "ingest/formats/syslog/scan.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::error_log {
namespace {

constexpr std::string_view kKeys[] = {"server",   "request", "subrequest",
                                      "upstream", "host",    "referrer"};

// True when s starts with ", KEY: " for a context key.
bool at_key(std::string_view s) {
  if (!scan::eat(s, ", ")) return false;
  for (std::string_view k : kKeys)
    if (s.starts_with(k) && s.substr(k.size()).starts_with(": ")) return true;
  return false;
}

// A value: "quoted" (ends at the quote before the next key or the end; the
// request may hold quotes) or bare up to the next key.
std::string_view value(std::string_view& s) {
  size_t end = 0;
  if (s.starts_with('"')) {
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] == '"' && (i + 1 == s.size() || at_key(s.substr(i + 1)))) {
        const std::string_view v = s.substr(1, i - 1);
        s.remove_prefix(i + 1);
        return v;
      }
    }
    end = s.size();
  } else {
    while (end < s.size() && !at_key(s.substr(end))) ++end;
  }
  const std::string_view v = s.substr(0, end);
  s.remove_prefix(end);
  return v;
}

// Where the context starts: the first ", client: IP" whose address is one.
size_t context_start(std::string_view msg, std::string_view& ip) {
  for (size_t at = msg.find(", client: "); at != std::string_view::npos;
       at = msg.find(", client: ", at + 1)) {
    std::string_view rest = msg.substr(at + 10);
    const size_t end = rest.find(", ");
    ip = rest.substr(0, end);
    if (scan::is_ip(ip)) return at;
  }
  return std::string_view::npos;
}

}  // namespace

LineResult parse_nginx(std::string_view line, Event& ev, ParseContext& ctx) {
  if (is_continuation(line)) return LineResult::meta;
  CivilTime t;
  size_t used = 0;
  if (!parse_slash_datetime(line, t, used)) {
    ctx.error = "bad Nginx error-log timestamp";
    return LineResult::bad;
  }
  std::string_view s = line.substr(used), level, pid;
  if (!scan::eat(s, " [") || !scan::until(s, "] ", level) || level.empty() ||
      !scan::until(s, "#", pid) || !scan::number(pid, ev.pid)) {
    ctx.error = "bad Nginx error-log header";
    return LineResult::bad;
  }
  ctx.zone.apply(t, ev);
  ev.level = level;
  // "5678: " thread id, then "*9 " the connection number.
  std::string_view tid;
  if (!scan::until(s, ": ", tid) && !scan::until(s, ":", tid)) s = {};
  if (s.starts_with('*')) {
    std::string_view rest = s;
    const std::string_view conn = scan::word(rest);
    if (scan::all_digits(conn.substr(1))) {
      ev.extra.emplace_back("nginx.connection", conn.substr(1));
      s = rest;
    }
  }

  std::string_view ip;
  const size_t at = context_start(s, ip);
  if (at == std::string_view::npos) {
    ev.message = s;
    return LineResult::event;
  }
  ev.message = s.substr(0, at);
  ev.client_ip = ip;
  s.remove_prefix(at + 10 + ip.size());
  std::string_view server, host;
  while (scan::eat(s, ", ")) {
    std::string_view key;
    if (!scan::until(s, ": ", key)) break;
    const std::string_view v = value(s);
    if (key == "server") {
      server = v;
    } else if (key == "request") {
      if (!split_request(v, ev)) ev.extra.emplace_back("nginx.request", v);
    } else if (key == "upstream") {
      ev.extra.emplace_back("nginx.upstream", v);
    } else if (key == "host") {
      host = v;
    } else if (key == "referrer") {
      ev.referer = v;
    }
  }
  // Host is what the client asked for; server the block that answered.
  ev.vhost = host.empty() ? server : host;
  if (!server.empty()) ev.extra.emplace_back("nginx.server", server);
  return LineResult::event;
}

}  // namespace shodo::ingest::error_log

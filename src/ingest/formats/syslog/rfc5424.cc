// RFC 5424 syslog:
//   <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD-ID PARAM="value"...] MSG
// '-' stands for an absent field. Structured-data parameters become extras
// "sd.ID.PARAM"; inside values '"', '\' and ']' are escaped with '\'.
#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {
namespace {

// Enough for any real sender; a hostile line cannot grow the event further.
constexpr size_t kMaxParams = 64;

// SD-NAME: 1-32 printable ASCII characters except '=', ' ', ']' and '"'.
bool sd_name(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s)
    if (c <= ' ' || c > '~' || c == '=' || c == ']' || c == '"') return false;
  return true;
}

size_t name_end(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] != ' ' && s[i] != ']' && s[i] != '=') ++i;
  return i;
}

// A value with escapes, decoded into the arena. Only \" \\ \] are escapes;
// a backslash before anything else stays (RFC 5424 section 6.3.3).
std::string_view unescape(std::string_view raw, Arena& arena) {
  char* out = arena.reserve(raw.size());
  size_t n = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size() &&
        (raw[i + 1] == '"' || raw[i + 1] == '\\' || raw[i + 1] == ']'))
      ++i;
    out[n++] = raw[i];
  }
  return arena.commit(n);
}

// Reads the SD elements at the front of s into extras. False when malformed.
bool structured_data(std::string_view& s, Event& ev, Arena& arena) {
  size_t params = 0;
  while (s.starts_with('[')) {
    s.remove_prefix(1);
    const size_t id_len = name_end(s);
    const std::string_view id = s.substr(0, id_len);
    if (!sd_name(id)) return false;
    s.remove_prefix(id_len);
    while (s.starts_with(' ')) {
      s.remove_prefix(1);
      const size_t len = name_end(s);
      const std::string_view name = s.substr(0, len);
      if (!sd_name(name)) return false;
      s.remove_prefix(len);
      if (!scan::eat(s, "=\"")) return false;
      size_t i = 0;
      bool escaped = false;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) {
          escaped = true;
          ++i;
        }
        ++i;
      }
      if (i >= s.size()) return false;
      const std::string_view raw = s.substr(0, i);
      s.remove_prefix(i + 1);
      if (params++ < kMaxParams) {
        ev.extra.emplace_back(scan::join(arena, "sd.", id, ".", name),
                              escaped ? unescape(raw, arena) : raw);
      }
    }
    if (!scan::eat(s, "]")) return false;
  }
  return true;
}

}  // namespace

bool looks_5424(std::string_view line) {
  int pri = 0;
  const size_t n = read_pri(line, pri);
  return n > 0 && line.substr(n).starts_with("1 ");
}

LineResult parse_5424(std::string_view line, Event& ev, ParseContext& ctx) {
  int pri = 0;
  const size_t n = read_pri(line, pri);
  std::string_view s = line.substr(n);
  if (n == 0 || !scan::eat(s, "1 ")) {
    ctx.error = "not an RFC 5424 line";
    return LineResult::bad;
  }
  // Five header fields, each followed by one space.
  std::string_view field[5];
  for (auto& f : field) {
    const size_t sp = s.find(' ');
    if (sp == 0 || sp == std::string_view::npos) {
      ctx.error = "truncated RFC 5424 header";
      return LineResult::bad;
    }
    f = s.substr(0, sp);
    s.remove_prefix(sp + 1);
  }
  const auto [stamp, host, app, procid, msgid] = field;
  if (stamp != "-") {
    CivilTime t;
    size_t used = 0;
    if (stamp.size() < 11 || stamp[10] != 'T' || !parse_iso8601(stamp, t, used) ||
        used != stamp.size()) {
      ctx.error = "bad RFC 5424 timestamp";
      return LineResult::bad;
    }
    ctx.zone.apply(t, ev);
  }
  const bool no_sd = scan::eat(s, "-");
  if ((!no_sd && (!s.starts_with('[') || !structured_data(s, ev, *ctx.arena))) ||
      (!s.empty() && !scan::eat(s, " "))) {
    ctx.error = "bad RFC 5424 structured data";
    return LineResult::bad;
  }
  scan::eat(s, "\xEF\xBB\xBF");  // the BOM that marks a UTF-8 MSG

  if (host != "-") ev.host = host;
  if (app != "-") ev.process = app;
  if (procid != "-") {
    int64_t pid = 0;
    if (scan::number(procid, pid)) {
      ev.pid = pid;
    } else {
      ev.extra.emplace_back("syslog.procid", procid);
    }
  }
  if (msgid != "-") ev.extra.emplace_back("syslog.msgid", msgid);
  add_pri(pri, ev);
  ev.message = s;
  classify(ev);
  return LineResult::event;
}

}  // namespace shodo::ingest::syslog

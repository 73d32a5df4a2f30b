// Syslog as rsyslog and syslog-ng write it to files:
//   Jan  2 03:04:05 host tag[pid]: message            (RFC 3164 style)
//   2024-01-02T03:04:05.123456+09:00 host tag: message (RFC 3339 high precision)
// optionally preceded by "<PRI>".
#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {

LineResult parse_bsd(std::string_view line, Event& ev, ParseContext& ctx) {
  std::string_view s = line;
  int pri = -1;
  if (const size_t n = read_pri(s, pri)) {
    s.remove_prefix(n);
  } else if (s.starts_with('<')) {
    ctx.error = "bad syslog priority";
    return LineResult::bad;
  }

  CivilTime t;
  size_t used = 0;
  const bool rfc3339 = !s.empty() && scan::is_digit(s[0]);
  if (rfc3339) {
    // Only the 'T' form: "2024-01-02 03:04:05" starts other logs (Exim).
    if (s.size() < 11 || s[10] != 'T' || !parse_iso8601(s, t, used)) {
      ctx.error = "bad syslog timestamp";
      return LineResult::bad;
    }
    ctx.zone.apply(t, ev);
  } else {
    if (!parse_syslog_time(s, t, used)) {
      ctx.error = "bad syslog timestamp";
      return LineResult::bad;
    }
    if (!place_in_year(t, ctx.file, ctx.zone, ev)) {
      ctx.error = "no such date in the file's year";
      return LineResult::bad;
    }
  }
  s.remove_prefix(used);
  if (!s.starts_with(' ')) {
    ctx.error = "no host after the syslog timestamp";
    return LineResult::bad;
  }
  while (s.starts_with(' ')) s.remove_prefix(1);

  // Local messages relayed without a host go straight to the tag
  // ("kernel: ..."): a first word ending in ':' or holding '[' is one.
  std::string_view rest = s;
  const std::string_view first = scan::word(rest);
  if (first.empty()) {
    ctx.error = "no host after the syslog timestamp";
    return LineResult::bad;
  }
  if (!first.ends_with(':') && first.find('[') == std::string_view::npos) {
    ev.host = first;
    s = rest;
  }
  if (pri >= 0) add_pri(pri, ev);
  ev.message = split_tag(s, ev);
  // "time name free-text" fits other logs too (classic ELB), so the RFC 3339
  // form needs a tag, or one of the few messages syslogd writes untagged.
  if (rfc3339 && ev.process.empty() && !ev.message.starts_with("-- MARK --") &&
      !ev.message.starts_with("last message repeated ")) {
    ctx.error = "no program tag after the syslog host";
    return LineResult::bad;
  }
  classify(ev);
  return LineResult::event;
}

}  // namespace shodo::ingest::syslog

#include "ingest/event_json.h"

#include <fmt/format.h>

#include "ingest/time/civil.h"
#include "util/escape.h"

namespace shodo::ingest {

std::string format_utc(TimeUs t) {
  int64_t secs = t / 1000000;
  int64_t micros = t % 1000000;
  if (micros < 0) {
    micros += 1000000;
    --secs;
  }
  int64_t days = secs / 86400;
  int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  int y, m, d;
  civil_from_days(days, y, m, d);
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, rem / 3600,
                                rem / 60 % 60, rem % 60);
  if (micros % 1000 == 0 && micros != 0) {
    out += fmt::format(".{:03}", micros / 1000);
  } else if (micros != 0) {
    out += fmt::format(".{:06}", micros);
  }
  out += 'Z';
  return out;
}

std::string format_offset(int32_t s) {
  const char sign = s < 0 ? '-' : '+';
  if (s < 0) s = -s;
  return fmt::format("{}{:02}:{:02}", sign, s / 3600, s / 60 % 60);
}

namespace {
void key(std::string& out, std::string_view k, bool& first) {
  if (!first) out += ',';
  first = false;
  out += '"';
  util::append_json_string(out, k);
  out += "\":";
}
void text(std::string& out, std::string_view k, std::string_view v, bool& first) {
  if (v.empty()) return;
  key(out, k, first);
  out += '"';
  util::append_json_string(out, v);
  out += '"';
}
void number(std::string& out, std::string_view k, int64_t v, bool& first) {
  if (v < 0) return;
  key(out, k, first);
  out += fmt::format("{}", v);
}
}  // namespace

void append_event_json(std::string& out, const Event& ev, std::string_view file_path) {
  bool first = true;
  out += '{';
  if (ev.has_time()) {
    key(out, "@timestamp", first);
    out += '"' + format_utc(ev.time) + '"';
    text(out, "event.timezone", format_offset(ev.utc_offset_s), first);
    if (ev.offset_assumed) {
      key(out, "shodo.timezone_assumed", first);
      out += "true";
    }
  }
  text(out, "event.kind", log_kind_name(ev.kind), first);
  text(out, "log.file.path", file_path, first);
  number(out, "log.file.line", static_cast<int64_t>(ev.line), first);
  number(out, "log.offset", static_cast<int64_t>(ev.offset), first);
  std::string scratch;
  for (size_t i = 0; i < kFieldCount; ++i) {
    const Field f = static_cast<Field>(i);
    if (f == Field::timestamp || f == Field::raw) continue;
    switch (f) {
      case Field::client_port: number(out, field_name(f), ev.client_port, first); break;
      case Field::server_port: number(out, field_name(f), ev.server_port, first); break;
      case Field::status: number(out, field_name(f), ev.status, first); break;
      case Field::pid: number(out, field_name(f), ev.pid, first); break;
      case Field::bytes_sent: number(out, field_name(f), ev.bytes_sent, first); break;
      case Field::bytes_total: number(out, field_name(f), ev.bytes_total, first); break;
      case Field::bytes_received: number(out, field_name(f), ev.bytes_received, first); break;
      case Field::duration: number(out, field_name(f), ev.duration_ns(), first); break;
      default: text(out, field_name(f), ev.text(f, scratch), first); break;
    }
  }
  for (const auto& [k, v] : ev.extra) {
    std::string name = "extra.";
    name += k;
    key(out, name, first);
    out += '"';
    util::append_json_string(out, v);
    out += '"';
  }
  text(out, "event.original", ev.raw, first);
  out += '}';
}

}  // namespace shodo::ingest

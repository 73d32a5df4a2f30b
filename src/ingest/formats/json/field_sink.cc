#include "ingest/formats/json/field_sink.h"

#include <cstring>

#include "ingest/formats/json/conversions.h"
#include "ingest/formats/json/request_line.h"

namespace shodo::ingest::mapping {
namespace {

std::string_view* text_slot(Event& ev, Field f) {
  switch (f) {
    case Field::host: return &ev.host;
    case Field::client_ip: return &ev.client_ip;
    case Field::forwarded_for: return &ev.forwarded_for;
    case Field::server_ip: return &ev.server_ip;
    case Field::vhost: return &ev.vhost;
    case Field::method: return &ev.method;
    case Field::path: return &ev.path;
    case Field::query: return &ev.query;
    case Field::request_target: return &ev.request_target;
    case Field::protocol: return &ev.protocol;
    case Field::referer: return &ev.referer;
    case Field::user_agent: return &ev.user_agent;
    case Field::user: return &ev.user;
    case Field::target_user: return &ev.target_user;
    case Field::process: return &ev.process;
    case Field::command: return &ev.command;
    case Field::level: return &ev.level;
    case Field::action: return &ev.action;
    case Field::outcome: return &ev.outcome;
    case Field::mail_from: return &ev.mail_from;
    case Field::mail_to: return &ev.mail_to;
    case Field::mail_id: return &ev.mail_id;
    case Field::message: return &ev.message;
    default: return nullptr;  // numbers, time, the raw line
  }
}

// Where a count goes, its largest value, and what to say when it is not one.
struct CountSlot {
  int64_t* wide = nullptr;
  int32_t* narrow = nullptr;
  int64_t max = 0;
  std::string_view error;
};

CountSlot count_slot(Event& ev, Field f) {
  constexpr int64_t kBytes = 1'000'000'000'000'000'000;
  switch (f) {
    case Field::status: return {nullptr, &ev.status, 999, "bad status"};
    case Field::client_port: return {nullptr, &ev.client_port, 65535, "bad port"};
    case Field::server_port: return {nullptr, &ev.server_port, 65535, "bad port"};
    case Field::pid: return {&ev.pid, nullptr, INT32_MAX, "bad pid"};
    case Field::bytes_sent: return {&ev.bytes_sent, nullptr, kBytes, "bad byte count"};
    case Field::bytes_total: return {&ev.bytes_total, nullptr, kBytes, "bad byte count"};
    case Field::bytes_received: return {&ev.bytes_received, nullptr, kBytes, "bad byte count"};
    default: return {};
  }
}

bool usable(std::string_view s) {
  return !s.empty() && s != "-";
}

}  // namespace

Target default_target(Field f) {
  switch (f) {
    case Field::timestamp: return {f, Conv::time_auto, kSpecific};
    case Field::request_target: return {f, Conv::url, kSpecific};
    case Field::duration: return {f, Conv::duration_auto, kSpecific};
    case Field::status:
    case Field::client_port:
    case Field::server_port:
    case Field::pid:
    case Field::bytes_sent:
    case Field::bytes_total:
    case Field::bytes_received: return {f, Conv::count, kSpecific};
    case Field::raw:
    case Field::count_: return {f, Conv::extra, kSpecific};
    default: return {f, Conv::text, kSpecific};
  }
}

bool FieldSink::claim(Field f, uint8_t rank, std::string_view key, std::string_view value) {
  const size_t i = static_cast<size_t>(f);
  if (rank <= rank_[i]) {
    if (!key.empty()) extra(key, value);
    return false;
  }
  if (!key_[i].empty()) extra(key_[i], value_[i]);
  rank_[i] = rank;
  key_[i] = key;
  value_[i] = value;
  any_ = true;
  return true;
}

bool FieldSink::put_text(Field f, uint8_t rank, std::string_view key, std::string_view value) {
  std::string_view* slot = text_slot(ev_, f);
  if (!slot) return put_count(f, rank, key, value);
  if (claim(f, rank, key, value)) *slot = value;
  return true;
}

bool FieldSink::put_count(Field f, uint8_t rank, std::string_view key, std::string_view value) {
  const CountSlot slot = count_slot(ev_, f);
  if (!slot.wide && !slot.narrow) {
    extra(key, value);
    return true;
  }
  int64_t v = 0;
  if (!parse_count(value, slot.max, v)) return fail(slot.error);
  if (claim(f, rank, key, value)) {
    if (slot.wide)
      *slot.wide = v;
    else
      *slot.narrow = static_cast<int32_t>(v);
  }
  return true;
}

bool FieldSink::put_duration(bool ok, int64_t us, uint8_t rank, std::string_view key,
                             std::string_view value) {
  if (!ok) return fail("bad duration");
  if (claim(Field::duration, rank, key, value)) ev_.duration_us = us;
  return true;
}

bool FieldSink::put_epoch(bool ok, TimeUs us, uint8_t rank, std::string_view key,
                          std::string_view value) {
  if (!ok) return fail("bad time");
  if (claim(Field::timestamp, rank, key, value)) {
    ev_.time = us;
    ev_.utc_offset_s = 0;
    ev_.offset_assumed = false;
  }
  return true;
}

bool FieldSink::put_civil(const CivilTime& t, uint8_t rank, std::string_view key,
                          std::string_view value) {
  if (claim(Field::timestamp, rank, key, value)) ctx_.zone.apply(t, ev_);
  return true;
}

bool FieldSink::put_time_auto(uint8_t rank, std::string_view key, std::string_view value) {
  // A date or a clock time alone waits for its other half (W3C date + time).
  auto half = [&](Half& h) {
    if (h.set) {
      extra(key, value);
    } else {
      h = {key, value, true};
      any_ = true;
    }
    return true;
  };
  if (value.size() == 10 && parse_ymd(value, split_time_)) return half(date_);
  if (parse_clock(value, split_time_)) return half(clock_);

  CivilTime t;
  size_t used = 0;
  if (parse_iso8601(value, t, used) && used == value.size()) return put_civil(t, rank, key, value);
  std::string_view clf = value;
  if (clf.size() > 2 && clf.front() == '[' && clf.back() == ']')
    clf = clf.substr(1, clf.size() - 2);
  if (parse_clf_time(clf, t, used) && used == clf.size()) return put_civil(t, rank, key, value);
  TimeUs us = 0;
  const bool epoch = parse_epoch_auto(value, us);
  return put_epoch(epoch, us, rank, key, value);
}

void FieldSink::put_url(const Target& t, std::string_view key, std::string_view value) {
  UrlParts u;
  split_url(value, u);
  // A value that is a request's own field ranks as given; one split out of a
  // request line arrives here with no key and ranks the same as its parts.
  const uint8_t part = key.empty() ? t.rank : static_cast<uint8_t>(t.rank - 1);
  if (claim(Field::request_target, t.rank, key, value))
    ev_.request_target = u.target.empty() ? std::string_view("/") : u.target;
  if (!u.path.empty()) put_text(Field::path, part, {}, u.path);
  if (!u.query.empty()) put_text(Field::query, part, {}, u.query);
  if (!u.host.empty()) put_text(Field::vhost, part, {}, u.host);
  int64_t port = 0;
  if (!u.port.empty() && parse_count(u.port, 65535, port) &&
      claim(Field::server_port, part, {}, u.port))
    ev_.server_port = static_cast<int32_t>(port);
}

void FieldSink::put_request_line(const Target& t, std::string_view key, std::string_view value) {
  RequestLine r;
  if (!split_request_line(value, r)) {
    extra(key, value);  // not a request (binary junk, a TLS hello): keep it whole
    return;
  }
  const uint8_t part = static_cast<uint8_t>(t.rank - 1);
  if (usable(r.method)) put_text(Field::method, part, {}, r.method);
  if (usable(r.target)) put_url({Field::request_target, Conv::url, part}, {}, r.target);
  if (usable(r.protocol)) put_text(Field::protocol, part, {}, r.protocol);
}

bool FieldSink::put_host_port(const Target& t, std::string_view key, std::string_view value) {
  std::string_view host, port;
  if (!split_host_port(value, host, port)) return fail("bad address");
  int64_t p = 0;
  if (!parse_count(port, 65535, p)) return fail("bad port");
  put_text(t.field, t.rank, key, host);
  const Field port_field = t.field == Field::server_ip ? Field::server_port : Field::client_port;
  if (claim(port_field, static_cast<uint8_t>(t.rank - 1), {}, port)) {
    if (port_field == Field::server_port)
      ev_.server_port = static_cast<int32_t>(p);
    else
      ev_.client_port = static_cast<int32_t>(p);
  }
  return true;
}

bool FieldSink::set(const Target& t, std::string_view key, std::string_view value) {
  // The parsed value is read after the parse: the lambdas take it by reference.
  int64_t us = 0;
  auto duration = [&](bool ok) { return put_duration(ok, us, t.rank, key, value); };
  auto epoch = [&](bool ok) { return put_epoch(ok, us, t.rank, key, value); };
  CivilTime civil;
  size_t used = 0;
  switch (t.conv) {
    case Conv::text: return put_text(t.field, t.rank, key, value);
    case Conv::count: return put_count(t.field, t.rank, key, value);
    case Conv::duration_s: return duration(parse_duration_in(value, Unit::s, us));
    case Conv::duration_ms: return duration(parse_duration_in(value, Unit::ms, us));
    case Conv::duration_us: return duration(parse_duration_in(value, Unit::us, us));
    case Conv::duration_ns: return duration(parse_duration_in(value, Unit::ns, us));
    case Conv::duration_auto: return duration(parse_duration_auto(value, us));
    case Conv::time_auto: return put_time_auto(t.rank, key, value);
    case Conv::time_iso8601:
      if (!parse_iso8601(value, civil, used) || used != value.size()) return fail("bad time");
      return put_civil(civil, t.rank, key, value);
    case Conv::time_clf: {
      std::string_view v = value;
      if (v.size() > 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
      if (!parse_clf_time(v, civil, used) || used != v.size()) return fail("bad time");
      return put_civil(civil, t.rank, key, value);
    }
    case Conv::epoch_s: return epoch(parse_epoch_in(value, Unit::s, us));
    case Conv::epoch_ms: return epoch(parse_epoch_in(value, Unit::ms, us));
    case Conv::epoch_us: return epoch(parse_epoch_in(value, Unit::us, us));
    case Conv::epoch_ns: return epoch(parse_epoch_in(value, Unit::ns, us));
    case Conv::request_line: put_request_line(t, key, value); return true;
    case Conv::url: put_url(t, key, value); return true;
    case Conv::host_port: return put_host_port(t, key, value);
    case Conv::extra: extra(key, value); return true;
  }
  return fail("unknown conversion");
}

void FieldSink::finish() {
  constexpr size_t kTime = static_cast<size_t>(Field::timestamp);
  if (date_.set && clock_.set && rank_[kTime] == 0) {
    CivilTime t = split_time_;
    t.utc_offset_s = 0;
    ctx_.zone.apply(t, ev_);
    rank_[kTime] = kSpecific;
  } else {
    if (date_.set) extra(date_.key, date_.value);
    if (clock_.set) extra(clock_.key, clock_.value);
  }
  if (ev_.request_target.empty() && !ev_.path.empty()) {
    if (ev_.query.empty()) {
      ev_.request_target = ev_.path;
    } else {
      const size_t n = ev_.path.size() + 1 + ev_.query.size();
      char* p = ctx_.arena->reserve(n);
      std::memcpy(p, ev_.path.data(), ev_.path.size());
      p[ev_.path.size()] = '?';
      std::memcpy(p + ev_.path.size() + 1, ev_.query.data(), ev_.query.size());
      ev_.request_target = ctx_.arena->commit(n);
    }
  }
}

}  // namespace shodo::ingest::mapping

#include "ingest/event.h"

#include <array>
#include <charconv>

namespace shodo::ingest {
namespace {

constexpr std::array<std::string_view, kFieldCount> kNames = {
    "@timestamp",
    "host.name",
    "source.ip",
    "source.port",
    "http.request.x_forwarded_for",
    "destination.ip",
    "destination.port",
    "url.domain",
    "http.request.method",
    "url.path",
    "url.query",
    "url.original",
    "http.version",
    "http.response.status_code",
    "http.response.body.bytes",
    "http.response.bytes",
    "http.request.bytes",
    "event.duration",
    "http.request.referrer",
    "user_agent.original",
    "user.name",
    "user.target.name",
    "process.name",
    "process.pid",
    "process.command_line",
    "log.level",
    "event.action",
    "event.outcome",
    "email.from.address",
    "email.to.address",
    "email.local_id",
    "message",
    "event.original",
};

struct Alias {
  std::string_view name;
  Field field;
};

// Sigma webserver names (W3C / IIS field names), their common variants, and
// short names for the command line. docs/fields.md lists them.
constexpr Alias kAliases[] = {
    {"c-ip", Field::client_ip},
    {"cs-method", Field::method},
    {"cs-uri-stem", Field::path},
    {"cs-uri-query", Field::query},
    {"cs-uri", Field::request_target},
    {"cs-version", Field::protocol},
    {"sc-status", Field::status},
    {"sc-bytes", Field::bytes_total},
    {"cs-bytes", Field::bytes_received},
    {"time-taken", Field::duration},
    {"cs-user-agent", Field::user_agent},
    {"cs(User-Agent)", Field::user_agent},
    {"c-useragent", Field::user_agent},
    {"cs-referer", Field::referer},
    {"cs-referrer", Field::referer},
    {"cs(Referer)", Field::referer},
    {"cs-host", Field::vhost},
    {"cs(Host)", Field::vhost},
    {"cs-username", Field::user},
    {"s-ip", Field::server_ip},
    {"s-port", Field::server_port},
    {"c-port", Field::client_port},
    {"client.ip", Field::client_ip},
    {"client.port", Field::client_port},
    {"src_ip", Field::client_ip},
    {"network.forwarded_ip", Field::forwarded_for},
    {"server.ip", Field::server_ip},
    {"server.port", Field::server_port},
    {"timestamp", Field::timestamp},
    {"ip", Field::client_ip},
    {"method", Field::method},
    {"path", Field::path},
    {"query", Field::query},
    {"status", Field::status},
    {"referer", Field::referer},
    {"user_agent", Field::user_agent},
    {"useragent", Field::user_agent},
    {"user", Field::user},
    {"host", Field::host},
    {"vhost", Field::vhost},
    {"message", Field::message},
    {"raw", Field::raw},
    {"process.executable", Field::process},
};

}  // namespace

std::string_view field_name(Field f) {
  return kNames[static_cast<size_t>(f)];
}

std::optional<Field> field_by_name(std::string_view name) {
  for (size_t i = 0; i < kFieldCount; ++i)
    if (kNames[i] == name) return static_cast<Field>(i);
  for (const Alias& a : kAliases)
    if (a.name == name) return a.field;
  return std::nullopt;
}

std::string_view log_kind_name(LogKind k) {
  switch (k) {
    case LogKind::web_access: return "web-access";
    case LogKind::web_error: return "web-error";
    case LogKind::syslog: return "syslog";
    case LogKind::auth: return "auth";
    case LogKind::mail: return "mail";
    case LogKind::shell_history: return "shell-history";
    case LogKind::unknown: break;
  }
  return "unknown";
}

namespace {
std::string_view number(int64_t v, std::string& scratch) {
  if (v < 0) return {};
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  scratch.assign(buf, r.ptr);
  return scratch;
}
}  // namespace

int64_t Event::duration_ns() const {
  if (duration_us < 0) return -1;
  int64_t ns;
  return __builtin_mul_overflow(duration_us, int64_t{1000}, &ns) ? INT64_MAX : ns;
}

std::string_view Event::text(Field f, std::string& scratch) const {
  if (f >= Field::count_) return {};
  if (const TextSlot m = kTextSlots[static_cast<size_t>(f)]) return this->*m;
  switch (f) {
    case Field::timestamp: return has_time() ? number(time, scratch) : std::string_view{};
    case Field::client_port: return number(client_port, scratch);
    case Field::server_port: return number(server_port, scratch);
    case Field::status: return number(status, scratch);
    case Field::bytes_sent: return number(bytes_sent, scratch);
    case Field::bytes_total: return number(bytes_total, scratch);
    case Field::bytes_received: return number(bytes_received, scratch);
    case Field::duration: return number(duration_ns(), scratch);
    case Field::pid: return number(pid, scratch);
    default: return {};  // text fields are in kTextSlots
  }
}

std::optional<std::string_view> Event::get(std::string_view name, std::string& scratch) const {
  if (auto f = field_by_name(name)) {
    std::string_view v = text(*f, scratch);
    if (v.empty()) return std::nullopt;
    return v;
  }
  for (const auto& [k, v] : extra)
    if (k == name) return v;
  return std::nullopt;
}

void Event::clear() {
  auto keep = std::move(extra);
  keep.clear();
  *this = Event{};
  extra = std::move(keep);
}

void Event::reuse() {
  if (!rest_default) {
    clear();
    return;
  }
  static const Event fresh;
  file_index = fresh.file_index;
  kind = fresh.kind;
  offset_assumed = fresh.offset_assumed;
  utc_offset_s = fresh.utc_offset_s;
  status = fresh.status;
  time = fresh.time;
  line = fresh.line;
  offset = fresh.offset;
  bytes_sent = fresh.bytes_sent;
  client_ip = method = path = query = request_target = protocol = {};
  referer = user_agent = raw = {};
}

}  // namespace shodo::ingest

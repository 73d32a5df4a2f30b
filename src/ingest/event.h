// The normalized event: one log line of any supported format, in one shape.
//
// Text fields are views into the batch that produced the event (the raw block
// or the batch's arena for decoded text); they stay valid while that batch
// lives. Copy what must outlive it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shodo::ingest {

// Every field an event can carry. Names follow the Elastic Common Schema where
// ECS has one; see docs/fields.md for the full table and the Sigma aliases.
enum class Field : uint8_t {
  timestamp,       // @timestamp
  host,            // host.name
  client_ip,       // source.ip
  client_port,     // source.port
  forwarded_for,   // http.request.x_forwarded_for (the whole chain)
  server_ip,       // destination.ip
  server_port,     // destination.port
  vhost,           // url.domain
  method,          // http.request.method
  path,            // url.path
  query,           // url.query
  request_target,  // url.original (the request target as sent: path?query)
  protocol,        // http.version (kept as written, e.g. "HTTP/1.1")
  status,          // http.response.status_code
  bytes_sent,      // http.response.body.bytes
  bytes_total,     // http.response.bytes (headers included)
  bytes_received,  // http.request.bytes
  duration,        // event.duration (nanoseconds, as ECS)
  referer,         // http.request.referrer
  user_agent,      // user_agent.original
  user,            // user.name
  target_user,     // user.target.name (sudo/su target, new account)
  process,         // process.name
  pid,             // process.pid
  command,         // process.command_line
  level,           // log.level
  action,          // event.action
  outcome,         // event.outcome (success / failure)
  mail_from,       // email.from.address
  mail_to,         // email.to.address
  mail_id,         // email.local_id (queue id)
  message,         // message
  raw,             // event.original
  count_           // number of fields; not a field
};
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::count_);

// The ECS name of a field (what JSON output and rules use).
std::string_view field_name(Field f);
// Resolves an ECS name, a shodo alias or a Sigma webserver name (c-ip,
// cs-uri-stem, sc-status, ...) to a field. Unknown names give nullopt; they
// may still name an extra field of the event.
std::optional<Field> field_by_name(std::string_view name);

enum class LogKind : uint8_t { unknown, web_access, web_error, syslog, auth, mail, shell_history };
std::string_view log_kind_name(LogKind k);

// Microseconds since the Unix epoch, UTC.
using TimeUs = int64_t;
inline constexpr TimeUs kNoTime = INT64_MIN;

// Laid out hottest first: what the detection of a web access log reads on
// every event fills the first three cache lines (a batch of events is larger
// than a core's cache, and every event is read again after its parse).
struct alignas(64) Event {
  // Citation (file_index, line, offset): where the event came from. Time:
  // the UTC instant plus the offset the source used, or the one assumed
  // from --tz when the line carried none. Numbers: -1 when absent (more of
  // them below).
  uint32_t file_index = 0;  // index into the ingest run's file list
  LogKind kind = LogKind::unknown;
  bool offset_assumed = false;  // true when the line carried no offset of its own
  // Every field after `raw` holds its default (see reuse()).
  bool rest_default = true;
  int32_t utc_offset_s = 0;
  int32_t status = -1;
  TimeUs time = kNoTime;
  uint64_t line = 0;    // 1-based line number in the decompressed stream
  uint64_t offset = 0;  // byte offset of the line in the decompressed stream
  int64_t bytes_sent = -1;

  // Text fields; empty when absent.
  std::string_view client_ip, method, path, query, request_target, protocol;
  std::string_view referer, user_agent;
  std::string_view raw;

  // The other fields, numbers first (-1 when absent), then text.
  int32_t client_port = -1;
  int32_t server_port = -1;
  int64_t pid = -1;
  int64_t bytes_total = -1;
  int64_t bytes_received = -1;
  int64_t duration_us = -1;

  std::string_view host, forwarded_for, server_ip, vhost;
  std::string_view user, target_user;
  std::string_view process, command, level, action, outcome;
  std::string_view mail_from, mail_to, mail_id;
  std::string_view message;

  // Fields with no slot above (custom headers, cookies, JSON keys, IIS
  // columns...), by the name the source gave them.
  std::vector<std::pair<std::string_view, std::string_view>> extra;

  bool has_time() const { return time != kNoTime; }
  // event.duration in nanoseconds (ECS); -1 when absent. Saturates instead of
  // overflowing on absurd values an attacker may write.
  int64_t duration_ns() const;

  // Text of a field; numbers are formatted into `scratch`. Empty when absent.
  std::string_view text(Field f, std::string& scratch) const;
  // Looks a field up by any accepted name, then among the extras.
  std::optional<std::string_view> get(std::string_view name, std::string& scratch) const;

  // Leaves the event empty for reuse without giving back the extras' memory.
  void clear();
  // The same for the next line of a batch, cheaper: the fields up to `raw`
  // are reset, the rest only when `rest_default` does not say they hold
  // their defaults. Most lines of a web log set none of them, and writing all
  // of an event's 9 cache lines on every line cost more than its parse.
  void reuse();
};
static_assert(offsetof(Event, raw) + sizeof(Event::raw) <= 3 * 64,
              "the fields read on every event must stay in its first three cache lines");
static_assert(offsetof(Event, client_port) == offsetof(Event, raw) + sizeof(Event::raw),
              "a field added before client_port must be reset by Event::reuse()");

// The member holding each text field (null for fields kept as numbers):
// read directly, a field costs no switch over all of them.
using TextSlot = std::string_view Event::*;
inline constexpr auto kTextSlots = [] {
  std::array<TextSlot, kFieldCount> slots{};
  auto set = [&](Field f, TextSlot m) { slots[static_cast<size_t>(f)] = m; };
  set(Field::host, &Event::host);
  set(Field::client_ip, &Event::client_ip);
  set(Field::forwarded_for, &Event::forwarded_for);
  set(Field::server_ip, &Event::server_ip);
  set(Field::vhost, &Event::vhost);
  set(Field::method, &Event::method);
  set(Field::path, &Event::path);
  set(Field::query, &Event::query);
  set(Field::request_target, &Event::request_target);
  set(Field::protocol, &Event::protocol);
  set(Field::referer, &Event::referer);
  set(Field::user_agent, &Event::user_agent);
  set(Field::user, &Event::user);
  set(Field::target_user, &Event::target_user);
  set(Field::process, &Event::process);
  set(Field::command, &Event::command);
  set(Field::level, &Event::level);
  set(Field::action, &Event::action);
  set(Field::outcome, &Event::outcome);
  set(Field::mail_from, &Event::mail_from);
  set(Field::mail_to, &Event::mail_to);
  set(Field::mail_id, &Event::mail_id);
  set(Field::message, &Event::message);
  set(Field::raw, &Event::raw);
  return slots;
}();

}  // namespace shodo::ingest

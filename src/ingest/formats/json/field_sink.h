// Putting named source fields onto an Event: the one place that knows how a
// value becomes an Event field. W3C columns, JSON keys, field-map columns and
// load-balancer fields all go through FieldSink.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "ingest/event.h"
#include "ingest/parser.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::mapping {

// How a source value becomes part of an Event.
enum class Conv : uint8_t {
  text,
  count,  // a non-negative integer: status, ports, byte counts, pid
  duration_s,
  duration_ms,
  duration_us,
  duration_ns,
  duration_auto,  // see parse_duration_auto
  time_auto,      // ISO 8601, CLF, epoch in any unit, or a lone date / clock time
  time_iso8601,
  time_clf,
  epoch_s,
  epoch_ms,
  epoch_us,
  epoch_ns,
  request_line,  // "GET /a?b HTTP/1.1": method, target, path, query, protocol
  url,           // "/a?b" or "https://host:port/a?b": target, path, query (host, port)
  host_port,     // "192.0.2.1:2817": the address field and its port field
  extra,         // kept under the source's own name
};

// When two source fields give the same Event field, the higher rank wins and
// the loser is kept as an extra. Parts split out of a value (the path of a
// request line) rank one below the value's own rank.
inline constexpr uint8_t kGeneric = 2;   // loosely used names: ip, path, time
inline constexpr uint8_t kSpecific = 4;  // names with one meaning: remote_addr, cs-uri-stem

struct Target {
  Field field = Field::message;
  Conv conv = Conv::extra;
  uint8_t rank = kSpecific;
};

// What a bare field name means (field maps, ECS names): its natural
// conversion at specific rank.
Target default_target(Field f);

// Fills one event. Keys given must stay valid as long as the event (views
// into the line, the arena, or static text).
class FieldSink {
 public:
  FieldSink(Event& ev, ParseContext& ctx) : ev_(ev), ctx_(ctx) {}

  // Puts `value`, read from the source field `key`, where `t` says. False,
  // with ctx.error set, when the value is not of the target's kind.
  bool set(const Target& t, std::string_view key, std::string_view value);
  void extra(std::string_view key, std::string_view value) { ev_.extra.emplace_back(key, value); }
  // After the last set(): joins a date and a clock time given apart (read as
  // UTC, as W3C logs write them) and fills url.original from path and query.
  void finish();
  // True when some source field landed in an Event field.
  bool any() const { return any_; }

 private:
  bool claim(Field f, uint8_t rank, std::string_view key, std::string_view value);
  bool put_text(Field f, uint8_t rank, std::string_view key, std::string_view value);
  bool put_count(Field f, uint8_t rank, std::string_view key, std::string_view value);
  bool put_duration(bool ok, int64_t us, uint8_t rank, std::string_view key,
                    std::string_view value);
  bool put_epoch(bool ok, TimeUs us, uint8_t rank, std::string_view key, std::string_view value);
  bool put_civil(const CivilTime& t, uint8_t rank, std::string_view key, std::string_view value);
  bool put_time_auto(uint8_t rank, std::string_view key, std::string_view value);
  void put_url(const Target& t, std::string_view key, std::string_view value);
  void put_request_line(const Target& t, std::string_view key, std::string_view value);
  bool put_host_port(const Target& t, std::string_view key, std::string_view value);
  bool fail(std::string_view why) {
    ctx_.error = why;
    return false;
  }

  // A date or a clock time waiting for its other half.
  struct Half {
    std::string_view key, value;
    bool set = false;
  };

  Event& ev_;
  ParseContext& ctx_;
  bool any_ = false;
  std::array<uint8_t, kFieldCount> rank_{};
  // The source of each field set directly (empty key for split-out parts).
  std::array<std::string_view, kFieldCount> key_{}, value_{};
  CivilTime split_time_;
  Half date_, clock_;
};

}  // namespace shodo::ingest::mapping

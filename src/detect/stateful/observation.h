// An event as the stateful detectors read it on every line: its numbers, its
// client address and path, and what they would otherwise work out from its
// text (the address's hash, what the path and method are), worked out once
// where the event is parsed: in parallel, while its text is still in cache.
// The detectors' ordered stage then reads one small record an event, in
// sequence, instead of three of the event's cache lines; the event stays at
// hand for the text a finding keeps.
#pragma once

#include <cstdint>
#include <string_view>

#include "detect/finding.h"
#include "ingest/event.h"

namespace shodo::detect {

struct Observation {
  static constexpr uint32_t kNoClient = UINT32_MAX;
  enum Flag : uint8_t {
    kPost = 1,           // method POST
    kHead = 2,           // method HEAD
    kNoReferer = 4,      // referer empty, "-", or (for a script) the script itself
    kScript = 8,         // a server-side script by extension (is_script_path)
    kLoginPost = 16,     // a POST to a login endpoint (is_login_path)
    kAction = 32,        // the event has an action (what SSH logins carry)
    kSizedSuccess = 64,  // a web access answered 2xx with a body size
  };

  ingest::TimeUs time = ingest::kNoTime;
  int64_t bytes_sent = -1;
  // The client's address (the event's text) and ClientIndex::hash of it; 0
  // without one. Kept here so that numbering clients reads no event.
  std::string_view client_ip;
  uint64_t client_hash = 0;
  std::string_view path;   // the event's text
  uint64_t path_hash = 0;  // of the path as written, for 4xx answers only
  Citation cite;
  int32_t utc_offset_s = 0;
  int32_t status = -1;
  // The address's number in the ClientIndex: set in input order, just before
  // the detectors see the event (kNoClient: none, or past the limit).
  uint32_t client = kNoClient;
  ingest::LogKind kind = ingest::LogKind::unknown;
  uint8_t flags = 0;
  uint8_t archive = 0;  // archive_kind's number for the path (see web_paths.h); 0: none

  bool has(Flag f) const { return (flags & f) != 0; }
  bool has_time() const { return time != ingest::kNoTime; }
  bool web() const { return kind == ingest::LogKind::web_access; }
};

Observation observation_of(const ingest::Event& ev);
// A web access answered 2xx with a body size (kSizedSuccess): what the path
// size baseline counts.
bool sized_success(const ingest::Event& ev);

}  // namespace shodo::detect

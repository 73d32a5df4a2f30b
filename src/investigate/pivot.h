// `shodo pivot VALUE`: everything in a case that involves one value (an IP
// address, a path, a hash, a user agent, a user name) — log events from every
// log the investigation read, findings, attackers, webshells and changed
// files — in time order.
#pragma once

#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "investigate/investigation.h"

namespace shodo::investigate {

struct PivotHit {
  TimeUs time = kNoTime;
  int32_t utc_offset_s = 0;
  std::string kind;  // event, finding, attacker, webshell, changed-file
  std::string text;  // raw evidence text (escape before display)
  Citation cite;
  std::string finding_id;
};

struct PivotResult {
  std::vector<PivotHit> hits;  // time order, undated last
  std::vector<std::string> problems;
  uint64_t events_read = 0;
};

// True when `value` occurs in `text` not as part of a longer token
// (203.0.113.4 does not match 203.0.113.45).
bool contains_token(std::string_view text, std::string_view value);

// Reads again the logs listed in inv.stats (host files; logs inside disk
// images are named in problems) with `options`.
PivotResult pivot(const Investigation& inv, const std::string& value,
                  const ingest::IngestOptions& options);

}  // namespace shodo::investigate

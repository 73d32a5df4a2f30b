// A finding: one conclusion drawn from the evidence, with what supports it.
// Every detector (Sigma rules, correlations, the built-in stateful detectors)
// produces these; renderers (src/report/) only read them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detect/sigma/rule.h"
#include "ingest/event.h"

namespace shodo::detect {

using sigma::Level;
std::string_view level_name(Level l);  // informational, low, medium, high, critical

// What became of an attack, as far as the evidence shows.
enum class Outcome : uint8_t {
  unknown,         // nothing to judge by (no status, not a web request)
  blocked,         // refused: 401/403/404/405/406/429/5xx, WAF block
  failed,          // a failed login or similar
  attempted,       // accepted (2xx/3xx) but nothing shows it worked
  likely_success,  // 2xx with a response unlike the path's usual one
  success,         // the evidence shows it worked (login accepted after failures...)
};
// unknown, blocked, failed, attempted, likely-success, success
std::string_view outcome_name(Outcome o);

// ATT&CK technique ids from Sigma tags: attack.t1110.001 -> T1110.001;
// other tags (tactics, cve.*) are left out.
std::vector<std::string> attack_techniques(const std::vector<std::string>& tags);

// Where in the evidence: the ingest run's file index, 1-based line, byte offset.
struct Citation {
  uint32_t file_index = 0;
  uint64_t line = 0;
  uint64_t offset = 0;
};

struct Finding {
  enum class Source : uint8_t { sigma, correlation, detector };
  Source source = Source::sigma;
  std::string rule_id;  // Sigma id, or "shodo.<detector>" for built-in detectors
  std::string title;
  std::string title_ja;  // empty: use title
  Level level = Level::medium;
  std::vector<std::string> techniques;  // ATT&CK ids, upper case: T1190, T1110.001

  ingest::TimeUs time = ingest::kNoTime;       // the (first) event
  ingest::TimeUs last_time = ingest::kNoTime;  // last event, for aggregated findings
  int32_t utc_offset_s = 0;

  std::string client_ip;  // the actor's address, when known
  std::string user;       // the account involved, when known

  // What matched: the field's ECS name and its value (bounded in length).
  std::string field, value;

  // Web context, for outcome and grouping.
  std::string method, path;
  int32_t status = -1;
  int64_t bytes = -1;

  Outcome outcome = Outcome::unknown;
  std::string outcome_reason;  // one short English sentence: why this outcome

  Citation cite;                  // the event that supports the finding
  std::vector<Citation> related;  // further events (aggregates: first ones, capped)
  uint64_t count = 1;             // events summarized by this finding

  // For correlations and detectors: what was seen, in words (en, ja).
  std::string detail, detail_ja;
};

}  // namespace shodo::detect

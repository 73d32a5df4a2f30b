// Rendering what `shodo hunt` found: findings grouped by severity and rule,
// the attackers behind them, for a terminal (en, ja) or for other tools
// (json, jsonl, csv). Same findings in, byte-identical output out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "ingest/ingest.h"

namespace shodo::report {

struct HuntReport {
  const ingest::InputSet* inputs = nullptr;  // Citation::file_index indexes inputs->files
  const ingest::IngestResult* ingest = nullptr;
  double seconds = 0;
  const std::vector<detect::Finding>* findings = nullptr;  // sorted: time, file, line, rule
  struct RuleStats {
    size_t rules_loaded = 0;  // Sigma rules
    size_t correlations = 0;
    size_t detectors = 0;
    size_t problems = 0;  // rules not run (see `shodo rules lint`)
  } rules;
  bool verbose = false;     // text: every example and attacker, outcome reasons
  std::string lang = "en";  // en | ja (text only)
  detect::Level min_level = detect::Level::informational;  // as filtered by the caller
};

// format: text | json | jsonl | csv
std::string render_hunt(const HuntReport& r, std::string_view format);

}  // namespace shodo::report

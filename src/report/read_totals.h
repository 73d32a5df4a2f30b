// What an ingest run read, in total, and the lines that say so at the top of
// `shodo hunt` text output (shared by the ingest summary and the findings).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace shodo::report {

struct ReadTotals {
  uint64_t files = 0, bytes = 0, lines = 0, events = 0, bad_lines = 0, filtered = 0;
  ingest::TimeUs first_time = ingest::kNoTime, last_time = ingest::kNoTime;
};

ReadTotals read_totals(const ingest::IngestResult& result);

// "7 files, 666.3 KiB read, 3,120 events, 0 bad lines in 0.05 s (...)", the
// zone assumed and, when some were, the events left out by --since/--until;
// one line each, in `lang` (en | ja).
std::string read_totals_text(const ingest::IngestResult& result, double seconds,
                             std::string_view lang);

}  // namespace shodo::report

// What the stateful detectors keep of the events behind a finding: times and
// citations, never the events themselves (their text dies with the batch).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "detect/stateful/observation.h"
#include "ingest/event.h"

namespace shodo::detect {

Citation citation_of(const ingest::Event& ev);

// The time span, count and citations of a group of events: the first
// `max_related` citations are kept, the rest only counted.
struct Evidence {
  ingest::TimeUs first = ingest::kNoTime, last = ingest::kNoTime;
  int32_t utc_offset_s = 0;
  uint64_t count = 0;
  std::vector<Citation> cites;

  void add(const Observation& o, size_t max_related);
  bool empty() const { return count == 0; }
  // Fills time, last_time, utc_offset_s, count, cite (the first event) and
  // related (the next ones).
  void fill(Finding& f) const;
};

// Makes `ev` (the event that settles the finding, e.g. the accepted login)
// the citation; the evidence already in `f` becomes related, capped.
void cite_conclusion(Finding& f, const ingest::Event& ev, size_t max_related);

// The fields every detector finding shares.
Finding detector_finding(std::string_view name, std::string_view title, std::string_view title_ja,
                         Level level, std::string_view technique);

// 48213 -> "48,213": numbers in detail sentences are read by people.
std::string with_commas(uint64_t n);
// A duration in the largest whole unit: "90s", "5m", "2h", "3d".
std::string short_span(ingest::TimeUs us);
// "2024-03-02 14:05 UTC".
std::string minute_text(ingest::TimeUs t);

}  // namespace shodo::detect

// Saying what was read: per-file statistics of an ingest run (formats,
// events, bad lines with examples, time ranges, files that could not be
// read), for a terminal or for other tools.
#pragma once

#include <string>

#include "ingest/ingest.h"

namespace shodo::report {

struct IngestSummary {
  const ingest::InputSet* inputs = nullptr;
  const ingest::IngestResult* result = nullptr;
  double seconds = 0;
  bool verbose = false;
  std::string lang = "en";  // en | ja
};

// format: text | json | jsonl | csv
std::string render_ingest_summary(const IngestSummary& s, const std::string& format);

// Pieces of the text form, for other reports to include. Each section starts
// with an empty line; nothing when there is nothing to say.
// The per-file table (format, events, bad lines, first and last time) and
// examples of bad lines.
std::string ingest_files_text(const IngestSummary& s);
// Files skipped or read incompletely, inputs that gave nothing to read.
std::string ingest_problems_text(const IngestSummary& s);

}  // namespace shodo::report

// Writes every output of an investigation into one folder, each file
// replaced atomically (written beside, then renamed) so a re-run never
// leaves a half file.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "investigate/investigation.h"
#include "report/timeline_writer.h"

namespace shodo::investigate {

using Written = std::vector<std::pair<std::string, std::string>>;  // (label, path)

// timeline.{csv,jsonl,body}: they need nothing of the correlation's result,
// so they are written while the evidence is hashed again.
Written write_timeline(report::TimelineWriter& timeline, const std::string& dir,
                       std::string& error);

// findings.json, iocs.{stix.json,misp.json,csv}, initial-report.{ja,en}.{html,md}
// and, when disk images were examined, disk-report.{ja,en}.{html,md}.
// Returns (label, path) of each file written; `error` set when one could not
// be written.
Written write_outputs(const Investigation& inv, const std::string& dir, std::string& error);

}  // namespace shodo::investigate

// Runs the stateful detectors over generated traffic, as the pipeline would.
#pragma once

#include <string>
#include <vector>

#include "detect/stateful/detectors.h"
#include "support/web_traffic.h"

namespace shodo::testing {

// `limits`, when given, receives the limits the detectors reached.
inline std::vector<detect::Finding> run_detectors(const std::vector<Record>& records,
                                                  const detect::DetectorOptions& options = {},
                                                  std::vector<std::string>* limits = nullptr) {
  auto detectors = detect::make_detectors(options);
  for (const Record& r : records) {
    const ingest::Event ev = to_event(r);
    detectors.observe(ev);
  }
  std::vector<detect::Finding> out;
  for (auto& d : detectors.all) d->finish(out);
  if (limits) *limits = detectors.limits();
  return out;
}

}  // namespace shodo::testing

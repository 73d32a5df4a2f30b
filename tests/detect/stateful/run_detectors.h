// Runs the stateful detectors over generated traffic, as the pipeline would.
#pragma once

#include <vector>

#include "detect/stateful/detectors.h"
#include "support/web_traffic.h"

namespace shodo::testing {

inline std::vector<detect::Finding> run_detectors(const std::vector<Record>& records,
                                                  const detect::DetectorOptions& options = {}) {
  auto detectors = detect::make_detectors(options);
  for (const Record& r : records) {
    const ingest::Event ev = to_event(r);
    for (auto& d : detectors) d->observe(ev);
  }
  std::vector<detect::Finding> out;
  for (auto& d : detectors) d->finish(out);
  return out;
}

}  // namespace shodo::testing

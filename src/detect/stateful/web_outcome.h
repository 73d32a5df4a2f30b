// What became of a web attack, judged from its response: refused, accepted
// like any request, or answered with a body unlike the path's usual one
// (data came out). Observes every event for the per-path size baseline; the
// lead calls assess() on each web finding at the end.
#pragma once

#include "detect/finding.h"
#include "detect/stateful/detectors.h"
#include "detect/stateful/path_sizes.h"
#include "ingest/event.h"

namespace shodo::detect {

class WebOutcome {
 public:
  explicit WebOutcome(const DetectorOptions& options = {}) : o_(options) {}

  void observe(const ingest::Event& ev) { sizes_.observe(ev); }
  // Sets outcome and outcome_reason from method, path, status and bytes;
  // leaves findings that already have an outcome alone.
  void assess(Finding& f) const;

 private:
  DetectorOptions o_;
  PathSizes sizes_;
};

}  // namespace shodo::detect

// What became of a web attack, judged from its response: refused, accepted
// like any request, or answered with a body unlike the path's usual one
// (data came out), against the per-path size baseline the detector set
// keeps. The lead calls assess() on each web finding at the end.
#pragma once

#include <memory>

#include "detect/finding.h"
#include "detect/stateful/detectors.h"
#include "detect/stateful/path_sizes.h"
#include "ingest/event.h"

namespace shodo::detect {

class WebOutcome {
 public:
  WebOutcome(const DetectorOptions& options, std::shared_ptr<const PathSizes> sizes)
      : o_(options), sizes_(std::move(sizes)) {}

  // Sets outcome and outcome_reason from method, path, status and bytes;
  // leaves findings that already have an outcome alone.
  void assess(Finding& f) const;

 private:
  DetectorOptions o_;
  std::shared_ptr<const PathSizes> sizes_;
};

}  // namespace shodo::detect

// A run of failed logins from one key (an IP, an account): failures with no
// pause longer than DetectorOptions::login_pause_us between them. Times may
// come out of order across files, so a failure continues the run when it lies
// within the pause of either end.
#pragma once

#include "detect/stateful/evidence.h"

namespace shodo::detect {

struct LoginRun {
  Evidence failures;
  bool success_reported = false;

  bool continued_by(ingest::TimeUs t, ingest::TimeUs pause) const {
    return failures.empty() || (t >= failures.first - pause && t <= failures.last + pause);
  }
  // A success at `t` comes after enough of this run's failures, soon enough.
  bool success_follows(ingest::TimeUs t, uint32_t min_failures, ingest::TimeUs within) const {
    return !success_reported && failures.count >= min_failures && t >= failures.first &&
           t - failures.last <= within;
  }
};

}  // namespace shodo::detect

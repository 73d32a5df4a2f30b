#include "detect/stateful/web_outcome.h"

#include <fmt/format.h>

#include <algorithm>

#include "detect/stateful/evidence.h"

namespace shodo::detect {

namespace {

bool refused(int32_t status) {
  return (status >= 400 && status <= 499) || status >= 500;
}

}  // namespace

void WebOutcome::assess(Finding& f) const {
  if (f.outcome != Outcome::unknown) return;
  if (f.status < 0) {
    f.outcome_reason = "no response status to judge by";
    return;
  }
  const std::string bytes = f.bytes >= 0 ? with_commas(f.bytes) : "?";
  if (refused(f.status)) {
    f.outcome = Outcome::blocked;
    f.outcome_reason = fmt::format("refused: answered {}", f.status);
    return;
  }
  if (f.bytes >= 0 && std::find(o_.block_page_sizes.begin(), o_.block_page_sizes.end(), f.bytes) !=
                          o_.block_page_sizes.end()) {
    f.outcome = Outcome::blocked;
    f.outcome_reason =
        fmt::format("{} with {} bytes, the size of the WAF block page", f.status, bytes);
    return;
  }
  f.outcome = Outcome::attempted;
  if (f.status < 200 || f.status > 299) {
    f.outcome_reason = fmt::format("accepted with {} but nothing shows it worked", f.status);
    return;
  }
  const PathSizes::Baseline b = sizes_->baseline(f.path);
  if (b.responses < o_.baseline_min_responses || f.bytes < 0) {
    f.outcome_reason = fmt::format(
        "{} with {} bytes; too few responses of this path to compare "
        "({})",
        f.status, bytes, b.responses);
    return;
  }
  const auto usual = fmt::format("this path usually answers {} bytes (median of {} responses)",
                                 with_commas(b.median), with_commas(b.responses));
  if (static_cast<double>(f.bytes) >= o_.outcome_size_factor * static_cast<double>(b.median) &&
      f.bytes - b.median >= o_.outcome_min_extra_bytes) {
    f.outcome = Outcome::likely_success;
    f.outcome_reason = fmt::format("{} with {} bytes; {}", f.status, bytes, usual);
    return;
  }
  f.outcome_reason = fmt::format("{} with {} bytes, like the usual; {}", f.status, bytes, usual);
}

}  // namespace shodo::detect

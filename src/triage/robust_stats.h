// Internal to triage: what is usual in a folder, robustly. A few replaced
// files must not move the baseline they are judged against, so the centre
// is the median and the spread the median absolute deviation.
#pragma once

#include <string>
#include <vector>

#include "fsview/fsview.h"

namespace shodo::triage {

struct Spread {
  fsview::TimeNs median = 0;
  fsview::TimeNs mad = 0;  // median absolute deviation
  size_t count = 0;
};
// Of the known times (kNoTime left out).
Spread spread_of(std::vector<fsview::TimeNs> times);

// Fewer siblings than this say nothing about what is usual.
inline constexpr size_t kMinSiblings = 8;

// Later than the median by more than min_gap and by more than five scaled
// deviations (1.4826 * MAD estimates a standard deviation); never when the
// spread is of fewer than kMinSiblings times.
bool stands_out_later(fsview::TimeNs t, const Spread& s, fsview::TimeNs min_gap);

// Files of one folder whose mtime or ctime stands out later than their
// siblings' (packages install files in batches; a lone late one was put
// there some other way, or upgraded alone).
struct Outlier {
  const fsview::FileInfo* file = nullptr;
  bool mtime = false, ctime = false;
};
struct SiblingTimes {
  Spread m, c;
  std::vector<Outlier> outliers;
};
SiblingTimes later_than_siblings(const std::vector<fsview::FileInfo>& files,
                                 fsview::TimeNs min_gap);
// "mtime T is 12.0 days after the folder's median M; ctime ..." (en, ja).
void describe_outlier(const Outlier& o, const SiblingTimes& s, std::string& en, std::string& ja);

}  // namespace shodo::triage

#include "triage/robust_stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "triage/context.h"

namespace shodo::triage {
namespace {

fsview::TimeNs median_in_place(std::vector<fsview::TimeNs>& v) {
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

}  // namespace

Spread spread_of(std::vector<fsview::TimeNs> times) {
  std::erase(times, fsview::kNoTime);
  Spread s;
  s.count = times.size();
  if (times.empty()) return s;
  s.median = median_in_place(times);
  // Deviations of file times fit in int64: both ends are real timestamps.
  for (auto& t : times) t = t >= s.median ? t - s.median : s.median - t;
  s.mad = median_in_place(times);
  return s;
}

bool stands_out_later(fsview::TimeNs t, const Spread& s, fsview::TimeNs min_gap) {
  if (t == fsview::kNoTime || s.count < kMinSiblings || t <= s.median) return false;
  const double gap = static_cast<double>(t) - static_cast<double>(s.median);
  return gap > static_cast<double>(min_gap) && gap > 5 * 1.4826 * static_cast<double>(s.mad);
}

SiblingTimes later_than_siblings(const std::vector<fsview::FileInfo>& files,
                                 fsview::TimeNs min_gap) {
  SiblingTimes s;
  std::vector<fsview::TimeNs> m, c;
  for (const fsview::FileInfo& f : files) {
    m.push_back(f.mtime);
    c.push_back(f.ctime);
  }
  s.m = spread_of(std::move(m));
  s.c = spread_of(std::move(c));
  for (const fsview::FileInfo& f : files) {
    Outlier o{&f, stands_out_later(f.mtime, s.m, min_gap), stands_out_later(f.ctime, s.c, min_gap)};
    if (o.mtime || o.ctime) s.outliers.push_back(o);
  }
  return s;
}

void describe_outlier(const Outlier& o, const SiblingTimes& s, std::string& en, std::string& ja) {
  auto say = [&](const char* name, fsview::TimeNs t, const Spread& spread) {
    en += fmt::format("{}{} {} is {} after the folder's median {}", en.empty() ? "" : "; ", name,
                      time_text(t), duration_text(t - spread.median), time_text(spread.median));
    ja += fmt::format("{}{} {} はフォルダの中央値 {} より {} 新しい", ja.empty() ? "" : "、", name,
                      time_text(t), time_text(spread.median), duration_text_ja(t - spread.median));
  };
  if (o.mtime) say("mtime", o.file->mtime, s.m);
  if (o.ctime) say("ctime", o.file->ctime, s.c);
}

}  // namespace shodo::triage

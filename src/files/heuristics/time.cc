// Time and place: modified inside the incident window, much newer than the
// rest of its folder (a file dropped into a release), or times that look set
// by hand (touch -d / -r) rather than by a write.
#include <string>

#include "files/heuristics/heuristics.h"
#include "files/heuristics/signal_util.h"

namespace shodo::files {
namespace {

constexpr fsview::TimeNs kDay = 86400LL * 1000000000LL;
constexpr size_t npos = std::string_view::npos;

bool in_window(fsview::TimeNs t, fsview::TimeNs since, fsview::TimeNs until) {
  if (t == fsview::kNoTime) return false;
  return (since == fsview::kNoTime || t >= since) && (until == fsview::kNoTime || t < until);
}

}  // namespace

void check_time(const FileContext& c, std::vector<Signal>& out) {
  const fsview::FileInfo& f = c.info;
  if (c.since != fsview::kNoTime || c.until != fsview::kNoTime) {
    const bool m = in_window(f.mtime, c.since, c.until);
    const bool ch = in_window(f.ctime, c.since, c.until) || in_window(f.btime, c.since, c.until);
    if (m || ch)
      add_signal(out, "in_window", 20, "Changed inside the incident window",
                 "インシデント期間内に変更",
                 m ? "content modified inside the incident window"
                   : "metadata changed or file created inside the incident window",
                 m ? "インシデント期間内に内容が変更された"
                   : "インシデント期間内に作成またはメタデータ変更",
                 npos, {});
  }
  const FolderStats* s = c.folder;
  if (!s || s->files < 5 || f.mtime == fsview::kNoTime) return;
  if (s->median_mtime != fsview::kNoTime && f.mtime > s->median_mtime + 30 * kDay)
    add_signal(out, "newer_than_siblings", 10, "Much newer than the rest of its folder",
               "同じフォルダの他のファイルより大幅に新しい",
               "modified " + std::to_string((f.mtime - s->median_mtime) / kDay) +
                   " days after most files of its folder",
               "フォルダ内の大半のファイルより " +
                   std::to_string((f.mtime - s->median_mtime) / kDay) + " 日後に変更",
               npos, {});
  // Born after every sibling yet claiming an old mtime: copied-with-times
  // releases keep btime and mtime order alike; touch -d changes only mtime.
  const fsview::TimeNs others = f.btime == s->max_btime ? s->second_btime : s->max_btime;
  if (f.btime != fsview::kNoTime && others != fsview::kNoTime && f.btime > others + kDay &&
      s->median_mtime != fsview::kNoTime && f.mtime <= s->median_mtime + kDay)
    add_signal(out, "backdated", 25, "Timestamps look backdated", "タイムスタンプの改ざんの疑い",
               "created " + std::to_string((f.btime - others) / kDay) +
                   " days after its siblings but its modification time matches theirs",
               "他のファイルより " + std::to_string((f.btime - others) / kDay) +
                   " 日後に作成されたのに、更新日時は他と同じ",
               npos, {"T1070.006"});
  else if (f.mtime % 1000000000 == 0 && s->share_whole_second_mtime < 0.2)
    add_signal(out, "whole_second_mtime", 5, "Modification time without sub-seconds",
               "更新日時に秒未満の値がない",
               "mtime has no sub-second part while its siblings' have one (typical of touch -d)",
               "他のファイルと違い更新日時に秒未満の値がない（touch -d の特徴）", npos,
               {"T1070.006"});
}

}  // namespace shodo::files

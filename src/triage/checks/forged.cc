// Timestamps that look forged: a content time (mtime) earlier than the
// file's birth — or, where no birth time is recorded, its last metadata
// change — by more than the threshold. `touch -d` and timestomping tools set
// mtime but cannot set ctime or birth. Copies that keep times (cp -p, tar,
// package installs) look the same, hence a low level: it points, it does
// not prove.
#include <fmt/format.h>

#include "triage/checks/checks.h"

namespace shodo::triage {

void check_forged(Context& ctx, const fsview::FileInfo& file) {
  if (file.type != fsview::FileType::regular || file.mtime == fsview::kNoTime) return;
  const bool birth = file.btime != fsview::kNoTime;
  const fsview::TimeNs ref = birth ? file.btime : file.ctime;
  if (ref == fsview::kNoTime || ref - file.mtime <= ctx.options.forged_threshold_ns) return;
  auto& f = ctx.add(file, "forged_time", detect::Level::low, 35, {"T1070.006"});
  f.title = "Timestamp looks forged (modified before it was created)";
  f.title_ja = "改ざんの疑いがあるタイムスタンプ（作成より前の更新時刻）";
  const char* ref_name = birth ? "birth" : "ctime";
  f.reason = fmt::format("mtime {} is {} before its {} {}", time_text(file.mtime),
                         duration_text(ref - file.mtime), ref_name, time_text(ref));
  f.reason_ja =
      fmt::format("mtime {} が {} {} より {} 前", time_text(file.mtime),
                  birth ? "作成時刻" : "ctime", time_text(ref), duration_text_ja(ref - file.mtime));
}

}  // namespace shodo::triage

// Files changed inside --since/--until: one informational finding per file
// (content, metadata or birth in the window), the first max_window_findings
// of them; the summary counts all. Folders change whenever a file is added
// or removed, so they are left to their files.
#include <fmt/format.h>

#include "triage/checks/checks.h"

namespace shodo::triage {

void check_window(Context& ctx, const fsview::FileInfo& file) {
  if (file.type == fsview::FileType::directory || !ctx.changed_in_window(file)) return;
  if (++ctx.result.window_changes > ctx.options.max_window_findings) return;
  std::string which;
  auto note = [&](const char* name, fsview::TimeNs t) {
    if (ctx.in_window(t))
      which += fmt::format("{}{} {}", which.empty() ? "" : ", ", name, time_text(t));
  };
  note("modified", file.mtime);
  note("changed", file.ctime);
  note("born", file.btime);
  auto& f = ctx.add(file, "window", detect::Level::informational, 10, {});
  f.title = "Changed in the time window";
  f.title_ja = "期間内に変更されたファイル";
  f.reason = "in the window: " + which;
  f.reason_ja = "期間内の時刻: " + which;
}

}  // namespace shodo::triage

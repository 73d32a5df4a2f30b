#include "triage/checks/scheduled.h"

#include <fmt/format.h>

namespace shodo::triage {

void report_scheduled_commands(Context& ctx, const fsview::FileInfo& file,
                               const ScheduledKind& kind,
                               const std::vector<CommandLine>& commands) {
  for (CommandHit& hit : ctx.commands->scan_commands(file.path, commands)) {
    std::vector<std::string> techniques{std::string(kind.technique)};
    for (std::string& t : hit.techniques)
      if (t != kind.technique) techniques.push_back(std::move(t));
    // Run unattended, what is merely suspicious at a prompt keeps coming back.
    const detect::Level level = std::max(hit.level, detect::Level::medium);
    auto& f = ctx.add(file, std::string(kind.check) + ".command", level, 75, techniques);
    f.title = fmt::format("{}: {}", kind.what, hit.title);
    f.title_ja =
        fmt::format("{}: {}", kind.what_ja, hit.title_ja.empty() ? hit.title : hit.title_ja);
    f.reason =
        fmt::format("{} runs a command that matches {} ({})", kind.what, hit.rule_id, hit.title);
    f.reason_ja = fmt::format("{}のコマンドが {}（{}）に該当", kind.what_ja, hit.rule_id,
                              hit.title_ja.empty() ? hit.title : hit.title_ja);
    f.line = hit.line;
    f.offset = hit.offset;
    f.excerpt = std::move(hit.command);
  }
}

void report_scheduled_change(Context& ctx, const fsview::FileInfo& file,
                             const ScheduledKind& kind) {
  if (!ctx.changed_in_window(file)) return;
  auto& f = ctx.add(file, std::string(kind.check) + ".changed_in_window", detect::Level::medium, 50,
                    {std::string(kind.technique)});
  f.title = fmt::format("{} added or changed in the time window", kind.what);
  f.title_ja = fmt::format("期間内に追加・変更された{}", kind.what_ja);
  f.reason = fmt::format("{} was changed in the window (m {}, c {}, b {})", file.path,
                         time_text(file.mtime), time_text(file.ctime), time_text(file.btime));
  f.reason_ja = fmt::format("{} が期間内に変更された（m {}、c {}、b {}）", file.path,
                            time_text(file.mtime), time_text(file.ctime), time_text(file.btime));
}

}  // namespace shodo::triage

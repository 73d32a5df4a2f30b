// Cron: /etc/crontab, /etc/cron.d and the cron.{hourly,daily,weekly,monthly}
// scripts, and everything under /var/spool/cron (users' crontabs, at jobs):
// jobs added or changed in the window, and jobs whose commands download and
// run code, open reverse shells, decode base64 or run from temporary folders.
#include "triage/checks/checks.h"
#include "triage/checks/scheduled.h"

namespace shodo::triage {
namespace {

constexpr ScheduledKind kCron{"cron", "Cron job", "cron ジョブ", "T1053.003"};

void check_file(Context& ctx, const fsview::FileInfo& file) {
  if (file.type != fsview::FileType::regular) return;
  report_scheduled_change(ctx, file, kCron);
  std::string text;
  if (!ctx.read_text(file, text)) return;
  std::vector<CommandLine> commands;
  for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos || line[start] == '#') return;
    commands.push_back({line, n, offset});
  });
  report_scheduled_commands(ctx, file, kCron, commands);
}

}  // namespace

void check_cron(Context& ctx) {
  fsview::FileInfo crontab;
  if (ctx.stat("/etc/crontab", crontab)) check_file(ctx, crontab);
  for (const char* dir : {"/etc/cron.d", "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly",
                          "/etc/cron.monthly"})
    for (const fsview::FileInfo& f : ctx.entries_in(dir)) check_file(ctx, f);
  ctx.walk("/var/spool/cron", [&](const fsview::FileInfo& f) { check_file(ctx, f); });
}

}  // namespace shodo::triage

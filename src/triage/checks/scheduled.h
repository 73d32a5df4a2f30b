// Internal to triage: what cron.cc and systemd.cc share — a scheduled
// command judged by the command rules becomes a finding of that check.
#pragma once

#include <string_view>
#include <vector>

#include "triage/command_scan.h"
#include "triage/context.h"

namespace shodo::triage {

struct ScheduledKind {
  std::string_view check;          // "cron", "systemd"
  std::string_view what, what_ja;  // "Cron job", "cron ジョブ"
  std::string_view technique;      // T1053.003, T1543.002...
};

// Judges `commands` of `file` and adds one finding per rule or marker hit.
void report_scheduled_commands(Context& ctx, const fsview::FileInfo& file,
                               const ScheduledKind& kind, const std::vector<CommandLine>& commands);
// A finding when `file` was added or changed in the window.
void report_scheduled_change(Context& ctx, const fsview::FileInfo& file, const ScheduledKind& kind);

}  // namespace shodo::triage

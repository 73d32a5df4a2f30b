// systemd units and timers: units added or changed in the window, units
// whose Exec lines download and run code or open shells, vendor units
// (/usr/lib/systemd/system) much newer than their siblings (packages install
// them together), and per-user units, which servers rarely have.
#include <fmt/format.h>

#include "triage/checks/checks.h"
#include "triage/checks/scheduled.h"
#include "triage/robust_stats.h"

namespace shodo::triage {
namespace {

constexpr ScheduledKind kService{"systemd", "systemd unit", "systemd ユニット", "T1543.002"};
constexpr ScheduledKind kTimer{"systemd", "systemd timer", "systemd タイマー", "T1053.006"};

bool is_unit(std::string_view name) {
  for (std::string_view ext : {".service", ".timer", ".socket", ".path", ".conf"})
    if (name.ends_with(ext)) return true;
  return false;
}

// "ExecStart=-/usr/bin/x" -> "/usr/bin/x"; empty when not an Exec line.
std::string_view exec_command(std::string_view line) {
  line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
  if (!line.starts_with("Exec")) return {};
  const size_t eq = line.find('=');
  if (eq == std::string_view::npos) return {};
  std::string_view cmd = line.substr(eq + 1);
  while (!cmd.empty() && std::string_view("-@:+! \t").find(cmd.front()) != std::string_view::npos)
    cmd.remove_prefix(1);
  return cmd;
}

void check_unit(Context& ctx, const fsview::FileInfo& file) {
  if (file.type != fsview::FileType::regular || !is_unit(file.name())) return;
  const ScheduledKind& kind = file.name().ends_with(".timer") ? kTimer : kService;
  report_scheduled_change(ctx, file, kind);
  std::string text;
  if (!ctx.read_text(file, text)) return;
  std::vector<CommandLine> commands;
  for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
    std::string_view cmd = exec_command(line);
    if (!cmd.empty()) commands.push_back({cmd, n, offset + (cmd.data() - line.data())});
  });
  report_scheduled_commands(ctx, file, kind, commands);
}

void check_vendor_times(Context& ctx, const std::vector<fsview::FileInfo>& units) {
  const SiblingTimes times = later_than_siblings(units, ctx.options.sibling_gap_ns);
  for (const Outlier& o : times.outliers) {
    auto& f = ctx.add(*o.file, "systemd.vendor_newer", detect::Level::medium, 50, {"T1543.002"});
    f.title = "Packaged systemd unit much newer than its siblings";
    f.title_ja = "同じフォルダの他より大幅に新しいパッケージの systemd ユニット";
    describe_outlier(o, times, f.reason, f.reason_ja);
  }
}

void check_user_unit(Context& ctx, const Home& home, const fsview::FileInfo& file) {
  if (file.type != fsview::FileType::regular || !is_unit(file.name())) return;
  auto& f = ctx.add(file, "systemd.user_unit", detect::Level::low, 35, {"T1543.002"});
  f.title = "Per-user systemd unit";
  f.title_ja = "ユーザー単位の systemd ユニット";
  f.reason = fmt::format("{} has its own systemd unit, which runs whenever the user's manager does",
                         home.user);
  f.reason_ja = fmt::format("{} が独自の systemd ユニットを持つ", home.user);
}

}  // namespace

void check_systemd(Context& ctx) {
  for (const char* dir : {"/etc/systemd/system", "/etc/systemd/user"})
    ctx.walk(dir, [&](const fsview::FileInfo& f) { check_unit(ctx, f); });
  for (const char* dir : {"/usr/lib/systemd/system", "/lib/systemd/system"}) {
    std::vector<fsview::FileInfo> units;
    for (const fsview::FileInfo& f : ctx.entries_in(dir)) {
      if (f.type != fsview::FileType::regular || !is_unit(f.name())) continue;
      check_unit(ctx, f);
      units.push_back(f);
    }
    check_vendor_times(ctx, units);
  }
  for (const Home& home : ctx.homes())
    ctx.walk(home.path + "/.config/systemd/user", [&](const fsview::FileInfo& f) {
      check_user_unit(ctx, home, f);
      check_unit(ctx, f);
    });
}

}  // namespace shodo::triage

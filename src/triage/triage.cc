#include "triage/triage.h"

#include <algorithm>
#include <tuple>

#include "triage/checks/checks.h"
#include "triage/command_scan.h"
#include "triage/context.h"

namespace shodo::triage {
namespace {

// Virtual file systems of a live root: nothing of the evidence is there.
bool virtual_fs(std::string_view path) {
  return path == "/proc" || path == "/sys";
}

// At most this many history files are judged (each read whole, bounded).
constexpr size_t kMaxHistories = 10'000;

}  // namespace

TriageResult run_triage(const fsview::View& view, const TriageOptions& options) {
  TriageResult result;
  Context ctx(view, options, result);
  const CommandScanner commands(options.rules);
  ctx.commands = &commands;

  std::vector<fsview::FileInfo> histories;
  view.walk(
      "/", {},
      [&](const fsview::FileInfo& f) {
        if (f.type == fsview::FileType::directory && virtual_fs(f.path)) return fsview::Visit::skip;
        ++result.files_examined;
        check_suid(ctx, f);
        check_temp_exec(ctx, f);
        check_window(ctx, f);
        check_forged(ctx, f);
        if (f.type == fsview::FileType::regular && !history_format(f.path).empty() &&
            histories.size() < kMaxHistories)
          histories.push_back(f);
        return fsview::Visit::descend;
      },
      [&](const fsview::Problem& p) { ctx.problem(p.path, p.reason); });

  check_accounts(ctx);
  check_sudoers(ctx);
  check_ssh_keys(ctx);
  check_cron(ctx);
  check_systemd(ctx);
  check_ld_preload(ctx);
  check_binaries(ctx);
  check_histories(ctx, histories);

  if (result.window_changes > options.max_window_findings) {
    const uint64_t left_out = result.window_changes - options.max_window_findings;
    result.notes.push_back(std::to_string(result.window_changes) +
                           " files changed in the time window; the first " +
                           std::to_string(options.max_window_findings) + " are listed, " +
                           std::to_string(left_out) + " left out");
    result.notes_ja.push_back(
        "期間内に変更されたファイル: " + std::to_string(result.window_changes) + "件（先頭" +
        std::to_string(options.max_window_findings) + "件を表示、" + std::to_string(left_out) +
        "件は省略）");
  } else if (result.window_changes > 0) {
    result.notes.push_back(std::to_string(result.window_changes) +
                           " files changed in the time window");
    result.notes_ja.push_back(
        "期間内に変更されたファイル: " + std::to_string(result.window_changes) + "件");
  }

  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const detect::FileFinding& a, const detect::FileFinding& b) {
                     return std::tie(b.level, a.rule_id, a.file.path, a.line) <
                            std::tie(a.level, b.rule_id, b.file.path, b.line);
                   });
  return result;
}

}  // namespace shodo::triage

// Shell histories with download-and-run, reverse shells and the other
// attacks the shipped shell_history Sigma rules describe: the histories are
// found by name anywhere in the tree (also /var/www/.bash_history of a web
// server's user) and judged by the same rules `shodo hunt` runs.
#include <fmt/format.h>

#include "ingest/formats/registry.h"
#include "triage/checks/checks.h"
#include "triage/command_scan.h"

namespace shodo::triage {
namespace {

constexpr size_t kMaxHistoryBytes = 64u << 20;

}  // namespace

std::string_view history_format(std::string_view path) {
  for (const ingest::FormatInfo& f : ingest::FormatRegistry::instance().formats())
    if (f.kind == ingest::LogKind::shell_history && f.name_says && f.name_says(path)) return f.name;
  return {};
}

void check_histories(Context& ctx, const std::vector<fsview::FileInfo>& histories) {
  if (histories.empty()) return;
  if (!ctx.options.rules) {
    ctx.problem(histories.front().path, "shell histories not judged: no rules loaded");
    return;
  }
  for (const fsview::FileInfo& file : histories) {
    std::string text;
    if (!ctx.read_text(file, text, kMaxHistoryBytes)) continue;
    std::vector<CommandLine> lines;
    for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
      lines.push_back({line, n, offset});
    });
    for (CommandHit& hit :
         ctx.commands->scan_history(file.path, history_format(file.path), lines)) {
      auto& f = ctx.add(file, "history", hit.level, 70, std::move(hit.techniques));
      f.title = hit.title;
      f.title_ja = hit.title_ja;
      f.reason = fmt::format("a command in this shell history matches Sigma rule {} ({})",
                             hit.rule_id, hit.title);
      f.reason_ja = fmt::format("シェル履歴のコマンドが Sigma ルール {}（{}）に該当", hit.rule_id,
                                hit.title_ja.empty() ? hit.title : hit.title_ja);
      f.line = hit.line;
      f.offset = hit.offset;
      f.excerpt = std::move(hit.command);
    }
  }
}

}  // namespace shodo::triage

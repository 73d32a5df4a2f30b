// The summary `shodo investigate` prints when it finishes: the verdict and
// why, the window, the first few attackers, webshells and changed files,
// and where the outputs were written. Evidence text escaped for a terminal.
#include <fmt/format.h>

#include <map>

#include "report/incident_report.h"
#include "report/incident_report_internal.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using incident::Term;
using incident::Wording;

constexpr size_t kShown = 5;       // attackers, webshells, changed files listed
constexpr size_t kTextChars = 60;  // evidence text cut in a listing

// A model value in words, escaped: an unknown value is shown as given.
std::string word(const Wording& w, Term vocabulary, std::string_view value) {
  return util::escape_terminal(w.words(vocabulary, value));
}

std::string more(const Wording& w, size_t total) {
  return total > kShown ? fmt::format(fmt::runtime(w.tr("  ... and {} more\n", "  …ほか {} 件\n")),
                                      total - kShown)
                        : std::string();
}

void verdict(std::string& out, const Wording& w, const investigate::Verdict& v) {
  out += fmt::format(fmt::runtime(w.tr("Verdict: {} (confidence: {})\n", "判定: {}（確度: {}）\n")),
                     word(w, Term::verdict, v.value), word(w, Term::confidence, v.confidence));
  for (const auto& reason : v.reasons) out += "  - " + escape_truncated(w.text(reason), 200) + '\n';
}

void window(std::string& out, const Wording& w, const investigate::IncidentWindow& win) {
  out += fmt::format(fmt::runtime(w.tr("Window: {}\n", "期間: {}\n")),
                     w.period(win.first_malicious.time, win.last_activity.time));
  out += fmt::format(fmt::runtime(w.tr("  compromise: {}\n", "  侵害の時点: {}\n")),
                     w.time(win.compromise.time));
}

void attackers(std::string& out, const Wording& w, const std::vector<investigate::Attacker>& all) {
  out += fmt::format(fmt::runtime(w.tr("Attackers: {}\n", "攻撃元: {} 件\n")), all.size());
  const size_t shown = std::min(all.size(), kShown);
  size_t ip_width = 0, outcome_width = 0;
  for (size_t i = 0; i < shown; ++i) {
    ip_width = std::max(ip_width, display_width(util::escape_terminal(all[i].ip)));
    outcome_width = std::max(outcome_width, display_width(word(w, Term::outcome, all[i].outcome)));
  }
  for (size_t i = 0; i < shown; ++i) {
    const auto& a = all[i];
    out += "  " + pad_right(util::escape_terminal(a.ip), ip_width) + "  " +
           pad_right(word(w, Term::outcome, a.outcome), outcome_width) + "  " +
           fmt::format(fmt::runtime(w.tr("{:>7} requests  ", "リクエスト {:>7}  ")),
                       grouped(a.requests)) +
           escape_truncated(w.text(a.role), kTextChars) + '\n';
  }
  out += more(w, all.size());
}

void webshells(std::string& out, const Wording& w, const std::vector<investigate::Webshell>& all) {
  out += fmt::format(fmt::runtime(w.tr("Webshells: {}\n", "Web シェル: {} 件\n")), all.size());
  for (size_t i = 0; i < all.size() && i < kShown; ++i) {
    const auto& s = all[i];
    out += "  " + escape_truncated(s.path, kTextChars * 2);
    if (!s.uploaded_by.empty())
      out += fmt::format(fmt::runtime(w.tr("  uploaded by {} at {}", "  {} が {} に設置")),
                         util::escape_terminal(s.uploaded_by), w.time(s.uploaded_at));
    out += fmt::format(fmt::runtime(w.tr(", used {} times\n", "、使用 {} 回\n")), s.uses);
  }
  out += more(w, all.size());
}

void changed_files(std::string& out, const Wording& w,
                   const std::vector<investigate::ChangedFile>& all) {
  std::map<std::string, size_t> by_change;
  for (const auto& f : all) ++by_change[f.change];
  std::string counts;
  for (const auto& [change, n] : by_change)
    counts += fmt::format("{}{} {}", counts.empty() ? "" : w.tr(", ", "、"),
                          word(w, Term::change, change), n);
  out +=
      fmt::format(fmt::runtime(w.tr("Changed files: {}", "変更されたファイル: {} 件")), all.size());
  out += counts.empty() ? "\n"
                        : std::string(w.tr(" (", "（")) + counts + std::string(w.tr(")\n", "）\n"));
  size_t change_width = 0;
  for (size_t i = 0; i < all.size() && i < kShown; ++i)
    change_width = std::max(change_width, display_width(word(w, Term::change, all[i].change)));
  for (size_t i = 0; i < all.size() && i < kShown; ++i) {
    const auto& f = all[i];
    out += "  " + pad_right(word(w, Term::change, f.change), change_width) + "  " +
           escape_truncated(f.path, kTextChars * 2) + "  " +
           word(w, Term::assessment, f.assessment) + '\n';
  }
  out += more(w, all.size());
}

}  // namespace

std::string render_investigation_summary(
    const investigate::Investigation& inv, std::string_view lang,
    const std::vector<std::pair<std::string, std::string>>& outputs) {
  const Wording w(inv, lang);
  std::string out;
  if (!inv.case_info.number.empty())
    out += fmt::format(fmt::runtime(w.tr("Case {}\n", "案件 {}\n")),
                       util::escape_terminal(inv.case_info.number));
  verdict(out, w, inv.verdict);
  window(out, w, inv.window);
  attackers(out, w, inv.attackers);
  webshells(out, w, inv.webshells);
  changed_files(out, w, inv.changed_files);
  if (!outputs.empty()) {
    out += w.tr("Written:\n", "出力先:\n");
    for (const auto& [label, path] : outputs)
      out += "  " + util::escape_terminal(label) + ": " + util::escape_terminal(path) + '\n';
  }
  return out;
}

}  // namespace shodo::report

// text: what was read, then the findings by severity and rule with cited
// examples, then the attackers; for a terminal, in English or Japanese.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "report/attackers.h"
#include "report/finding_fields.h"
#include "report/findings_formats.h"
#include "report/ingest_summary.h"
#include "report/read_totals.h"
#include "report/rule_groups.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using detect::Finding;
using detect::Level;
using detect::Outcome;

// A count with its noun: {"{n} finding", "{n} findings"}.
struct Counted {
  const char* one;
  const char* many;
};

struct Words {
  std::array<const char*, 5> levels;    // by Level
  std::array<const char*, 6> outcomes;  // by Outcome
  std::array<const char*, 3> sources;   // by Finding::Source
  const char* time_range;
  const char* rules;
  const char* rules_not_run;
  const char* findings_at;
  const char* no_findings;
  const char* section;
  Counted rule_count;
  Counted finding_count;
  Counted event_count;
  Counted ip_count;
  const char* with_events;
  const char* aggregated;
  const char* why;
  const char* related;
  const char* more;
  const char* attackers;
  const char* attackers_shown;
  std::array<const char*, 5> attacker_columns;
  const char* rules_hit;
  const char* rules_more;
  const char* label_count;
  const char* total;
  const char* list_separator;
};

constexpr Words kEnglish = {
    {"informational", "low", "medium", "high", "critical"},
    {"unknown", "blocked", "failed", "attempted", "likely-success", "success"},
    {"sigma rule", "correlation", "detector"},
    "Events from {first} to {last} (UTC).",
    "Rules: {rules} Sigma rules, {correlations} correlations, {detectors} detectors",
    "; {n} not run (see shodo rules lint)",
    "Findings at level {level} and above:",
    "No findings at level {level} and above.",
    "== {level}: {rules}, {findings} ==",
    {"{n} rule", "{n} rules"},
    {"{n} finding", "{n} findings"},
    {"{n} event", "{n} events"},
    {"{n} client IP", "{n} client IPs"},
    "{findings} ({events})",
    "{events} until {last}",
    "why: {reason}",
    "also: {citations}",
    "... {n} more (--verbose shows all)",
    "Attackers: {n}, by findings",
    "Attackers: the first {shown} of {n}, by findings",
    {"CLIENT IP", "FINDINGS", "LEVEL", "FIRST SEEN", "LAST SEEN"},
    "rules: {rules}",
    " (+{n} more)",
    "{n} {label}",
    "{findings} ({levels}) from {rules}; {attackers}.",
    ", ",
};

constexpr Words kJapanese = {
    {"情報", "低", "中", "高", "重大"},
    {"不明", "遮断", "失敗", "試行のみ", "成功の可能性", "成功"},
    {"Sigma ルール", "相関ルール", "組み込み検知"},
    "イベントの期間: {first} 〜 {last}（UTC）",
    "ルール: Sigma ルール {rules} 件、相関ルール {correlations} 件、組み込み検知 {detectors} 件",
    "。うち {n} 件は実行されていません（shodo rules lint で確認できます）",
    "レベル「{level}」以上の検知:",
    "レベル「{level}」以上の検知はありません。",
    "== {level}: {rules}、{findings} ==",
    {"ルール {n} 件", "ルール {n} 件"},
    {"検知 {n} 件", "検知 {n} 件"},
    {"イベント {n} 件", "イベント {n} 件"},
    {"送信元 IP {n} 件", "送信元 IP {n} 件"},
    "{findings}（{events}）",
    "{events}、最終 {last}",
    "判定理由: {reason}",
    "関連: {citations}",
    "…ほか {n} 件（すべて表示するには --verbose）",
    "攻撃元: {n}（検知件数順）",
    "攻撃元: {n}のうち上位 {shown} 件（検知件数順）",
    {"送信元 IP", "検知数", "レベル", "初回", "最終"},
    "ルール: {rules}",
    "（ほか {n} 件）",
    "{label} {n}",
    "{findings}（{levels}）、{rules}、{attackers}。",
    "、",
};

constexpr size_t kExamples = 3;    // per rule, without --verbose
constexpr size_t kAttackers = 20;  // without --verbose
constexpr size_t kWidth = 100;     // the terminal width text output aims at
constexpr size_t kValueChars = 120;

// Items escaped and joined: "T1190, T1505.003".
std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    util::append_escaped_terminal(out, items[i]);
  }
  return out;
}

class TextRenderer {
 public:
  explicit TextRenderer(const HuntReport& r) : r_(r), w_(r.lang == "ja" ? kJapanese : kEnglish) {}

  std::string render() {
    header();
    const auto& findings = *r_.findings;
    if (findings.empty()) {
      out_ += fmt::format(fmt::runtime(w_.no_findings), fmt::arg("level", level(r_.min_level)));
      out_ += '\n';
      return std::move(out_);
    }
    out_ += fmt::format(fmt::runtime(w_.findings_at), fmt::arg("level", level(r_.min_level)));
    out_ += "\n\n";
    const std::vector<RuleGroup> groups = group_by_rule(findings);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (i == 0 || groups[i].rule->level != groups[i - 1].rule->level) section(groups, i);
      rule_group(groups[i]);
    }
    const std::vector<Attacker> attackers = group_by_attacker(findings);
    if (!attackers.empty()) attacker_table(attackers);
    total(groups, attackers.size());
    return std::move(out_);
  }

 private:
  std::string_view level(Level l) const { return w_.levels[static_cast<size_t>(l)]; }
  std::string_view outcome(Outcome o) const { return w_.outcomes[static_cast<size_t>(o)]; }

  std::string counted(const Counted& c, uint64_t n) const {
    return fmt::format(fmt::runtime(n == 1 ? c.one : c.many), fmt::arg("n", grouped(n)));
  }

  std::string_view title(const Finding& f) const {
    return r_.lang == "ja" && !f.title_ja.empty() ? f.title_ja : f.title;
  }

  std::string citation(const detect::Citation& c) const {
    std::string_view path = cited_path(*r_.inputs, c);
    return fmt::format("{}:{}", path.empty() ? "?" : util::escape_terminal(path), c.line);
  }

  // "3 success" (en), "成功 3" (ja).
  std::string label_count(std::string_view label, uint64_t n) const {
    return fmt::format(fmt::runtime(w_.label_count), fmt::arg("label", label),
                       fmt::arg("n", grouped(n)));
  }

  // "3 success, 2 blocked", most telling first.
  std::string outcomes(const OutcomeCounts& counts) const {
    std::string s;
    for (Outcome o : kOutcomeOrder) {
      if (!counts[o]) continue;
      if (!s.empty()) s += w_.list_separator;
      s += label_count(outcome(o), counts[o]);
    }
    return s;
  }

  void header() {
    out_ += read_totals_text(*r_.ingest, r_.seconds, r_.lang);
    const ReadTotals t = read_totals(*r_.ingest);
    if (t.first_time != ingest::kNoTime)
      out_ += fmt::format(fmt::runtime(w_.time_range),
                          fmt::arg("first", utc_seconds_or_dash(t.first_time)),
                          fmt::arg("last", utc_seconds_or_dash(t.last_time))) +
              "\n";
    out_ += fmt::format(fmt::runtime(w_.rules), fmt::arg("rules", grouped(r_.rules.rules_loaded)),
                        fmt::arg("correlations", grouped(r_.rules.correlations)),
                        fmt::arg("detectors", grouped(r_.rules.detectors)));
    if (r_.rules.problems)
      out_ +=
          fmt::format(fmt::runtime(w_.rules_not_run), fmt::arg("n", grouped(r_.rules.problems)));
    out_ += "\n";
    // What could not be read always; what each file held with --verbose.
    const IngestSummary ingest{r_.inputs, r_.ingest, r_.seconds, r_.verbose, r_.lang};
    if (r_.verbose) out_ += ingest_files_text(ingest);
    out_ += ingest_problems_text(ingest) + "\n";
  }

  void section(const std::vector<RuleGroup>& groups, size_t from) {
    const Level l = groups[from].rule->level;
    uint64_t rules = 0, findings = 0;
    for (size_t i = from; i < groups.size() && groups[i].rule->level == l; ++i) {
      ++rules;
      findings += groups[i].findings.size();
    }
    std::string name(level(l));
    if (r_.lang != "ja") std::transform(name.begin(), name.end(), name.begin(), ::toupper);
    out_ += fmt::format(fmt::runtime(w_.section), fmt::arg("level", name),
                        fmt::arg("rules", counted(w_.rule_count, rules)),
                        fmt::arg("findings", counted(w_.finding_count, findings)));
    out_ += "\n\n";
  }

  void rule_group(const RuleGroup& g) {
    const Finding& rule = *g.rule;
    out_ += util::escape_terminal(title(rule)) + "\n  " + std::string(level(rule.level));
    if (!rule.techniques.empty()) out_ += " · " + joined(rule.techniques, ", ");
    out_ += fmt::format(" · {} {}\n  ", w_.sources[static_cast<size_t>(rule.source)],
                        util::escape_terminal(rule.rule_id));
    const std::string findings = counted(w_.finding_count, g.findings.size());
    out_ += g.events == g.findings.size()
                ? findings
                : fmt::format(fmt::runtime(w_.with_events), fmt::arg("findings", findings),
                              fmt::arg("events", counted(w_.event_count, g.events)));
    out_ += ": " + outcomes(g.outcomes) + "\n";

    const std::vector<const Finding*> shown = examples(g);
    size_t time_width = 1, ip_width = 1, outcome_width = 1;
    for (const Finding* f : shown) {
      time_width = std::max(time_width, local_time_or_dash(f->time, f->utc_offset_s).size());
      ip_width = std::max(ip_width, display_width(util::escape_terminal(f->client_ip)));
      outcome_width = std::max(outcome_width, display_width(outcome(f->outcome)));
    }
    for (const Finding* f : shown) example(*f, time_width, ip_width, outcome_width);
    if (shown.size() < g.findings.size())
      out_ += "    " +
              fmt::format(fmt::runtime(w_.more),
                          fmt::arg("n", grouped(g.findings.size() - shown.size()))) +
              "\n";
    out_ += '\n';
  }

  // Up to kExamples findings, the most telling outcomes first, shown in
  // input order; all with --verbose.
  std::vector<const Finding*> examples(const RuleGroup& g) const {
    std::vector<const Finding*> picked = g.findings;
    if (r_.verbose || picked.size() <= kExamples) return picked;
    std::stable_sort(picked.begin(), picked.end(), [](const Finding* a, const Finding* b) {
      return outcome_rank(a->outcome) < outcome_rank(b->outcome);
    });
    picked.resize(kExamples);
    std::sort(picked.begin(), picked.end());  // pointers into one vector: input order
    return picked;
  }

  void example(const Finding& f, size_t time_width, size_t ip_width, size_t outcome_width) {
    const std::string ip = f.client_ip.empty() ? "-" : util::escape_terminal(f.client_ip);
    out_ += fmt::format(
        "    {}  {}  {}  {}\n", pad_right(local_time_or_dash(f.time, f.utc_offset_s), time_width),
        pad_right(ip, ip_width), pad_right(outcome(f.outcome), outcome_width), citation(f.cite));
    const auto detail_line = [this](const std::string& s) { out_ += "        " + s + "\n"; };
    if (!f.method.empty() || !f.path.empty() || f.status >= 0) {
      std::string request = escape_truncated(f.method, 16);
      if (!f.path.empty())
        request += (request.empty() ? "" : " ") + escape_truncated(f.path, kValueChars);
      if (f.status >= 0) request += fmt::format(" -> {}", f.status);
      if (f.bytes >= 0) request += fmt::format(" ({} B)", grouped(static_cast<uint64_t>(f.bytes)));
      detail_line(request);
    }
    const bool shown_as_request = f.field == "url.path" && f.value == f.path;
    if ((!f.field.empty() || !f.value.empty()) && !shown_as_request)
      detail_line(escape_truncated(f.field, kValueChars) + "=" +
                  escape_truncated(f.value, kValueChars));
    if (!f.user.empty() && f.field != "user.name")
      detail_line("user.name=" + escape_truncated(f.user, kValueChars));
    const std::string& detail = r_.lang == "ja" && !f.detail_ja.empty() ? f.detail_ja : f.detail;
    if (!detail.empty()) detail_line(util::escape_terminal(detail));
    if (f.count > 1)
      detail_line(
          f.last_time == ingest::kNoTime || f.last_time == f.time
              ? counted(w_.event_count, f.count)
              : fmt::format(fmt::runtime(w_.aggregated),
                            fmt::arg("events", counted(w_.event_count, f.count)),
                            fmt::arg("last", local_time_or_dash(f.last_time, f.utc_offset_s))));
    if (!r_.verbose) return;
    if (!f.outcome_reason.empty())
      detail_line(fmt::format(fmt::runtime(w_.why),
                              fmt::arg("reason", util::escape_terminal(f.outcome_reason))));
    if (!f.related.empty()) {
      std::string cites = citation(f.related[0]);
      for (size_t i = 1; i < f.related.size(); ++i) cites += ", " + citation(f.related[i]);
      detail_line(fmt::format(fmt::runtime(w_.related), fmt::arg("citations", cites)));
    }
  }

  void attacker_table(const std::vector<Attacker>& attackers) {
    const size_t shown = r_.verbose ? attackers.size() : std::min(kAttackers, attackers.size());
    out_ +=
        shown == attackers.size()
            ? fmt::format(fmt::runtime(w_.attackers), fmt::arg("n", counted(w_.ip_count, shown)))
            : fmt::format(fmt::runtime(w_.attackers_shown), fmt::arg("shown", shown),
                          fmt::arg("n", counted(w_.ip_count, attackers.size())));
    out_ += "\n";
    const auto& col = w_.attacker_columns;
    size_t ip_width = display_width(col[0]), level_width = display_width(col[2]);
    size_t first_width = display_width(col[3]), count_width = display_width(col[1]);
    for (size_t i = 0; i < shown; ++i) {
      const Attacker& a = attackers[i];
      count_width = std::max(count_width, grouped(a.findings).size());
      ip_width = std::max(ip_width, display_width(util::escape_terminal(a.ip)));
      level_width = std::max(level_width, display_width(level(a.max_level)));
      first_width =
          std::max(first_width, local_time_or_dash(a.first_time, a.first_offset_s).size());
    }
    const auto row = [&](std::string_view ip, std::string_view count, std::string_view lvl,
                         std::string_view first, std::string_view last) {
      out_ += fmt::format("  {}  {}  {}  {}  {}\n", pad_right(ip, ip_width),
                          pad_left(count, count_width), pad_right(lvl, level_width),
                          pad_right(first, first_width), last);
    };
    row(col[0], col[1], col[2], col[3], col[4]);
    for (size_t i = 0; i < shown; ++i) {
      const Attacker& a = attackers[i];
      row(util::escape_terminal(a.ip), grouped(a.findings), level(a.max_level),
          local_time_or_dash(a.first_time, a.first_offset_s),
          local_time_or_dash(a.last_time, a.last_offset_s));
      out_ += "      " + outcomes(a.outcomes) + "\n";
      if (!a.techniques.empty()) out_ += "      " + joined(a.techniques, ", ") + "\n";
      out_ += "      " + rules_hit(a) + "\n";
    }
    if (shown < attackers.size())
      out_ += "  " +
              fmt::format(fmt::runtime(w_.more), fmt::arg("n", grouped(attackers.size() - shown))) +
              "\n";
    out_ += "\n";
  }

  // "rules: A, B (+3 more)": as many titles as fit in kWidth, all with --verbose.
  std::string rules_hit(const Attacker& a) const {
    const auto line = [&](const std::string& titles, size_t more) {
      std::string s = fmt::format(fmt::runtime(w_.rules_hit), fmt::arg("rules", titles));
      if (more) s += fmt::format(fmt::runtime(w_.rules_more), fmt::arg("n", more));
      return s;
    };
    std::string titles, best;
    for (size_t k = 0; k < a.rules.size(); ++k) {
      if (k) titles += w_.list_separator;
      titles += util::escape_terminal(title(*a.rules[k]));
      std::string candidate = line(titles, a.rules.size() - k - 1);
      if (!r_.verbose && k && 6 + display_width(candidate) > kWidth) break;
      best = std::move(candidate);
    }
    return best;
  }

  void total(const std::vector<RuleGroup>& groups, size_t attackers) {
    std::array<uint64_t, 5> by_level{};
    for (const RuleGroup& g : groups)
      by_level[static_cast<size_t>(g.rule->level)] += g.findings.size();
    std::string levels;
    for (size_t l = by_level.size(); l-- > 0;) {
      if (!by_level[l]) continue;
      if (!levels.empty()) levels += w_.list_separator;
      levels += label_count(level(static_cast<Level>(l)), by_level[l]);
    }
    out_ += fmt::format(fmt::runtime(w_.total),
                        fmt::arg("findings", counted(w_.finding_count, r_.findings->size())),
                        fmt::arg("levels", levels),
                        fmt::arg("rules", counted(w_.rule_count, groups.size())),
                        fmt::arg("attackers", counted(w_.ip_count, attackers)));
    out_ += '\n';
  }

  const HuntReport& r_;
  const Words& w_;
  std::string out_;
};

}  // namespace

std::string render_hunt_text(const HuntReport& r) {
  return TextRenderer(r).render();
}

}  // namespace shodo::report

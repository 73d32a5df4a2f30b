// The initial investigation report (初動調査報告書): its order of sections,
// and the first three, which say whether and how the site was breached.
#include <fmt/format.h>

#include "report/incident_report_internal.h"

namespace shodo::report::incident {
namespace {

Tone verdict_tone(std::string_view verdict) {
  if (verdict == "compromised") return Tone::alarm;
  if (verdict == "no-evidence") return Tone::calm;
  return Tone::caution;  // attacked, or not known: either way it needs attention
}

void add_verdict(Builder& b) {
  const auto& v = b.inv.verdict;
  b.section("Summary and verdict", "概要と判定");
  b.add(
      Paragraph{{strong(std::string(b.tr("Verdict: ", "判定: ")) + b.words(Term::verdict, v.value)),
                 plain(fmt::format(fmt::runtime(b.tr(" (confidence: {})", "（確度: {}）")),
                                   b.words(Term::confidence, v.confidence)))},
                verdict_tone(v.value)});
  b.add(Paragraph{{plain(fmt::format(
      fmt::runtime(b.tr("Attacking addresses: {}; webshells: {}; changed files: {}; findings: {}.",
                        "攻撃元 {} 件、Web シェル {} 件、変更されたファイル {} 件を確認しました"
                        "（所見は計 {} 件）。")),
      b.inv.attackers.size(), b.inv.webshells.size(), b.inv.changed_files.size(),
      b.inv.findings.size()))}});

  b.subsection("Reasons", "判定の根拠");
  if (v.reasons.empty()) {
    b.note("No reasons are recorded.", "記録された根拠はありません。");
  } else {
    List reasons;
    for (size_t i = 0; i < v.reasons.size(); ++i) {
      Inlines item{plain(b.text(v.reasons[i]))};
      if (i < v.reason_findings.size()) b.cite(item, v.reason_findings[i]);
      reasons.items.push_back(std::move(item));
    }
    b.add(std::move(reasons));
  }

  b.subsection("Missing evidence", "不足している証拠");
  if (v.missing.empty()) {
    b.note("None.", "ありません。");
  } else {
    List missing;
    for (const auto& gap : v.missing) missing.items.push_back({plain(b.text(gap))});
    b.add(std::move(missing));
  }
}

void add_chain(Builder& b) {
  b.section("What happened", "攻撃の経緯");
  if (b.inv.chain.empty()) {
    b.note("No attack chain was established.", "攻撃の経緯は特定されていません。");
    return;
  }
  List steps{{}, true};
  for (const auto& step : b.inv.chain) {
    Inlines item{plain(b.time(step.time) + " "), strong(b.words(Term::phase, step.phase))};
    if (!step.techniques.empty())
      item.push_back(plain(std::string(b.tr(" (", "（")) + joined(step.techniques) +
                           std::string(b.tr(")", "）"))));
    item.push_back(plain(std::string(b.tr(": ", "：")) + b.text(step.narrative)));
    b.cite(item, step.finding_ids, step.cite);
    steps.items.push_back(std::move(item));
  }
  b.add(std::move(steps));
}

void add_window(Builder& b) {
  b.section("Incident window", "インシデント期間");
  const auto& w = b.inv.window;
  Table table{{std::string(b.tr("Point", "区分")), std::string(b.tr("Time", "日時")),
               std::string(b.tr("What", "内容")), std::string(b.tr("Source", "出典"))},
              {false, false, false, false},
              {}};
  const auto row = [&](std::string_view en, std::string_view ja,
                       const investigate::WindowPoint& p) {
    const std::string& what = b.text(p.what);
    table.rows.push_back({{plain(std::string(b.tr(en, ja)))},
                          {plain(b.time(p.time))},
                          {plain(p.time == investigate::kNoTime && what.empty()
                                     ? std::string(b.tr("Not established", "特定されていません"))
                                     : what)},
                          b.sources({p.finding_id}, p.cite)});
  };
  row("First malicious event", "最初の攻撃活動", w.first_malicious);
  row("Compromise", "侵害の時点", w.compromise);
  row("Last activity", "最後の攻撃活動", w.last_activity);
  b.add(std::move(table));
}

}  // namespace

Document build_initial_report(const investigate::Investigation& inv, std::string_view lang) {
  std::set<std::string> anchors;
  std::vector<const investigate::FindingRecord*> findings;
  for (const auto& f : inv.findings) {
    if (anchor_safe(f.id)) anchors.insert(f.id);
    findings.push_back(&f);
  }
  Builder b(inv, lang, std::move(anchors));
  add_header(b, "Initial investigation report", "初動調査報告書");
  add_verdict(b);
  add_chain(b);
  add_window(b);
  add_attackers(b);
  add_activity(b);
  add_compromised_files(b);
  add_damage(b);
  add_leak(b);
  add_measures(b);
  add_next_steps(b);
  add_evidence(b);
  b.section("Findings", "所見一覧");
  add_findings(b, findings);
  add_limitations(b);
  return std::move(b.doc);
}

}  // namespace shodo::report::incident

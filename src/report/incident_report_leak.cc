// The leak assessment (情報漏えいの有無と範囲) and what the law asks next:
// the verdict with its reasons, the channels, the data items (masked), the
// persons estimate with its method, and the APPI decision with the rule
// behind every statement.
#include <fmt/format.h>

#include "report/incident_report_internal.h"

namespace shodo::report::incident {
namespace {

Tone tone_of(std::string_view verdict) {
  if (verdict == "confirmed" || verdict == "likely") return Tone::alarm;
  if (verdict == "possible") return Tone::caution;
  return Tone::calm;
}

std::string verdict_words(const Builder& b, std::string_view v) {
  if (v == "confirmed") return std::string(b.tr("Leak confirmed", "漏えいを確認"));
  if (v == "likely") return std::string(b.tr("Leak likely", "漏えいの可能性が高い"));
  if (v == "possible") return std::string(b.tr("Leak possible", "漏えいのおそれ"));
  return std::string(b.tr("Not supported by the evidence", "証拠上、漏えいは認められない"));
}

std::string channel_kind(const Builder& b, std::string_view k) {
  if (k == "sql-injection") return std::string(b.tr("SQL injection", "SQL インジェクション"));
  if (k == "download") return std::string(b.tr("Download", "ダウンロード"));
  if (k == "webshell") return std::string(b.tr("Webshell commands", "Web シェルでのコマンド実行"));
  if (k == "skimmer") return std::string(b.tr("Skimmer", "スキマー（カード情報窃取コード）"));
  if (k == "mail") return std::string(b.tr("Spam sent from the server", "サーバからのスパム送信"));
  return std::string(k);
}

std::string status_words(const Builder& b, std::string_view s) {
  if (s == "confirmed") return std::string(b.tr("confirmed", "確認"));
  if (s == "likely") return std::string(b.tr("likely", "可能性が高い"));
  return std::string(b.tr("possible", "おそれ"));
}

Inlines places(const std::vector<investigate::Citation>& cites, size_t max) {
  Inlines out;
  for (size_t i = 0; i < cites.size() && i < max; ++i)
    out.push_back(code(Builder::place(cites[i])));
  return out;
}

void add_overview(Builder& b, const investigate::LeakAssessment& l) {
  b.add(Paragraph{{strong(verdict_words(b, l.verdict) + std::string(b.tr(": ", "："))),
                   plain(b.text(l.summary))},
                  tone_of(l.verdict)});
  Fields f;
  const std::string persons = l.persons.min == l.persons.max
                                  ? fmt::format("{}", l.persons.min)
                                  : fmt::format("{} – {}", l.persons.min, l.persons.max);
  b.field(f, "Persons affected (estimate)", "対象となる本人の数（推定）",
          {strong(persons + std::string(b.tr(" persons", " 人")))});
  b.field(f, "How it was estimated", "推定の方法", {plain(b.text(l.persons.method))});
  b.field(f, "Period", "期間", {plain(b.period(l.period_start, l.period_end))});
  std::string cards =
      fmt::format(fmt::runtime(b.tr("{} full numbers", "完全な番号 {} 件")), l.card_data.full);
  if (!l.card_data.brands.empty()) cards += " (" + joined(l.card_data.brands) + ")";
  if (l.card_data.masked)
    cards +=
        fmt::format(fmt::runtime(b.tr("; {} masked", "、マスク済み {} 件")), l.card_data.masked);
  if (l.card_data.test)
    cards += fmt::format(fmt::runtime(b.tr("; {} brand test numbers", "、テスト用番号 {} 件")),
                         l.card_data.test);
  b.field(f, "Card data", "カード情報", {plain(cards)});
  b.field(f, "Special care-required data", "要配慮個人情報",
          {plain(std::string(l.sensitive_data ? b.tr("found", "あり")
                                              : b.tr("not found by the scanner", "検出されず")))});
  b.add(std::move(f));
  if (!l.reasons.empty()) {
    b.add(Paragraph{{strong(std::string(b.tr("Why", "根拠")))}});
    List list;
    for (const auto& r : l.reasons) list.items.push_back({plain(b.text(r))});
    b.add(std::move(list));
  }
}

void add_channels(Builder& b, const investigate::LeakAssessment& l) {
  b.subsection("Channels", "漏えい経路");
  if (l.channels.empty()) {
    b.note("No channel through which data left was found.",
           "データが持ち出された経路は見つかりませんでした。");
    return;
  }
  Table t{{std::string(b.tr("Channel", "経路")), std::string(b.tr("By", "主体")),
           std::string(b.tr("Certainty", "確度")), std::string(b.tr("When", "日時")),
           std::string(b.tr("What", "内容")), std::string(b.tr("Evidence", "根拠"))},
          {false, false, false, false, false, false},
          {}};
  for (const auto& c : l.channels) {
    Inlines what{plain(b.text(c.summary))};
    Inlines evidence = places(c.cites, 3);
    if (!c.finding_ids.empty()) {
      Inlines s = b.sources(c.finding_ids);
      evidence.insert(evidence.end(), s.begin(), s.end());
    }
    t.rows.push_back({{plain(channel_kind(b, c.kind))},
                      {code(c.actor)},
                      {plain(status_words(b, c.status))},
                      {plain(b.period(c.start, c.end))},
                      std::move(what),
                      std::move(evidence)});
  }
  b.add(std::move(t));
}

void add_data_items(Builder& b, const investigate::LeakAssessment& l) {
  b.subsection("Personal data concerned", "漏えい等した（おそれのある）個人データの項目");
  if (l.data_items.empty()) {
    b.note("No personal data was identified in what was reached.",
           "到達されたデータに個人データは確認されていません。");
    return;
  }
  Table t{{std::string(b.tr("Item", "項目")), std::string(b.tr("Values", "件数")),
           std::string(b.tr("Distinct", "異なり数")), std::string(b.tr("Where", "所在")),
           std::string(b.tr("Examples (masked)", "例（マスク済み）")),
           std::string(b.tr("First seen at", "初出箇所"))},
          {false, true, true, false, false, false},
          {}};
  for (const auto& d : l.data_items) {
    Inlines examples;
    for (const auto& e : d.examples) examples.push_back(code(e));
    t.rows.push_back({{plain(b.text(d.name))},
                      {plain(std::to_string(d.values))},
                      {plain(std::to_string(d.distinct))},
                      {plain(joined(d.where))},
                      std::move(examples),
                      {code(d.cite.empty() ? "" : Builder::place(d.cite))}});
  }
  b.add(std::move(t));
}

void add_statements(Builder& b, const std::vector<obligations::Statement>& statements) {
  List list;
  for (const auto& s : statements)
    list.items.push_back({plain(b.text(s.text)), plain(" [" + b.text(s.rule) + "]")});
  b.add(std::move(list));
}

void add_appi(Builder& b, const obligations::Assessment& a) {
  b.subsection("What the law requires next (APPI)", "法令上の対応（個人情報保護法）");
  Inlines summary{strong(b.text(a.summary))};
  if (!a.summary_rule.empty()) summary.push_back(plain(" [" + b.text(a.summary_rule) + "]"));
  b.add(Paragraph{std::move(summary), a.reportable ? Tone::alarm : Tone::plain});
  if (!a.categories.empty()) {
    Table t{{std::string(b.tr("Category", "類型")), std::string(b.tr("Applies", "該当")),
             std::string(b.tr("Reason", "理由")), std::string(b.tr("Rule", "根拠"))},
            {false, false, false, false},
            {}};
    for (const auto& c : a.categories)
      t.rows.push_back(
          {{plain(fmt::format("{}. ", c.number) + b.text(c.name))},
           {plain(std::string(c.status == "applies" ? b.tr("applies", "該当")
                                                    : b.tr("may apply", "該当の可能性")))},
           {plain(b.text(c.reason))},
           {plain(b.text(c.rule))}});
    b.add(std::move(t));
  }
  if (!a.deadlines.empty()) {
    b.add(
        Paragraph{{strong(std::string(b.tr("Reports to the PPC", "個人情報保護委員会への報告")))}});
    add_statements(b, a.deadlines);
  }
  if (!a.notification.empty()) {
    b.add(Paragraph{{strong(std::string(b.tr("Notice to the persons", "本人への通知")))}});
    add_statements(b, a.notification);
  }
  if (!a.card_steps.empty()) {
    b.add(Paragraph{{strong(std::string(b.tr(
        "Card data: the card-brand path", "カード情報：カードブランド・アクワイアラへの対応")))}});
    add_statements(b, a.card_steps);
  }
  if (!a.notes.empty()) {
    b.add(Paragraph{{strong(std::string(b.tr("Notes", "補足")))}});
    add_statements(b, a.notes);
  }
  b.add(Paragraph{{plain(b.text(a.disclaimer))}, Tone::note});
}

}  // namespace

void add_leak(Builder& b) {
  const investigate::LeakAssessment& l = b.inv.leak;
  b.section("Leak assessment", "情報漏えいの有無と範囲");
  add_overview(b, l);
  add_channels(b, l);
  add_data_items(b, l);
  if (!l.to_narrow.empty()) {
    b.subsection("What would narrow the estimate", "推定を絞り込むために必要な証拠");
    List list;
    for (const auto& t : l.to_narrow) list.items.push_back({plain(b.text(t))});
    b.add(std::move(list));
  }
  add_appi(b, l.appi);
}

}  // namespace shodo::report::incident

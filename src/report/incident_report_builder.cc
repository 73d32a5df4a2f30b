// What every report section uses: words in the report's language, times in
// the display zone, numbered headings, and citations that link to findings.
#include <fmt/format.h>

#include "report/incident_report_internal.h"

namespace shodo::report::incident {

using investigate::kNoTime;

bool anchor_safe(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

Wording::Wording(const investigate::Investigation& inv, std::string_view language)
    : lang(language == "ja" ? "ja" : "en"), ja(lang == "ja"), zone(inv.case_info.time_zone) {}

std::string Wording::time(TimeUs t) const {
  return t == kNoTime ? std::string(tr("—", "不明")) : zone.format(t);
}

std::string Wording::period(TimeUs first, TimeUs last) const {
  if (last == kNoTime || last == first) return time(first);
  return time(first) + std::string(tr(" – ", " 〜 ")) + time(last);
}

Builder::Builder(const investigate::Investigation& model, std::string_view language,
                 std::set<std::string> ids)
    : Wording(model, language), inv(model), anchors(std::move(ids)) {
  doc.lang = lang;
}

void Builder::section(std::string_view en, std::string_view ja_text) {
  add(Heading{2, fmt::format("{}. {}", ++sections_, tr(en, ja_text)), {}});
}

void Builder::subsection(std::string_view en, std::string_view ja_text) {
  add(Heading{3, std::string(tr(en, ja_text)), {}});
}

void Builder::note(std::string_view en, std::string_view ja_text) {
  add(Paragraph{{plain(std::string(tr(en, ja_text)))}, Tone::note});
}

std::string Builder::place(const investigate::Citation& c) {
  std::string s = c.file;
  if (c.line) s += fmt::format(":{}", c.line);
  if (c.inode) s += fmt::format(" (inode {})", c.inode);
  return s;
}

Inlines Builder::sources(const std::vector<std::string>& finding_ids,
                         const investigate::Citation& citation) const {
  // A statement backed by dozens of findings cites the first few; the
  // appendix lists every one.
  constexpr size_t kShown = 8;
  Inlines out;
  size_t shown = 0, more = 0;
  for (const std::string& id : finding_ids) {
    if (!anchors.contains(id)) continue;
    if (shown == kShown) {
      ++more;
      continue;
    }
    if (!out.empty()) out.push_back(plain(", "));
    out.push_back(link(id));
    ++shown;
  }
  if (more > 0)
    out.push_back(plain(std::string(tr(" and ", " ほか ")) + std::to_string(more) +
                        std::string(tr(" more", " 件"))));
  if (out.empty() && !citation.empty()) out.push_back(code(place(citation)));
  return out;
}

void Builder::cite(Inlines& sentence, const std::vector<std::string>& finding_ids,
                   const investigate::Citation& citation) const {
  Inlines from = sources(finding_ids, citation);
  if (from.empty()) return;
  sentence.push_back(plain(" ["));
  sentence.insert(sentence.end(), from.begin(), from.end());
  sentence.push_back(plain("]"));
}

void add_header(Builder& b, std::string_view title_en, std::string_view title_ja) {
  const auto& c = b.inv.case_info;
  const std::string title(b.tr(title_en, title_ja));
  b.doc.title = c.number.empty() ? title : title + " — " + c.number;
  b.add(Heading{1, title, {}});
  b.add(Paragraph{{strong(std::string(b.tr("Confidential", "関係者限り"))),
                   plain(std::string(
                       b.tr(" — this report holds confidential information about the organisation "
                            "investigated; do not pass it on beyond the people concerned.",
                            "　本報告書には調査対象組織の機密情報が含まれます。関係者以外への開示は"
                            "お控えください。")))},
                  Tone::confidential});

  const auto or_dash = [](const std::string& s) { return s.empty() ? std::string("—") : s; };
  const TimeUs generated = parse_utc(b.inv.generated_at);
  std::string zone_text =
      b.zone.name() + std::string(b.tr(", with the offset from UTC", "（UTC との時差を併記）"));
  if (!c.time_zone.empty() && b.zone.name() != c.time_zone)
    zone_text = fmt::format(fmt::runtime(b.tr("UTC, as the case's zone \"{}\" is not known",
                                              "UTC（案件のタイムゾーン「{}」を解釈できないため）")),
                            c.time_zone);
  Fields fields;
  b.field(fields, "Case number", "案件番号", {plain(or_dash(c.number))});
  b.field(fields, "Title", "件名", {plain(or_dash(c.title))});
  b.field(fields, "Customer", "依頼元", {plain(or_dash(c.customer))});
  b.field(fields, "Examiners", "調査担当者", {plain(or_dash(c.examiners))});
  b.field(fields, "Generated at", "作成日時",
          {plain(generated == kNoTime ? or_dash(b.inv.generated_at) : b.time(generated))});
  b.field(fields, "Tool", "作成ツール", {plain(or_dash(b.inv.tool))});
  b.field(fields, "Times shown in", "時刻の表記", {plain(zone_text)});
  b.add(std::move(fields));
}

void add_limitations(Builder& b) {
  b.section("Limitations", "制約事項");
  b.add(Paragraph{{plain(std::string(
      b.tr("This report is based on the evidence provided, as examined up to the time it was "
           "written. Further evidence or analysis may change its conclusions.",
           "本報告書は、ご提供いただいた証拠を作成時点までに調査した結果に基づくものです。"
           "追加の証拠や調査により、結論が変わる可能性があります。")))}});
  List list;
  for (const auto& limitation : b.inv.limitations)
    list.items.push_back({plain(b.text(limitation))});
  if (!list.items.empty()) b.add(std::move(list));
}

}  // namespace shodo::report::incident

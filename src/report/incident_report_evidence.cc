// What the conclusions rest on: the evidence items with their hashes and
// whether the analyses left them unchanged, and what was read from each log.
#include <fmt/format.h>

#include "report/incident_report_internal.h"
#include "report/text_format.h"

namespace shodo::report::incident {
namespace {

// A folder of 50,000 files is 50,000 items: a report lists the first ones and
// every item that did not match; findings.json and the custody log hold all.
constexpr size_t kListedItems = 50;

}  // namespace

void add_evidence_table(Builder& b, const std::vector<const investigate::EvidenceRecord*>& items) {
  Table list{{std::string(b.tr("No.", "番号")), std::string(b.tr("Source", "ソース")),
              std::string(b.tr("Kind", "形態")), std::string(b.tr("Role", "内容")),
              std::string(b.tr("Size (bytes)", "サイズ（バイト）")),
              std::string(b.tr("SHA-256 after the analyses", "解析後の SHA-256 照合"))},
             {true, false, false, false, true, false},
             {}};
  Table hashes{{std::string(b.tr("No.", "番号")), "SHA-256", "SHA-1", "MD5"},
               {true, false, false, false},
               {}};
  bool all_matched = true, any_mismatch = false;
  uint64_t unlisted = 0, unlisted_bytes = 0;
  for (const auto* e : items) {
    if (list.rows.size() >= kListedItems && e->unchanged) {
      ++unlisted;
      unlisted_bytes += e->size;
      continue;
    }
    std::string check;
    if (e->sha256_after.empty()) {
      check = b.tr("Not measured again", "未照合");
      all_matched = false;
    } else if (e->unchanged) {
      check = b.tr("Matches the acquisition hash", "取得時と一致");
    } else {
      check = b.tr("DOES NOT MATCH the acquisition hash", "取得時と不一致");
      all_matched = false;
      any_mismatch = true;
    }
    const std::string number = std::to_string(e->item_id);
    list.rows.push_back({{plain(number)},
                         {code(e->source)},
                         {plain(b.words(Term::evidence_kind, e->kind))},
                         {plain(b.words(Term::evidence_role, e->role))},
                         {plain(grouped(e->size))},
                         {plain(check)}});
    hashes.rows.push_back({{plain(number)}, {code(e->sha256)}, {code(e->sha1)}, {code(e->md5)}});
  }
  b.add(std::move(list));
  b.add(std::move(hashes));
  if (unlisted)
    b.add(Paragraph{{plain(fmt::format(
        fmt::runtime(b.tr("{} further items ({} bytes), each matching its acquisition hash, are "
                          "not listed here: findings.json (\"evidence\") and the case's custody "
                          "log (shodo custody show) list every item.",
                          "ほか {} 件（{} バイト）は取得時のハッシュと一致しており、ここでは省略"
                          "しています。全件は findings.json（\"evidence\"）およびケースの保管記録"
                          "（shodo custody show）にあります。")),
        grouped(unlisted), grouped(unlisted_bytes)))}});
  if (any_mismatch)
    b.add(Paragraph{{plain(std::string(
                        b.tr("The SHA-256 of an item measured after the analyses differs from the "
                             "value at acquisition (see above).",
                             "解析後に再計算した SHA-256 が取得時の値と一致しない証拠があります"
                             "（上表参照）。")))},
                    Tone::alarm});
  else if (all_matched)
    b.add(Paragraph{{plain(std::string(
        b.tr("For every item, the SHA-256 measured again after the analyses equals the value at "
             "acquisition: the analyses did not modify the evidence.",
             "すべての証拠について、解析後に再計算した SHA-256 が取得時の値と一致しており、"
             "解析によって証拠は改変されていません。")))}});
}

namespace {

void add_sources_read(Builder& b) {
  if (b.inv.stats.empty()) return;
  b.subsection("Logs read", "読み込んだログ");
  Table table{{std::string(b.tr("File", "ファイル")), std::string(b.tr("Format", "形式")),
               std::string(b.tr("Events", "イベント数")),
               std::string(b.tr("Unreadable lines", "解析できなかった行")),
               std::string(b.tr("Period", "期間")), std::string(b.tr("Remarks", "備考"))},
              {false, false, true, true, false, false},
              {}};
  for (const auto& s : b.inv.stats)
    table.rows.push_back(
        {{code(s.file)},
         {plain(s.format.empty() ? std::string(b.tr("unknown", "不明")) : s.format)},
         {plain(grouped(s.events))},
         {plain(grouped(s.bad_lines))},
         {plain(b.period(s.first, s.last))},
         {plain(s.error)}});
  b.add(std::move(table));
}

}  // namespace

void add_evidence(Builder& b) {
  b.section("Evidence", "証拠一覧");
  if (b.inv.evidence.empty()) {
    b.note("No evidence items are recorded.", "登録された証拠はありません。");
  } else {
    std::vector<const investigate::EvidenceRecord*> items;
    for (const auto& e : b.inv.evidence) items.push_back(&e);
    add_evidence_table(b, items);
  }
  add_sources_read(b);
  if (b.inv.files_scanned)
    b.add(Paragraph{{plain(fmt::format(
        fmt::runtime(b.tr("{} files of web content and system areas were examined.",
                          "Web コンテンツおよびシステム領域のファイル {} 件を検査しました。")),
        grouped(b.inv.files_scanned)))}});
}

}  // namespace shodo::report::incident

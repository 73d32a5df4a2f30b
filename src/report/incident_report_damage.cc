// The damage established so far, in the three kinds management asks about
// first: data that may have left, pages changed, files planted. Derived
// from the attack chain and the changed files; "not established" when the
// evidence shows none.
#include "report/incident_report_internal.h"

namespace shodo::report::incident {
namespace {

void add_kind(Builder& b, std::string_view en, std::string_view ja, List items) {
  b.add(Paragraph{{strong(std::string(b.tr(en, ja)))}});
  if (items.items.empty())
    b.note("Not established.", "確認されていません。");
  else
    b.add(std::move(items));
}

// A changed file as a damage item: path, what it is, citation.
Inlines file_item(const Builder& b, const investigate::ChangedFile& f) {
  Inlines item{code(f.path)};
  if (const std::string& note = b.text(f.note); !note.empty())
    item.push_back(plain(std::string(b.tr(": ", "：")) + note));
  b.cite(item, f.finding_ids);
  return item;
}

List data_exposure(const Builder& b) {
  List list;
  for (const auto& step : b.inv.chain) {
    if (step.phase != "collection" && step.phase != "exfiltration") continue;
    Inlines item{plain(b.time(step.time) + " " + b.text(step.narrative))};
    b.cite(item, step.finding_ids, step.cite);
    list.items.push_back(std::move(item));
  }
  for (const auto& f : b.inv.changed_files)
    if (f.assessment == "data-dump") list.items.push_back(file_item(b, f));
  return list;
}

List defacement(const Builder& b) {
  List list;
  for (const auto& f : b.inv.changed_files)
    if (f.assessment == "defacement" || f.assessment == "injected-code")
      list.items.push_back(file_item(b, f));
  return list;
}

List planted_files(const Builder& b) {
  List list;
  for (const auto& w : b.inv.webshells) {
    Inlines item{code(w.path), plain(std::string(b.tr(": webshell", "：Web シェル")))};
    b.cite(item, w.finding_ids, w.upload_cite);
    list.items.push_back(std::move(item));
  }
  for (const auto& f : b.inv.changed_files) {
    if (f.assessment != "webshell") continue;
    bool listed = false;
    for (const auto& w : b.inv.webshells) listed = listed || w.path == f.path;
    if (!listed) list.items.push_back(file_item(b, f));
  }
  return list;
}

}  // namespace

void add_damage(Builder& b) {
  b.section("Damage established so far", "現時点の被害状況");
  b.add(Paragraph{{plain(std::string(
      b.tr("As far as the evidence examined so far shows; further investigation may add to it.",
           "現時点までに調査した証拠から確認できた範囲です。今後の調査により追加・変更となる"
           "可能性があります。")))}});
  add_kind(b, "Data possibly exposed", "情報漏えいのおそれ", data_exposure(b));
  add_kind(b, "Pages altered", "Web サイトの改ざん", defacement(b));
  add_kind(b, "Unauthorised files placed", "不正なファイルの設置", planted_files(b));
}

}  // namespace shodo::report::incident

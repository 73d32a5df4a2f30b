// The disk investigation report (ハードディスク調査結果報告書): the images
// examined and their hashes, what system triage found on them, and a
// timeline excerpt.
#include <fmt/format.h>

#include "report/incident_report_internal.h"
#include "report/text_format.h"

namespace shodo::report::incident {
namespace {

void add_image(Builder& b, const investigate::DiskImageRecord& image) {
  b.add(Heading{3, image.source, {}});
  Fields fields;
  b.field(fields, "Format", "形式", {plain(image.format)});
  b.field(
      fields, "Media size", "メディアサイズ",
      {plain(fmt::format(fmt::runtime(b.tr("{} bytes", "{} バイト")), grouped(image.media_size)))});
  b.field(fields, "Partition table", "パーティションテーブル",
          {plain(image.partition_table.empty() ? std::string(b.tr("none", "なし"))
                                               : image.partition_table)});
  b.add(std::move(fields));
  if (image.file_systems.empty()) {
    b.note("No file system was found on this image.",
           "このイメージにファイルシステムは見つかりませんでした。");
    return;
  }
  Table table{
      {std::string(b.tr("File system", "ファイルシステム")), std::string(b.tr("Type", "種類")),
       std::string(b.tr("Files", "ファイル数")), std::string(b.tr("State", "状態"))},
      {false, false, true, false},
      {}};
  for (const auto& fs : image.file_systems)
    table.rows.push_back(
        {{plain(fs.description)},
         {plain(fs.fs_type)},
         {plain(grouped(fs.files))},
         {plain(fs.problem.empty()
                    ? std::string(b.tr("Read", "読み取り済み"))
                    : std::string(b.tr("Not read: ", "読み取れず: ")) + fs.problem)}});
  b.add(std::move(table));
}

void add_images(Builder& b) {
  b.section("Disk images examined", "調査対象のディスクイメージ");
  if (b.inv.images.empty()) {
    b.note("No disk image was examined in this investigation.",
           "本調査ではディスクイメージを調査していません。");
    return;
  }
  for (const auto& image : b.inv.images) add_image(b, image);
}

void add_image_hashes(Builder& b) {
  b.section("Image hashes", "イメージのハッシュ値");
  std::vector<const investigate::EvidenceRecord*> images;
  for (const auto& e : b.inv.evidence)
    if (e.role == "disk-image") images.push_back(&e);
  if (images.empty())
    b.note("No disk image is recorded as evidence.",
           "証拠として登録されたディスクイメージはありません。");
  else
    add_evidence_table(b, images);
}

void add_timeline(Builder& b) {
  b.section("Timeline excerpt", "タイムライン（抜粋）");
  if (b.inv.timeline_excerpt.empty()) {
    b.note("No timeline entries.", "タイムラインの項目はありません。");
    return;
  }
  Table table{{std::string(b.tr("Time", "日時")), std::string(b.tr("Kind", "種別")),
               std::string(b.tr("Source", "ソース")), std::string(b.tr("Event", "内容")),
               std::string(b.tr("Cited from", "出典"))},
              {false, false, false, false, false},
              {}};
  for (const auto& row : b.inv.timeline_excerpt)
    table.rows.push_back({{plain(b.time(row.time))},
                          {plain(row.timestamp_desc)},
                          {plain(row.source)},
                          {plain(b.text(row.message))},
                          b.sources({row.finding_id}, row.cite)});
  b.add(std::move(table));
}

}  // namespace

Document build_disk_report(const investigate::Investigation& inv, std::string_view lang) {
  std::set<std::string> anchors;
  std::vector<const investigate::FindingRecord*> triage;
  for (const auto& f : inv.findings) {
    if (f.origin != "triage") continue;
    if (anchor_safe(f.id)) anchors.insert(f.id);
    triage.push_back(&f);
  }
  Builder b(inv, lang, std::move(anchors));
  add_header(b, "Disk investigation report", "ハードディスク調査結果報告書");
  add_images(b);
  add_image_hashes(b);
  b.section("System triage findings", "システム調査の所見");
  add_findings(b, triage);
  add_timeline(b);
  add_limitations(b);
  return std::move(b.doc);
}

}  // namespace shodo::report::incident

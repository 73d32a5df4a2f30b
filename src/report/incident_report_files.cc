// Files the attackers placed or changed: each webshell in detail, then every
// file that differs from the known-good version, with its diff.
#include <fmt/format.h>

#include "report/incident_report_internal.h"
#include "report/text_format.h"

namespace shodo::report::incident {
namespace {

void add_webshell(Builder& b, const investigate::Webshell& w) {
  b.add(Heading{4, w.path, {}});
  Fields fields;
  b.field(fields, "URL", "URL", {code(w.url)});
  b.field(fields, "SHA-256", "SHA-256", {code(w.sha256)});
  b.field(fields, "File time", "ファイルの日時", {plain(b.time(w.file_time))});
  Inlines uploaded;
  if (w.uploaded_by.empty()) {
    uploaded.push_back(plain(std::string(b.tr("Not established", "特定されていません"))));
  } else {
    uploaded = {plain(w.uploaded_by),
                plain(fmt::format(fmt::runtime(b.tr(", at {}", "（{}）")), b.time(w.uploaded_at)))};
    b.cite(uploaded, {}, w.upload_cite);
  }
  b.field(fields, "Uploaded by", "設置した攻撃元", std::move(uploaded));
  b.field(fields, "Used by", "使用した攻撃元",
          {plain(w.used_by.empty() ? "—" : joined(w.used_by))});
  Inlines uses{plain(fmt::format(fmt::runtime(b.tr("{} times, {}", "{} 回（{}）")), w.uses,
                                 b.period(w.first_used, w.last_used)))};
  b.cite(uses, {}, w.first_use_cite);
  b.field(fields, "Uses", "使用回数", std::move(uses));
  b.field(fields, "Findings", "所見", b.sources(w.finding_ids));
  b.add(std::move(fields));
  if (!w.commands.empty()) {
    b.add(Paragraph{{strong(std::string(b.tr("Commands seen", "確認されたコマンド")))}});
    b.add(CodeBlock{joined(w.commands, "\n")});
  }
}

void add_changed_files(Builder& b) {
  const auto& files = b.inv.changed_files;
  Table table{{std::string(b.tr("Path", "パス")), std::string(b.tr("Change", "変更")),
               std::string(b.tr("Assessment", "評価")), std::string(b.tr("Modified", "更新日時")),
               std::string(b.tr("Size (bytes)", "サイズ（バイト）")), "SHA-256",
               std::string(b.tr("Note", "説明")), std::string(b.tr("Findings", "所見"))},
              {false, false, false, false, true, false, false, false},
              {}};
  for (const auto& f : files)
    table.rows.push_back({{code(f.path)},
                          {plain(b.words(Term::change, f.change))},
                          {plain(b.words(Term::assessment, f.assessment))},
                          {plain(b.time(f.mtime))},
                          {plain(grouped(f.size))},
                          {code(f.sha256_after.empty() ? f.sha256_before : f.sha256_after)},
                          {plain(b.text(f.note))},
                          b.sources(f.finding_ids)});
  b.add(std::move(table));
  for (const auto& f : files) {
    if (f.diff.empty()) continue;
    Inlines caption{strong(std::string(b.tr("Changes to ", "変更内容: "))), code(f.path)};
    b.cite(caption, f.finding_ids);
    b.add(Paragraph{std::move(caption)});
    b.add(CodeBlock{f.diff});
  }
}

}  // namespace

void add_compromised_files(Builder& b) {
  b.section("Compromised files and webshells", "改ざん・不正設置ファイル");
  b.subsection("Webshells", "Web シェル");
  if (b.inv.webshells.empty()) b.note("No webshell was found.", "Web シェルは確認されていません。");
  for (const auto& w : b.inv.webshells) add_webshell(b, w);

  b.subsection("Changed files", "変更されたファイル");
  if (b.inv.changed_files.empty())
    b.note("No file differs from the known-good version, or none was given to compare with.",
           "正常版と異なるファイルはありません（または比較対象の正常版が提供されていません）。");
  else
    add_changed_files(b);
}

}  // namespace shodo::report::incident

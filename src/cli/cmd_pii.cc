// shodo pii PATH|IMAGE|DUMP...: what personal data exposed files hold (SQL
// dumps, CSV/TSV exports, logs; plain or compressed; UTF-8, Shift_JIS or
// EUC-JP) and how many distinct persons; values shown masked only.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "pii/pii.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct PiiArgs {
  std::vector<std::string> paths;
  std::string out, format = "text", lang = "en";
  unsigned threads = 0;
  size_t max_line = 1u << 20;
  uint64_t max_expansion = util::ExpansionLimit{}.ratio;
};

std::string_view label(std::string_view item, bool ja) {
  if (!ja) return item;
  for (size_t k = 0; k < pii::kItems; ++k) {
    const auto i = static_cast<pii::Item>(k);
    if (pii::item_name(i) == item) return pii::item_label_ja(i);
  }
  return item;
}

std::string esc(std::string_view s) {
  return util::escape_terminal(s);
}

std::string join_counts(const std::vector<pii::Count>& counts) {
  std::string out;
  for (const pii::Count& c : counts)
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", c.name, c.count);
  return out;
}

std::string render_text(const pii::Report& r, bool ja) {
  std::string o;
  o += ja ? fmt::format("個人情報スキャン: {} ファイル, {} バイト\n", r.files_scanned,
                        r.bytes_scanned)
          : fmt::format("PII scan: {} files, {} bytes\n", r.files_scanned, r.bytes_scanned);
  for (const pii::Unit& u : r.units) {
    if (u.items.empty() && u.sensitive_columns.empty()) continue;
    o += fmt::format("\n== {}{}{} ({}, {}, {})\n", esc(u.file), u.table.empty() ? "" : "  table ",
                     esc(u.table), u.format, u.encoding, u.compression);
    o += ja ? fmt::format("   行数 {}, 個人情報を含む行 {}\n", u.rows, u.rows_with_pii)
            : fmt::format("   rows {}, with personal data {}\n", u.rows, u.rows_with_pii);
    for (const pii::ItemFinding& f : u.items) {
      o += fmt::format("   {:<24} {} {:>9}  {} {:>9}", label(f.item, ja), ja ? "件数" : "values",
                       f.values, ja ? "重複なし" : "distinct", f.distinct);
      if (f.masked)
        o += fmt::format(fmt::runtime(ja ? "  マスク済み {}" : "  masked {}"), f.masked);
      if (f.test)
        o += fmt::format(fmt::runtime(ja ? "  テスト番号 {}" : "  test numbers {}"), f.test);
      o += "\n";
      if (!f.kinds.empty())
        o += fmt::format("      {}: {}\n", ja ? "内訳" : "kinds", join_counts(f.kinds));
      if (!f.columns.empty()) {
        std::string cols;
        for (const std::string& c : f.columns) cols += (cols.empty() ? "" : ", ") + esc(c);
        o += fmt::format("      {}: {}\n", ja ? "列" : "columns", cols);
      }
      o += ja ? fmt::format("      初出: {} 行 {} (バイト {})\n", esc(f.first.file), f.first.line,
                            f.first.offset)
              : fmt::format("      first: {} line {} (byte {})\n", esc(f.first.file), f.first.line,
                            f.first.offset);
      std::string ex;
      for (const std::string& e : f.examples) ex += (ex.empty() ? "" : ", ") + esc(e);
      o += fmt::format("      {}: {}\n", ja ? "例（マスク済み）" : "examples (masked)", ex);
    }
    if (!u.sensitive_columns.empty()) {
      std::string cols;
      for (const pii::Column& c : u.sensitive_columns)
        cols += fmt::format("{}{} ({})", cols.empty() ? "" : ", ", esc(c.name), label(c.item, ja));
      o += fmt::format("   {}: {}\n", ja ? "個人情報らしい列" : "sensitive-looking columns", cols);
    }
  }
  o += ja ? "\n合計\n" : "\nTotals\n";
  o +=
      ja ? fmt::format(
               "   本人の数（重複除外）: {}（うちメール・カード・電話・マイナンバーのない行 {}）\n",
               r.persons, r.persons_without_identifier)
         : fmt::format(
               "   distinct persons: {} ({} of them rows without e-mail, card, phone or "
               "My Number)\n",
               r.persons, r.persons_without_identifier);
  o += fmt::format("   {}: {}\n", ja ? "個人情報を含む行" : "rows with personal data",
                   r.rows_with_pii);
  if (!r.cards_by_brand.empty() || r.masked_cards)
    o += ja ? fmt::format(
                  "   カード番号（ブランド別・重複なし）: {}; マスク済み {}; テスト番号 {}\n",
                  join_counts(r.cards_by_brand), r.masked_cards, r.test_cards)
            : fmt::format("   cards by brand (distinct): {}; masked {}; test numbers {}\n",
                          join_counts(r.cards_by_brand), r.masked_cards, r.test_cards);
  std::vector<pii::Count> items;
  for (const pii::Count& c : r.items) items.push_back({std::string(label(c.name, ja)), c.count});
  if (!items.empty())
    o += fmt::format("   {}: {}\n", ja ? "項目別（重複なし）" : "distinct values",
                     join_counts(items));
  if (r.truncated)
    o +=
        fmt::format(fmt::runtime(ja ? "   切り詰めた行・値: {}\n" : "   lines or values cut: {}\n"),
                    r.truncated);
  if (!r.problems.empty()) {
    o += fmt::format(fmt::runtime(ja ? "\n問題 ({})\n" : "\nProblems ({})\n"), r.problems.size());
    for (const pii::Problem& p : r.problems) {
      o += "   " + esc(p.where.file);
      if (p.where.line) o += fmt::format(fmt::runtime(ja ? " {} 行" : " line {}"), p.where.line);
      if (p.where.offset)
        o += fmt::format(fmt::runtime(ja ? " (バイト {})" : " (byte {})"), p.where.offset);
      o += ": " + esc(p.reason) + "\n";
    }
  }
  return o;
}

void json_string(std::string& o, std::string_view s) {
  o += '"';
  util::append_json_string(o, s);
  o += '"';
}

void json_strings(std::string& o, const std::vector<std::string>& v) {
  o += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) o += ',';
    json_string(o, v[i]);
  }
  o += ']';
}

void json_counts(std::string& o, const std::vector<pii::Count>& v) {
  o += '{';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) o += ',';
    json_string(o, v[i].name);
    o += fmt::format(":{}", v[i].count);
  }
  o += '}';
}

void json_citation(std::string& o, const pii::Citation& c) {
  o += "{\"file\":";
  json_string(o, c.file);
  o += fmt::format(",\"line\":{},\"offset\":{}}}", c.line, c.offset);
}

std::string render_json(const pii::Report& r) {
  std::string o = "{\"units\":[";
  for (size_t i = 0; i < r.units.size(); ++i) {
    const pii::Unit& u = r.units[i];
    if (i) o += ',';
    o += "{\"file\":";
    json_string(o, u.file);
    o += ",\"table\":";
    json_string(o, u.table);
    o += fmt::format(
        ",\"format\":\"{}\",\"encoding\":\"{}\",\"compression\":\"{}\",\"rows\":{},"
        "\"rows_with_pii\":{},\"items\":[",
        u.format, u.encoding, u.compression, u.rows, u.rows_with_pii);
    for (size_t k = 0; k < u.items.size(); ++k) {
      const pii::ItemFinding& f = u.items[k];
      if (k) o += ',';
      o += fmt::format(
          "{{\"item\":\"{}\",\"values\":{},\"distinct\":{},\"masked\":{},\"test\":{},"
          "\"columns\":",
          f.item, f.values, f.distinct, f.masked, f.test);
      json_strings(o, f.columns);
      o += ",\"first\":";
      json_citation(o, f.first);
      o += ",\"examples\":";
      json_strings(o, f.examples);
      o += ",\"kinds\":";
      json_counts(o, f.kinds);
      o += '}';
    }
    o += "],\"sensitive_columns\":[";
    for (size_t k = 0; k < u.sensitive_columns.size(); ++k) {
      if (k) o += ',';
      o += "{\"name\":";
      json_string(o, u.sensitive_columns[k].name);
      o += fmt::format(",\"item\":\"{}\"}}", u.sensitive_columns[k].item);
    }
    o += "]}";
  }
  o += "],\"problems\":[";
  for (size_t i = 0; i < r.problems.size(); ++i) {
    if (i) o += ',';
    o += "{\"where\":";
    json_citation(o, r.problems[i].where);
    o += ",\"reason\":";
    json_string(o, r.problems[i].reason);
    o += '}';
  }
  o += fmt::format(
      "],\"files_scanned\":{},\"bytes_scanned\":{},\"persons\":{},"
      "\"persons_without_identifier\":{},\"rows_with_pii\":{},\"cards_by_brand\":",
      r.files_scanned, r.bytes_scanned, r.persons, r.persons_without_identifier, r.rows_with_pii);
  json_counts(o, r.cards_by_brand);
  o += fmt::format(",\"masked_cards\":{},\"test_cards\":{},\"items\":", r.masked_cards,
                   r.test_cards);
  json_counts(o, r.items);
  o += fmt::format(",\"truncated\":{}}}\n", r.truncated);
  return o;
}

int run_pii(const PiiArgs& a) {
  pii::Options o;
  o.max_line_bytes = a.max_line;
  o.expansion.ratio = a.max_expansion;
  o.threads = a.threads;
  pii::Scanner scanner(o);
  for (const std::string& path : a.paths) scanner.scan_path(path);
  const pii::Report r = scanner.finish();
  Output out(a.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo pii: cannot write %s\n", a.out.c_str());
    return kExitInternal;
  }
  out.write(a.format == "json" ? render_json(r) : render_text(r, a.lang == "ja"));
  if (!out.finish()) {
    std::fprintf(stderr, "shodo pii: could not write the output (disk full?)\n");
    return kExitInternal;
  }
  if (!r.problems.empty()) return kExitInput;
  return r.found() ? kExitFindings : kExitClean;
}

}  // namespace

void add_pii_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<PiiArgs>();
  CLI::App* cmd = app.add_subcommand(
      "pii",
      "Find and count personal data in exposed files (SQL dumps, CSV/TSV exports, logs; "
      "folders and disk images; .gz/.zst/.bz2): cards, e-mail, phones, addresses, My Number, "
      "birth dates, names, passwords; distinct persons. Values are shown masked only");
  cmd->add_option("paths", args->paths, "Files, folders or disk images")->required();
  cmd->add_option("--out,-o", args->out,
                  "Write the output to this file instead of standard output");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--lang", args->lang, "Language of the text output")
      ->check(CLI::IsMember({"en", "ja"}))
      ->capture_default_str();
  cmd->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
  cmd->add_option("--max-line", args->max_line,
                  "Longest line, statement head or value read, in bytes; longer ones are cut, "
                  "counted and reported")
      ->check(CLI::Range(size_t{64}, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--max-expansion", args->max_expansion,
                  "Compressed files expanding more than this many times their size (beyond 256 "
                  "MiB) are compression bombs: read up to there and reported; 0: no limit")
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  shodo pii backup/db.sql.gz\n"
      "  shodo pii /srv/www/exports --lang ja\n"
      "  shodo pii server.E01 --format json -o pii.json");
  cmd->final_callback([args, &exit_code] { exit_code = run_pii(*args); });
}

}  // namespace shodo::cli

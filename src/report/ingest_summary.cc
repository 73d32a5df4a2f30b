#include "report/ingest_summary.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "ingest/event_json.h"
#include "report/read_totals.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using ingest::FileReport;
using ingest::kNoTime;

struct Words {
  const char* header;
  const char* bad_lines;
  const char* skipped;
  const char* problems;
  const char* incomplete;
  const char* columns[6];
};

constexpr Words kEnglish = {
    "{:<40} {:<16} {:>12} {:>8} {:<21} {:<21}",
    "Bad lines (first examples per file):",
    "Skipped files:",
    "Inputs that gave nothing to read:",
    "Read incompletely:",
    {"FILE", "FORMAT", "EVENTS", "BAD", "FIRST (UTC)", "LAST (UTC)"},
};

constexpr Words kJapanese = {
    "{:<40} {:<16} {:>12} {:>8} {:<21} {:<21}",
    "不正な行（ファイルごとの先頭の例）:",
    "読み飛ばしたファイル:",
    "読み込むものがなかった入力:",
    "最後まで読めなかったファイル:",
    {"ファイル", "形式", "イベント", "不正", "最初 (UTC)", "最後 (UTC)"},
};

std::string esc(std::string_view s) {
  return util::escape_terminal(s);
}

nlohmann::json file_json(const FileReport& r) {
  nlohmann::json j;
  j["path"] = r.path;
  j["format"] = r.format;
  j["kind"] = std::string(ingest::log_kind_name(r.kind));
  j["compression"] = r.compression;
  j["size_on_disk"] = r.size_on_disk;
  j["bytes"] = r.bytes;
  j["lines"] = r.lines;
  j["events"] = r.events;
  j["meta_lines"] = r.meta_lines;
  j["bad_lines"] = r.bad_lines;
  j["filtered"] = r.filtered;
  j["first_time"] =
      r.first_time == kNoTime ? nlohmann::json() : nlohmann::json(ingest::format_utc(r.first_time));
  j["last_time"] =
      r.last_time == kNoTime ? nlohmann::json() : nlohmann::json(ingest::format_utc(r.last_time));
  j["timezone_assumed"] = r.offset_assumed;
  j["read_completely"] = r.read_completely;
  if (!r.error.empty()) j["error"] = r.error;
  auto& ex = j["bad_examples"] = nlohmann::json::array();
  for (const auto& b : r.bad_examples)
    ex.push_back(
        {{"line", b.line}, {"offset", b.offset}, {"reason", b.reason}, {"excerpt", b.excerpt}});
  return j;
}

}  // namespace

std::string ingest_files_text(const IngestSummary& s) {
  const Words& w = s.lang == "ja" ? kJapanese : kEnglish;
  const auto& files = s.result->files;
  std::string out = "\n" + fmt::format(fmt::runtime(w.header), w.columns[0], w.columns[1],
                                       w.columns[2], w.columns[3], w.columns[4], w.columns[5]);
  out += "\n";
  for (const auto& f : files) {
    if (f.format.empty()) continue;
    std::string name = esc(f.path);
    if (name.size() > 40) {
      // Cut at a character boundary: never leave half a UTF-8 sequence.
      size_t cut = name.size() - 37;
      while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) ++cut;
      name = "..." + name.substr(cut);
    }
    out +=
        fmt::format(fmt::runtime(w.header), name, f.format, grouped(f.events), grouped(f.bad_lines),
                    utc_seconds_or_dash(f.first_time), utc_seconds_or_dash(f.last_time));
    out += "\n";
  }
  bool heading = false;
  for (const auto& f : files) {
    if (f.bad_examples.empty() || f.format.empty()) continue;
    if (!heading) out += std::string("\n") + w.bad_lines + "\n";
    heading = true;
    const size_t shown =
        s.verbose ? f.bad_examples.size() : std::min<size_t>(3, f.bad_examples.size());
    for (size_t i = 0; i < shown; ++i) {
      const auto& b = f.bad_examples[i];
      out += fmt::format("  {}:{}: {}\n      {}\n", esc(f.path), b.line, esc(b.reason),
                         esc(b.excerpt.substr(0, 120)));
    }
    if (f.bad_lines > shown)
      out += fmt::format("  {}: ... {} bad lines in all\n", esc(f.path), grouped(f.bad_lines));
  }
  return out;
}

std::string ingest_problems_text(const IngestSummary& s) {
  const Words& w = s.lang == "ja" ? kJapanese : kEnglish;
  const auto& files = s.result->files;
  std::string out;
  bool heading = false;
  for (const auto& f : files) {
    if (!f.format.empty() || f.error.empty()) continue;
    if (!heading) out += std::string("\n") + w.skipped + "\n";
    heading = true;
    out += fmt::format("  {}: {}\n", esc(f.path), esc(f.error));
  }
  heading = false;
  for (const auto& f : files) {
    if (f.format.empty() || f.read_completely) continue;
    if (!heading) out += std::string("\n") + w.incomplete + "\n";
    heading = true;
    out += fmt::format("  {}: {}\n", esc(f.path), esc(f.error));
  }
  if (!s.inputs->problems.empty()) {
    out += std::string("\n") + w.problems + "\n";
    for (const auto& p : s.inputs->problems)
      out += fmt::format("  {}: {}\n", esc(p.path), esc(p.reason));
  }
  return out;
}

std::string render_ingest_summary(const IngestSummary& s, const std::string& format) {
  if (format == "text")
    return read_totals_text(*s.result, s.seconds, s.lang) + ingest_files_text(s) +
           ingest_problems_text(s);
  if (format == "csv") {
    std::string out =
        "path,format,kind,compression,size_on_disk,bytes,lines,events,meta_lines,bad_lines,"
        "filtered,first_time,last_time,read_completely,error\n";
    for (const auto& f : s.result->files) {
      util::append_csv_cell(out, f.path);
      for (std::string_view v : {std::string_view(f.format), ingest::log_kind_name(f.kind),
                                 std::string_view(f.compression)}) {
        out += ',';
        util::append_csv_cell(out, v);
      }
      out += fmt::format(",{},{},{},{},{},{},{},{},{},{},", f.size_on_disk, f.bytes, f.lines,
                         f.events, f.meta_lines, f.bad_lines, f.filtered,
                         f.first_time == kNoTime ? "" : ingest::format_utc(f.first_time),
                         f.last_time == kNoTime ? "" : ingest::format_utc(f.last_time),
                         f.read_completely ? "true" : "false");
      util::append_csv_cell(out, f.error);
      out += '\n';
    }
    return out;
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : s.inputs->problems)
    problems.push_back({{"path", p.path}, {"reason", p.reason}});
  // Evidence bytes that are not UTF-8 (paths, excerpts) are replaced by U+FFFD
  // here; `shodo events` keeps them recoverable.
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  if (format == "jsonl") {
    std::string out;
    for (const auto& f : s.result->files) out += file_json(f).dump(-1, ' ', false, kReplace) + "\n";
    for (const auto& p : problems)
      out += nlohmann::json{{"problem", p}}.dump(-1, ' ', false, kReplace) + "\n";
    return out;
  }
  nlohmann::json j;
  j["timezone_assumed_for_offsetless_times"] = s.result->zone_name;
  j["seconds"] = s.seconds;
  j["files"] = nlohmann::json::array();
  for (const auto& f : s.result->files) j["files"].push_back(file_json(f));
  j["problems"] = problems;
  return j.dump(2, ' ', false, kReplace) + "\n";
}

}  // namespace shodo::report

#include "report/read_totals.h"

#include <fmt/format.h>

#include "report/text_format.h"
#include "util/progress.h"

namespace shodo::report {
namespace {

struct Words {
  const char* files;
  const char* zone_note;
  const char* filtered;
};

constexpr Words kEnglish = {
    "{files} files, {bytes} read, {events} events, {bad} bad lines in {secs:.2f} s ({rate} "
    "lines/s)",
    "Times written without an offset were read as {zone} (--tz).",
    "{n} events outside --since/--until left out.",
};

constexpr Words kJapanese = {
    "ファイル {files} 件、{bytes} を読み込み、イベント {events} 件、不正な行 {bad} 行（{secs:.2f} "
    "秒、毎秒 {rate} 行）",
    "オフセットのない時刻は {zone} として解釈しました（--tz）。",
    "--since/--until の範囲外のイベント {n} 件を除外しました。",
};

}  // namespace

ReadTotals read_totals(const ingest::IngestResult& result) {
  ReadTotals t;
  t.files = result.files.size();
  for (const auto& f : result.files) {
    t.bytes += f.bytes;
    t.lines += f.lines;
    t.events += f.events;
    t.bad_lines += f.bad_lines;
    t.filtered += f.filtered;
    if (f.first_time != ingest::kNoTime &&
        (t.first_time == ingest::kNoTime || f.first_time < t.first_time))
      t.first_time = f.first_time;
    if (f.last_time != ingest::kNoTime && f.last_time > t.last_time) t.last_time = f.last_time;
  }
  return t;
}

std::string read_totals_text(const ingest::IngestResult& result, double seconds,
                             std::string_view lang) {
  const Words& w = lang == "ja" ? kJapanese : kEnglish;
  const ReadTotals t = read_totals(result);
  const double rate = seconds > 0 ? static_cast<double>(t.lines) / seconds : 0;
  std::string out = fmt::format(fmt::runtime(w.files), fmt::arg("files", t.files),
                                fmt::arg("bytes", util::human_bytes(static_cast<double>(t.bytes))),
                                fmt::arg("events", grouped(t.events)),
                                fmt::arg("bad", grouped(t.bad_lines)), fmt::arg("secs", seconds),
                                fmt::arg("rate", grouped(static_cast<uint64_t>(rate))));
  out += "\n";
  out += fmt::format(fmt::runtime(w.zone_note), fmt::arg("zone", result.zone_name)) + "\n";
  if (t.filtered)
    out += fmt::format(fmt::runtime(w.filtered), fmt::arg("n", grouped(t.filtered))) + "\n";
  return out;
}

}  // namespace shodo::report

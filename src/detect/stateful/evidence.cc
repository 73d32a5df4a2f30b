#include "detect/stateful/evidence.h"

#include <fmt/format.h>

#include "ingest/event_json.h"

namespace shodo::detect {

Citation citation_of(const ingest::Event& ev) {
  return {ev.file_index, ev.line, ev.offset};
}

void Evidence::add(const Observation& o, size_t max_related) {
  if (o.has_time()) {
    if (first == ingest::kNoTime || o.time < first) {
      first = o.time;
      utc_offset_s = o.utc_offset_s;
    }
    if (last == ingest::kNoTime || o.time > last) last = o.time;
  }
  // The count decides first: `cites` (another cache line in the detectors'
  // per-client states) is touched only while it still takes citations.
  ++count;
  if (count <= max_related + 1 && cites.size() < max_related + 1) cites.push_back(o.cite);
}

void Evidence::fill(Finding& f) const {
  f.time = first;
  f.last_time = last;
  f.utc_offset_s = utc_offset_s;
  f.count = count;
  if (cites.empty()) return;
  f.cite = cites.front();
  f.related.assign(cites.begin() + 1, cites.end());
}

void cite_conclusion(Finding& f, const ingest::Event& ev, size_t max_related) {
  if (f.count > 0) f.related.insert(f.related.begin(), f.cite);
  if (f.related.size() > max_related) f.related.resize(max_related);
  f.cite = citation_of(ev);
  if (ev.has_time() && (f.last_time == ingest::kNoTime || ev.time > f.last_time))
    f.last_time = ev.time;
  if (f.time == ingest::kNoTime) f.time = ev.time;
  ++f.count;
}

Finding detector_finding(std::string_view name, std::string_view title, std::string_view title_ja,
                         Level level, std::string_view technique) {
  Finding f;
  f.source = Finding::Source::detector;
  f.rule_id = fmt::format("shodo.{}", name);
  f.title = title;
  f.title_ja = title_ja;
  f.level = level;
  f.techniques.emplace_back(technique);
  return f;
}

std::string with_commas(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string short_span(ingest::TimeUs us) {
  const int64_t s = us / 1'000'000;
  if (s % 86400 == 0 && s > 0) return fmt::format("{}d", s / 86400);
  if (s % 3600 == 0 && s > 0) return fmt::format("{}h", s / 3600);
  if (s % 60 == 0 && s > 0) return fmt::format("{}m", s / 60);
  return fmt::format("{}s", s);
}

std::string minute_text(ingest::TimeUs t) {
  // format_utc writes "2024-03-02T14:05:09Z"; people read minutes here.
  std::string iso = ingest::format_utc(t);
  if (iso.size() < 16) return iso;
  iso[10] = ' ';
  return iso.substr(0, 16) + " UTC";
}

}  // namespace shodo::detect

#include "files/scoring.h"

#include <algorithm>
#include <set>

namespace shodo::files {
namespace {

constexpr size_t kExcerptBefore = 60, kExcerptAfter = 140;

detect::Level level_from_name(std::string_view name, detect::Level fallback) {
  if (name == "critical") return detect::Level::critical;
  if (name == "high") return detect::Level::high;
  if (name == "medium") return detect::Level::medium;
  if (name == "low") return detect::Level::low;
  if (name == "informational") return detect::Level::informational;
  return fallback;
}

int score_for_level(detect::Level l) {
  switch (l) {
    case detect::Level::critical: return 90;
    case detect::Level::high: return 70;
    case detect::Level::medium: return 50;
    case detect::Level::low: return 30;
    default: return 10;
  }
}

}  // namespace

detect::Level level_for_score(int score) {
  if (score >= 80) return detect::Level::critical;
  if (score >= 60) return detect::Level::high;
  if (score >= 40) return detect::Level::medium;
  if (score >= 20) return detect::Level::low;
  return detect::Level::informational;
}

void cite(std::string_view data, size_t offset, detect::FileFinding& f) {
  if (offset == std::string_view::npos || offset >= data.size()) return;
  f.offset = offset;
  f.line = 1 + static_cast<uint64_t>(std::count(data.begin(), data.begin() + offset, '\n'));
  size_t line_start = data.rfind('\n', offset);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  size_t line_end = data.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = data.size();
  size_t from = std::max(line_start, offset >= kExcerptBefore ? offset - kExcerptBefore : 0);
  size_t to = std::min(line_end, offset + kExcerptAfter);
  f.excerpt = std::string(data.substr(from, to - from));
}

bool finding_from_signals(const std::vector<Signal>& signals, std::string_view data,
                          detect::FileFinding& f) {
  if (signals.empty()) return false;
  const Signal* top = &signals[0];
  int sum = 0;
  for (const Signal& s : signals) {
    sum += s.points;
    if (s.points > top->points) top = &s;
  }
  f.rule_id = "shodo.scan." + top->id;
  f.title = top->title;
  f.title_ja = top->title_ja;
  f.score = std::min(100, sum);
  f.level = level_for_score(f.score);
  f.reason = top->reason;
  f.reason_ja = top->reason_ja;
  std::set<std::string> techniques;
  for (const Signal& s : signals) {
    techniques.insert(s.techniques.begin(), s.techniques.end());
    if (&s == top) continue;
    f.reason += "; also: " + s.reason;
    f.reason_ja += "。ほかに: " + s.reason_ja;
  }
  f.techniques.assign(techniques.begin(), techniques.end());
  cite(data, top->offset, f);
  return true;
}

void finding_from_yara(const YaraMatch& m, std::string_view data, detect::FileFinding& f) {
  f.rule_id = "yara." + m.rule;
  f.title = m.title.empty() ? "YARA rule " + m.rule : m.title;
  f.title_ja = m.title_ja;
  // Rules without a level (most third-party sets) are worth a look, not an alarm.
  f.level = level_from_name(m.level, detect::Level::medium);
  f.score = m.score >= 0 ? std::clamp(m.score, 0, 100) : score_for_level(f.level);
  const std::string file = m.file.substr(m.file.rfind('/') + 1);
  f.reason = "YARA rule " + m.rule + " (" + file + ") matched" +
             (m.string_id.empty() ? "" : ", first at string " + m.string_id);
  f.reason_ja = "YARA ルール " + m.rule + "（" + file + "）に一致" +
                (m.string_id.empty() ? "" : "（最初の一致: " + m.string_id + "）");
  for (size_t start = 0; start < m.mitre.size();) {
    size_t end = m.mitre.find_first_of(", ", start);
    if (end == std::string::npos) end = m.mitre.size();
    if (end > start) f.techniques.push_back(m.mitre.substr(start, end - start));
    start = end + 1;
  }
  cite(data, m.offset, f);
}

}  // namespace shodo::files

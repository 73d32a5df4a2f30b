#include "investigate/correlate.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "investigate/correlate_steps.h"

namespace shodo::investigate {
namespace {

constexpr size_t kExcerptRows = 60;

void quote_cited_lines(const CorrelationInput& in, const ActivityPass& activity,
                       Investigation& inv) {
  std::map<std::string, uint32_t> file_index;
  for (uint32_t i = 0; i < in.logs->files.size(); ++i) file_index[in.logs->files[i].path] = i;
  for (FindingRecord& f : inv.findings) {
    if (f.origin != "log") continue;
    auto idx = file_index.find(f.source.file);
    if (idx == file_index.end()) continue;
    auto line = activity.cited_lines.find({idx->second, f.source.line});
    if (line != activity.cited_lines.end()) f.excerpt = line->second;
  }
}

void sort_attackers(Investigation& inv) {
  std::stable_sort(inv.attackers.begin(), inv.attackers.end(),
                   [](const Attacker& a, const Attacker& b) {
                     if (a.level != b.level) return a.level > b.level;
                     if (outcome_rank(a.outcome) != outcome_rank(b.outcome))
                       return outcome_rank(a.outcome) > outcome_rank(b.outcome);
                     return a.first_seen < b.first_seen;
                   });
}

void build_hourly(const CorrelationInput& in, const ActivityPass& activity, Investigation& inv) {
  std::map<TimeUs, HourBucket> hours;
  for (const auto& [hour, n] : in.hunt->hourly) hours[hour] = {hour, n, 0};
  for (const Attacker& a : inv.attackers) {
    auto it = activity.clients.find(a.ip);
    if (it == activity.clients.end()) continue;
    for (const auto& [hour, n] : it->second.hourly) hours[hour].attack_requests += n;
  }
  for (auto& [hour, b] : hours) {
    b.hour = hour;
    inv.hourly.push_back(b);
  }
}

// The rows a reader of the report needs: window points, webshell events,
// changed files and the serious findings, in time order.
void build_timeline_excerpt(Investigation& inv) {
  std::vector<TimelineRow> rows;
  for (const FindingRecord& f : inv.findings)
    if (f.level >= Level::high && f.time != kNoTime)
      rows.push_back({f.time,
                      f.origin == "log" ? "Request time" : "Content Modification Time",
                      f.origin == "log" ? "web" : "fs",
                      {f.title.en + (f.client_ip.empty() ? "" : " from " + f.client_ip) +
                           (f.path.empty() ? "" : ": " + f.path),
                       f.title.in("ja") + (f.client_ip.empty() ? "" : "（" + f.client_ip + "）") +
                           (f.path.empty() ? "" : ": " + f.path)},
                      f.source,
                      f.id});
  for (const ChangedFile& c : inv.changed_files)
    if (c.mtime != kNoTime && c.assessment != "benign")
      rows.push_back({c.mtime,
                      "Content Modification Time",
                      "fs",
                      {c.path + " " + c.change, c.path + "（" + c.change + "）"},
                      {},
                      c.finding_ids.empty() ? "" : c.finding_ids.front()});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const TimelineRow& a, const TimelineRow& b) { return a.time < b.time; });
  if (rows.size() > kExcerptRows) rows.resize(kExcerptRows);
  inv.timeline_excerpt = std::move(rows);
}

}  // namespace

const FindingRecord* find_by_id(const Investigation& inv, const std::string& id) {
  for (const FindingRecord& f : inv.findings)
    if (f.id == id) return &f;
  return nullptr;
}

const Attacker* attacker_of(const Investigation& inv, const std::string& ip) {
  for (const Attacker& a : inv.attackers)
    if (a.ip == ip) return &a;
  return nullptr;
}

Attacker* attacker_of(Investigation& inv, const std::string& ip) {
  return const_cast<Attacker*>(attacker_of(std::as_const(inv), ip));
}

bool has_technique(const FindingRecord& f, std::string_view prefix) {
  return std::any_of(f.techniques.begin(), f.techniques.end(),
                     [&](const std::string& t) { return t.starts_with(prefix); });
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int outcome_rank(std::string_view o) {
  constexpr std::string_view kOrder[] = {"unknown",   "blocked",        "failed",
                                         "attempted", "likely-success", "success"};
  for (int i = 0; i < 6; ++i)
    if (kOrder[i] == o) return i;
  return 0;
}

void correlate(const CorrelationInput& in, Stage1 stage1, const ActivityPass& activity,
               Investigation& inv) {
  inv.findings = std::move(stage1.findings);
  quote_cited_lines(in, activity, inv);
  build_attackers(stage1, activity, inv);
  build_files(in, inv);
  sort_attackers(inv);
  build_story(in, inv);
  build_actions(in, inv);
  build_hourly(in, activity, inv);
  build_timeline_excerpt(inv);
}

}  // namespace shodo::investigate

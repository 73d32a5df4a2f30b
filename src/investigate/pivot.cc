#include "investigate/pivot.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

namespace shodo::investigate {
namespace {

bool token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
}

class EventMatcher final : public ingest::EventConsumer {
 public:
  EventMatcher(const ingest::InputSet& logs, const std::string& value, PivotResult& out)
      : logs_(logs), value_(value), out_(out) {}

  void process(const ingest::Batch& batch, unsigned) override {
    std::vector<PivotHit> found;
    for (const ingest::Event& e : batch.events)
      if (contains_token(e.raw, value_))
        found.push_back({e.time,
                         e.utc_offset_s,
                         "event",
                         std::string(e.raw),
                         {logs_.files[e.file_index].path, e.line, e.offset, 0},
                         ""});
    std::lock_guard lock(mu_);
    out_.events_read += batch.events.size();
    for (PivotHit& h : found) out_.hits.push_back(std::move(h));
  }

 private:
  const ingest::InputSet& logs_;
  const std::string& value_;
  PivotResult& out_;
  std::mutex mu_;
};

void add_case_data(const Investigation& inv, const std::string& v, PivotResult& out) {
  for (const FindingRecord& f : inv.findings)
    if (contains_token(f.client_ip, v) || contains_token(f.path, v) || contains_token(f.user, v) ||
        contains_token(f.excerpt, v) || contains_token(f.sha256, v) ||
        contains_token(f.source.file, v))
      out.hits.push_back({f.time, f.utc_offset_s, "finding",
                          "[" + std::string(level_name(f.level)) + "] " + f.title.en +
                              (f.client_ip.empty() ? "" : " from " + f.client_ip) +
                              (f.path.empty() ? "" : ": " + f.path),
                          f.source, f.id});
  for (const Attacker& a : inv.attackers) {
    bool hit = a.ip == v;
    for (const std::string& ua : a.user_agents) hit = hit || contains_token(ua, v);
    if (hit)
      out.hits.push_back(
          {a.first_seen, 0, "attacker",
           "attacker " + a.ip + " (" + a.role.en + "): " + std::to_string(a.requests) + " requests",
           a.first_cite, ""});
  }
  for (const Webshell& w : inv.webshells)
    if (contains_token(w.path, v) || contains_token(w.url, v) || w.sha256 == v ||
        w.uploaded_by == v || std::count(w.used_by.begin(), w.used_by.end(), v))
      out.hits.push_back({w.first_seen, 0, "webshell", "webshell " + w.path + " (" + w.sha256 + ")",
                          w.upload_cite, w.finding_ids.empty() ? "" : w.finding_ids.front()});
  for (const ChangedFile& c : inv.changed_files)
    if (contains_token(c.path, v) || c.sha256_after == v || c.sha256_before == v)
      out.hits.push_back({c.mtime,
                          0,
                          "changed-file",
                          c.change + " " + c.path + " (" + c.assessment + ")",
                          {},
                          c.finding_ids.empty() ? "" : c.finding_ids.front()});
}

}  // namespace

bool contains_token(std::string_view text, std::string_view value) {
  if (value.empty()) return false;
  for (size_t at = text.find(value); at != std::string_view::npos; at = text.find(value, at + 1)) {
    const bool left_ok = at == 0 || !token_char(value.front()) || !token_char(text[at - 1]);
    const size_t end = at + value.size();
    const bool right_ok = end == text.size() || !token_char(value.back()) || !token_char(text[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

PivotResult pivot(const Investigation& inv, const std::string& value,
                  const ingest::IngestOptions& options) {
  PivotResult out;
  std::vector<std::string> paths;
  for (const SourceStats& s : inv.stats) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(s.file, ec))
      paths.push_back(s.file);
    else
      out.problems.push_back(s.file +
                             ": not a file on this machine (inside an image or moved): not read");
  }
  if (!paths.empty()) {
    ingest::InputSet logs = ingest::expand_inputs(paths);
    ingest::sort_rotated(logs.files);
    EventMatcher matcher(logs, value, out);
    ingest::IngestResult r = ingest::ingest(logs, options, matcher);
    for (const ingest::FileReport& f : r.files)
      if (!f.error.empty()) out.problems.push_back(f.path + ": " + f.error);
  }
  add_case_data(inv, value, out);
  std::stable_sort(out.hits.begin(), out.hits.end(), [](const PivotHit& a, const PivotHit& b) {
    const TimeUs ta = a.time == kNoTime ? INT64_MAX : a.time,
                 tb = b.time == kNoTime ? INT64_MAX : b.time;
    if (ta != tb) return ta < tb;
    if (a.cite.file != b.cite.file) return a.cite.file < b.cite.file;
    return a.cite.line < b.cite.line;
  });
  return out;
}

}  // namespace shodo::investigate

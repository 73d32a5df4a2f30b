// Stage 1 of the correlation: every finding in one list, in time order, with
// stable ids; and who attacked.
#include <fmt/format.h>

#include <algorithm>

#include "investigate/changes.h"
#include "investigate/correlate.h"

namespace shodo::investigate {
namespace {

Level level_of(detect::Level l) {
  return static_cast<Level>(static_cast<uint8_t>(l));
}

FindingRecord from_log(const ingest::InputSet& logs, const detect::Finding& f) {
  FindingRecord r;
  r.origin = "log";
  r.rule = f.rule_id;
  r.title = {f.title, f.title_ja};
  r.level = level_of(f.level);
  r.techniques = f.techniques;
  r.time = f.time;
  r.last_time = f.last_time;
  r.utc_offset_s = f.utc_offset_s;
  r.outcome = std::string(detect::outcome_name(f.outcome));
  r.outcome_reason = f.outcome_reason;
  r.client_ip = f.client_ip;
  r.user = f.user;
  r.method = f.method;
  r.path = f.path;
  r.status = f.status;
  r.bytes = f.bytes;
  r.count = f.count;
  if (f.cite.file_index < logs.files.size())
    r.source = {logs.files[f.cite.file_index].path, f.cite.line, f.cite.offset, 0};
  r.excerpt =
      f.field.empty() ? f.value : f.field + ": " + f.value;  // the raw line replaces it later
  r.detail = {f.detail, f.detail_ja};
  return r;
}

FindingRecord from_file(const FileFindingIn& in) {
  const detect::FileFinding& f = in.finding;
  FindingRecord r;
  r.origin = in.kind;
  r.rule = f.rule_id;
  r.title = {f.title, f.title_ja};
  r.level = level_of(f.level);
  r.techniques = f.techniques;
  r.time = us_of(f.file.btime != fsview::kNoTime ? f.file.btime : f.file.mtime);
  r.path = f.file.path;
  r.source = {in.origin + ":" + f.file.path, f.line, f.offset, f.file.inode};
  r.excerpt = f.excerpt;
  r.detail = {f.reason, f.reason_ja};
  r.sha256 = f.sha256;
  return r;
}

FindingRecord from_change(const ChangeIn& c, const ChangeAssessment& a) {
  const bool removed = c.change.kind == files::Change::Kind::removed;
  const files::ManifestEntry& e = removed ? c.change.before : c.change.after;
  FindingRecord r;
  r.origin = "diff";
  r.rule = "shodo.diff." + (a.assessment == "unknown" ? std::string(removed ? "removed" : "changed")
                                                      : a.assessment);
  r.title = a.title;
  r.level = a.level;
  r.techniques = a.techniques;
  r.time = us_of(e.mtime);
  r.path = e.path;
  r.source = {c.origin + ":" + e.path, 0, 0, 0};
  r.excerpt = c.change.unified_diff.substr(0, 600);
  r.detail = a.note;
  r.sha256 = e.sha256;
  return r;
}

bool earlier(const FindingRecord& a, const FindingRecord& b) {
  const TimeUs ta = a.time == kNoTime ? INT64_MAX : a.time;
  const TimeUs tb = b.time == kNoTime ? INT64_MAX : b.time;
  if (ta != tb) return ta < tb;
  if (a.source.file != b.source.file) return a.source.file < b.source.file;
  if (a.source.line != b.source.line) return a.source.line < b.source.line;
  return a.rule < b.rule;
}

FindingRecord from_request(const Request& r, std::string rule, Text title, Level level,
                           std::vector<std::string> techniques, Text detail) {
  FindingRecord f;
  f.origin = "log";
  f.rule = std::move(rule);
  f.title = std::move(title);
  f.level = level;
  f.techniques = std::move(techniques);
  f.time = r.time;
  f.outcome = "success";
  f.client_ip = r.ip;
  const size_t q = r.target.find('?');
  f.method = r.method;
  f.path = r.target.substr(0, q);
  f.status = r.status;
  f.bytes = r.bytes;
  f.source = r.cite;
  f.excerpt = r.method + " " + r.target;
  f.detail = std::move(detail);
  return f;
}

bool succeeded(const Request& r) {
  return r.status >= 200 && r.status < 400 && !r.ip.empty();
}

// Findings that only the link between a file and the logs shows: a
// webshell's upload and use, a dump's download. Their clients are attackers.
void add_link_findings(const CorrelationInput& in, Stage1& s) {
  std::set<std::string> dumps;
  for (const ChangeIn& c : in.changes)
    if (c.change.kind == files::Change::Kind::added &&
        assess_change(c, findings_for(in.file_findings, c.change.after.path)).assessment ==
            "data-dump")
      dumps.insert(c.change.after.path);
  for (size_t i = 0; i < in.watched.size(); ++i) {
    const std::string& path = in.watched_paths[i];
    const WatchedActivity& w = in.hunt->watched[i];
    bool shell = false;
    for (const FileFindingIn* f : findings_for(in.file_findings, path))
      shell = shell || is_webshell_finding(f->finding);
    if (shell && w.has_upload) {
      s.findings.push_back(from_request(
          w.upload, "shodo.link.webshell_upload", {"Webshell uploaded", "Web シェルのアップロード"},
          Level::critical, {"T1505.003"},
          {"The last POST before " + path + " was written", path + " が書き込まれる直前の POST"}));
      s.attackers.insert(w.upload.ip);
    }
    if (!shell && !dumps.count(path)) continue;
    std::set<std::string> reported;  // one finding per client: its first successful request
    for (const Request& r : w.requests) {
      if (!succeeded(r) || !reported.insert(r.ip).second) continue;
      uint64_t count = 0;
      for (const Request& o : w.requests) count += o.ip == r.ip && succeeded(o);
      FindingRecord f =
          shell
              ? from_request(r, "shodo.link.webshell_use", {"Webshell used", "Web シェルの使用"},
                             Level::critical, {"T1505.003", "T1059.004"},
                             {std::to_string(count) + " successful requests to the webshell " +
                                  in.watched[i].url,
                              "Web シェル " + in.watched[i].url + " への成功したリクエスト " +
                                  std::to_string(count) + " 件"})
              : from_request(
                    r, "shodo.link.dump_download",
                    {"Data dump downloaded", "データダンプのダウンロード"}, Level::critical,
                    {"T1041"},
                    {"Downloaded " + in.watched[i].url + " (" + std::to_string(r.bytes) + " bytes)",
                     in.watched[i].url + " をダウンロード（" + std::to_string(r.bytes) +
                         " バイト）"});
      f.count = count;
      s.findings.push_back(std::move(f));
      s.attackers.insert(r.ip);
    }
  }
}

}  // namespace

Stage1 correlate_findings(const CorrelationInput& in) {
  Stage1 s;
  for (const detect::Finding& f : in.hunt->findings) {
    s.findings.push_back(from_log(*in.logs, f));
    if (f.level >= detect::Level::medium && !f.client_ip.empty()) s.attackers.insert(f.client_ip);
    s.cited.insert({f.cite.file_index, f.cite.line});
  }
  for (const FileFindingIn& f : in.file_findings) s.findings.push_back(from_file(f));
  for (const ChangeIn& c : in.changes) {
    const std::string& path =
        c.change.after.path.empty() ? c.change.before.path : c.change.after.path;
    s.findings.push_back(from_change(c, assess_change(c, findings_for(in.file_findings, path))));
  }
  add_link_findings(in, s);
  std::stable_sort(s.findings.begin(), s.findings.end(), earlier);
  for (size_t i = 0; i < s.findings.size(); ++i) s.findings[i].id = fmt::format("F{:04}", i + 1);
  return s;
}

}  // namespace shodo::investigate

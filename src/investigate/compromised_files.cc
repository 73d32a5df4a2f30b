// Webshells and changed files, linked to the requests that created and used
// them: the POST just before a file was written uploaded it; the addresses
// whose requests to its URL succeeded used it.
#include <algorithm>
#include <map>

#include "investigate/changes.h"
#include "investigate/correlate_steps.h"
#include "util/hex.h"

namespace shodo::investigate {
namespace {

constexpr size_t kMaxCommands = 20;

std::string url_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && util::hex_value(s[i + 1]) >= 0 &&
               util::hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(util::hex_value(s[i + 1]) * 16 + util::hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The values of the query's parameters: what a webshell was told to run.
void add_commands(const std::string& target, std::vector<std::string>& out) {
  const size_t q = target.find('?');
  if (q == std::string::npos) return;
  std::string_view query(target);
  query.remove_prefix(q + 1);
  while (!query.empty() && out.size() < kMaxCommands) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && eq + 1 < pair.size()) {
      std::string value = url_decode(pair.substr(eq + 1));
      if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
}

bool succeeded(const Request& r) {
  return r.status >= 200 && r.status < 400;
}

std::vector<std::string> ids_for_path(const Investigation& inv, const std::string& path,
                                      const std::string& url) {
  std::vector<std::string> ids;
  for (const FindingRecord& f : inv.findings)
    if (f.path == path || (!url.empty() && f.origin == "log" && f.path == url)) ids.push_back(f.id);
  return ids;
}

void build_webshells(const CorrelationInput& in, Investigation& inv) {
  std::map<std::string, const FileFindingIn*> shells;  // by path: the strongest finding
  for (const FileFindingIn& f : in.file_findings)
    if (is_webshell_finding(f.finding)) {
      const FileFindingIn*& best = shells[f.finding.file.path];
      if (!best || f.finding.score > best->finding.score) best = &f;
    }
  for (const auto& [path, f] : shells) {
    Webshell w;
    w.path = path;
    w.url = f->finding.url_path;
    w.sha256 = f->finding.sha256;
    w.file_time = us_of(f->finding.file.btime != fsview::kNoTime ? f->finding.file.btime
                                                                 : f->finding.file.mtime);
    w.first_seen = w.file_time;
    for (size_t i = 0; i < in.watched_paths.size(); ++i) {
      if (in.watched_paths[i] != path) continue;
      const WatchedActivity& act = in.hunt->watched[i];
      if (act.has_upload) {
        w.uploaded_by = act.upload.ip;
        w.uploaded_at = act.upload.time;
        w.upload_cite = act.upload.cite;
      }
      for (const Request& r : act.requests) {
        if (!succeeded(r)) continue;
        add_unique(w.used_by, r.ip);
        ++w.uses;
        if (w.first_used == kNoTime || r.time < w.first_used) {
          w.first_used = r.time;
          w.first_use_cite = r.cite;
        }
        if (w.last_used == kNoTime || r.time > w.last_used) w.last_used = r.time;
        add_commands(r.target, w.commands);
      }
    }
    for (TimeUs t : {w.uploaded_at, w.first_used})
      if (t != kNoTime && (w.first_seen == kNoTime || t < w.first_seen)) w.first_seen = t;
    w.finding_ids = ids_for_path(inv, w.path, w.url);
    inv.webshells.push_back(std::move(w));
  }
}

// When the attackers were first seen doing harm (kNoTime: never).
TimeUs first_attack(const Investigation& inv) {
  TimeUs first = kNoTime;
  for (const FindingRecord& f : inv.findings)
    if (f.origin == "log" && f.level >= Level::medium && f.time != kNoTime &&
        attacker_of(inv, f.client_ip) && (first == kNoTime || f.time < first))
      first = f.time;
  return first;
}

void build_changed_files(const CorrelationInput& in, Investigation& inv) {
  const TimeUs attacks_began = first_attack(inv);
  for (const ChangeIn& c : in.changes) {
    const bool removed = c.change.kind == files::Change::Kind::removed;
    const files::ManifestEntry& e = removed ? c.change.before : c.change.after;
    const ChangeAssessment a = assess_change(c, findings_for(in.file_findings, e.path));
    ChangedFile f;
    f.path = e.path;
    f.change = removed                                       ? "removed"
               : c.change.kind == files::Change::Kind::added ? "added"
                                                             : "modified";
    f.sha256_before = c.change.before.sha256;
    f.sha256_after = c.change.after.sha256;
    f.size = e.size;
    f.mtime = us_of(e.mtime);
    f.assessment = a.assessment;
    f.note = a.note;
    f.diff = c.change.unified_diff;
    f.finding_ids = ids_for_path(inv, e.path, url_under(c.docroot, e.path));
    // An ordinary file put there by someone who is not an attacker.
    if (f.assessment == "unknown" && f.change == "added")
      for (size_t i = 0; i < in.watched_paths.size(); ++i)
        if (in.watched_paths[i] == e.path && in.hunt->watched[i].has_upload &&
            !attacker_of(inv, in.hunt->watched[i].upload.ip) && a.level <= Level::low) {
          f.assessment = "benign";
          f.note = {"Uploaded by " + in.hunt->watched[i].upload.ip + ", not an attacker",
                    in.hunt->watched[i].upload.ip + " によるアップロード（攻撃元ではない）"};
        }
    // Data (not code, no finding) that was there before any attack began.
    if (f.assessment == "unknown" && f.change == "added" && a.level <= Level::informational &&
        findings_for(in.file_findings, e.path).empty() && f.mtime != kNoTime &&
        attacks_began != kNoTime && f.mtime < attacks_began) {
      f.assessment = "benign";
      f.note = {"Not code, no finding, written before the first attack",
                "コードではなく検知もなく、最初の攻撃より前に書き込まれている"};
    }
    inv.changed_files.push_back(std::move(f));
  }
}

// Which flagged files each attacker requested or uploaded.
void link_attackers(const CorrelationInput& in, Investigation& inv) {
  for (size_t i = 0; i < in.watched_paths.size(); ++i) {
    const WatchedActivity& act = in.hunt->watched[i];
    if (act.has_upload)
      if (Attacker* a = attacker_of(inv, act.upload.ip))
        add_unique(a->files_touched, in.watched_paths[i]);
    for (const Request& r : act.requests)
      if (Attacker* a = attacker_of(inv, r.ip)) add_unique(a->files_touched, in.watched_paths[i]);
  }
}

}  // namespace

void build_files(const CorrelationInput& in, Investigation& inv) {
  build_webshells(in, inv);
  build_changed_files(in, inv);
  link_attackers(in, inv);
}

}  // namespace shodo::investigate

#include "investigate/file_analysis.h"

#include <set>

#include "investigate/changes.h"
#include "triage/triage.h"

namespace shodo::investigate {
namespace {

constexpr size_t kContentHead = 64 * 1024;

std::string head_of(const fsview::View& view, const std::string& path) {
  fsview::FileInfo f;
  std::string error;
  if (!view.stat(path, f, error) || f.type != fsview::FileType::regular) return "";
  auto r = view.open(f, error);
  if (!r) return "";
  std::string out(kContentHead, '\0');
  size_t got = 0;
  while (got < out.size()) {
    size_t n = r->read(out.data() + got, out.size() - got);
    if (n == 0) break;
    got += n;
  }
  out.resize(got);
  return out;
}

void add_problems(const std::string& origin, const std::vector<fsview::Problem>& in,
                  std::vector<std::string>& out) {
  for (const fsview::Problem& p : in) out.push_back(origin + ":" + p.path + ": " + p.reason);
}

fsview::TimeNs written_at(const fsview::FileInfo& f) {
  return f.btime != fsview::kNoTime ? f.btime : f.mtime;
}

}  // namespace

FileAnalysis analyse_files(const Sources& sources, const FileOptions& o) {
  FileAnalysis out;
  std::unique_ptr<fsview::View> known_good;
  if (!o.known_good.empty()) {
    std::string error;
    known_good = fsview::open_directory(o.known_good, error);
    if (!known_good)
      out.problems.push_back(o.known_good + ": known-good release not readable: " + error);
    out.baseline_given = known_good != nullptr;
  }
  // The release as a manifest: files in it show as changed or removed, others as added.
  std::vector<files::ManifestEntry> release;
  if (known_good) {
    std::vector<fsview::Problem> problems;
    release = files::make_baseline(*known_good, "/", problems);
    add_problems(o.known_good, problems, out.problems);
  }
  for (const WebrootRef& w : sources.webroots) {
    files::ScanOptions so;
    so.webroots = {w.dir};
    so.docroots = {{w.dir, "/"}};
    so.yara_dirs = o.yara_dirs;
    so.threads = o.threads;
    files::ScanResult r = files::scan(*w.view, so);
    out.files_examined += r.files_examined;
    add_problems(w.origin, r.problems, out.problems);
    for (detect::FileFinding& f : r.findings)
      out.findings.push_back({std::move(f), w.origin, "scan"});
    if (!known_good) continue;
    files::DiffOptions d;
    d.root = w.dir;
    d.known_good = known_good.get();
    files::DiffResult diff = files::diff(release, *w.view, d);
    add_problems(w.origin, diff.problems, out.problems);
    for (files::Change& c : diff.changes) {
      const std::string prefix = w.dir == "/" ? "" : w.dir;
      if (!c.after.path.empty()) c.after.path = prefix + c.after.path;
      if (!c.before.path.empty()) c.before.path = prefix + c.before.path;
      ChangeIn in{std::move(c), w.origin, w.dir, ""};
      if (!in.change.after.path.empty()) in.content = head_of(*w.view, in.change.after.path);
      out.changes.push_back(std::move(in));
    }
  }
  for (const fsview::View* v : sources.systems) {
    triage::TriageOptions to;
    to.rules = o.rules;
    triage::TriageResult r = triage::run_triage(*v, to);
    out.files_examined += r.files_examined;
    add_problems(v->description(), r.problems, out.problems);
    for (detect::FileFinding& f : r.findings)
      out.findings.push_back({std::move(f), v->description(), "triage"});
  }
  return out;
}

void watch_list(const Sources& sources, const std::vector<FileFindingIn>& findings,
                const std::vector<ChangeIn>& changes, std::vector<WatchedUrl>& urls,
                std::vector<std::string>& paths) {
  std::set<std::string> seen;
  auto add = [&](const std::string& path, const std::string& url, const fsview::FileInfo& f) {
    if (url.empty() || !seen.insert(path).second) return;
    urls.push_back({url, us_of(written_at(f)), us_of(f.mtime)});
    paths.push_back(path);
  };
  for (const FileFindingIn& f : findings)
    if (f.kind == "scan" && f.finding.level >= detect::Level::medium)
      add(f.finding.file.path, f.finding.url_path, f.finding.file);
  for (const ChangeIn& c : changes) {
    if (c.change.kind == files::Change::Kind::removed) continue;
    for (const WebrootRef& w : sources.webroots) {
      if (w.dir != c.docroot) continue;
      fsview::FileInfo info;
      std::string error;
      if (!w.view->stat(c.change.after.path, info, error)) continue;
      add(c.change.after.path, url_under(w.dir, c.change.after.path), info);
      break;
    }
  }
}

}  // namespace shodo::investigate

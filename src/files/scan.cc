// The scan pipeline: walk once (metadata only), then worker threads pull
// files by index; each file is read once into a bounded buffer, hashed, run
// through YARA and the heuristics. Results land in per-file slots, so the
// output is the same for any thread count.
#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "detect/detect.h"
#include "files/content.h"
#include "files/files.h"
#include "files/heuristics/heuristics.h"
#include "files/language.h"
#include "files/scoring.h"
#include "files/yara_rules.h"
#include "fsview/accounts.h"

namespace shodo::files {
namespace {

std::string parent_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::map<std::string, FolderStats> folder_stats(const std::vector<fsview::FileInfo>& files) {
  std::map<std::string, std::vector<const fsview::FileInfo*>> by_folder;
  for (const auto& f : files)
    if (f.type == fsview::FileType::regular) by_folder[parent_of(f.path)].push_back(&f);
  std::map<std::string, FolderStats> out;
  for (auto& [dir, list] : by_folder) {
    FolderStats s;
    s.files = list.size();
    for (const auto* f : list) s.scripts += is_script_extension(lower(f->name()));
    std::vector<fsview::TimeNs> mtimes, btimes;
    size_t whole = 0;
    for (const auto* f : list) {
      if (f->mtime != fsview::kNoTime) {
        mtimes.push_back(f->mtime);
        whole += f->mtime % 1000000000 == 0;
      }
      if (f->btime != fsview::kNoTime) btimes.push_back(f->btime);
    }
    if (!mtimes.empty()) {
      std::nth_element(mtimes.begin(), mtimes.begin() + mtimes.size() / 2, mtimes.end());
      s.median_mtime = mtimes[mtimes.size() / 2];
      s.share_whole_second_mtime = static_cast<double>(whole) / static_cast<double>(mtimes.size());
    }
    std::sort(btimes.rbegin(), btimes.rend());
    if (!btimes.empty()) s.max_btime = btimes[0];
    if (btimes.size() > 1) s.second_btime = btimes[1];
    out.emplace(dir, s);
  }
  return out;
}

std::string url_for(const std::string& path, const std::vector<DocRoot>& docroots) {
  const DocRoot* best = nullptr;
  for (const DocRoot& d : docroots) {
    std::string dir =
        d.dir.size() > 1 && d.dir.back() == '/' ? d.dir.substr(0, d.dir.size() - 1) : d.dir;
    bool inside = dir == "/" || path == dir || path.starts_with(dir + "/");
    if (inside && (!best || d.dir.size() > best->dir.size())) best = &d;
  }
  if (!best) return "";
  std::string dir = best->dir == "/" ? "" : best->dir;
  if (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::string prefix = best->url_prefix;
  if (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return prefix + path.substr(dir.size());
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct Slot {
  std::vector<detect::FileFinding> findings;
  std::vector<fsview::Problem> problems;
};

class Scanner {
 public:
  Scanner(const fsview::View& view, const ScanOptions& o, const YaraRules& rules,
          const std::vector<fsview::FileInfo>& files)
      : view_(view),
        o_(o),
        rules_(rules),
        files_(files),
        stats_(folder_stats(files)),
        users_(view),
        slots_(files.size()) {}

  std::vector<Slot> run(unsigned threads, std::atomic<uint64_t>& bytes) {
    std::atomic<size_t> next{0};
    auto work = [&] {
      auto yara = rules_.scanner();
      for (size_t i; (i = next.fetch_add(1)) < files_.size();) examine(i, yara.get(), bytes);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return std::move(slots_);
  }

 private:
  void examine(size_t i, YaraScanner* yara, std::atomic<uint64_t>& bytes) {
    const fsview::FileInfo& f = files_[i];
    Slot& slot = slots_[i];
    Content content;
    if (f.type == fsview::FileType::regular) {
      content = read_content(view_, f, o_.max_scan_bytes);
      if (!content.error.empty()) {
        slot.problems.push_back({f.path, "cannot read: " + content.error});
      } else if (content.truncated) {
        slot.problems.push_back(
            {f.path, "larger than " + std::to_string(o_.max_scan_bytes >> 20) +
                         " MiB: only the start was scanned (the hash covers the whole file)"});
      }
      bytes += content.data.size();
    }
    const bool readable = f.type == fsview::FileType::regular && content.error.empty();
    const std::string name(f.name());
    auto it = stats_.find(parent_of(f.path));
    FileContext c(f, content.data);
    c.lang = detect_language(name, content.data);
    c.binary = looks_binary(content.data);
    c.has_content = readable;
    c.folder = it == stats_.end() ? nullptr : &it->second;
    c.since = o_.since;
    c.until = o_.until;

    detect::FileFinding base;
    base.source = view_.description();
    base.file = f;
    base.owner = users_.name(f.uid);
    base.url_path = url_for(f.path, o_.docroots);

    if (readable && yara) {
      YaraExternals ext{name, f.path, "", upper(language_name(c.lang)), base.owner};
      std::string e = extension_of(name);
      if (!e.empty()) ext.extension = "." + e;
      std::vector<YaraMatch> matches;
      std::string error;
      if (!yara->scan(content.data, ext, matches, error)) slot.problems.push_back({f.path, error});
      for (const YaraMatch& m : matches) {
        detect::FileFinding finding = base;
        finding_from_yara(m, content.data, finding);
        slot.findings.push_back(std::move(finding));
      }
    }
    detect::FileFinding finding = base;
    if (finding_from_signals(run_heuristics(c), content.data, finding))
      slot.findings.push_back(std::move(finding));
    // Hashed only when reported: most files have no finding at the level asked.
    if (std::any_of(slot.findings.begin(), slot.findings.end(),
                    [&](const detect::FileFinding& x) { return x.level >= o_.min_level; })) {
      const std::string sha256 = content.sha256();
      for (detect::FileFinding& x : slot.findings) x.sha256 = sha256;
    }
  }

  const fsview::View& view_;
  const ScanOptions& o_;
  const YaraRules& rules_;
  const std::vector<fsview::FileInfo>& files_;
  const std::map<std::string, FolderStats> stats_;
  const fsview::UserNames users_;
  std::vector<Slot> slots_;
};

}  // namespace

std::string shipped_yara_dir() {
  return detect::shipped_rules_dir() + "/yara";
}

ScanResult scan(const fsview::View& view, const ScanOptions& options) {
  ScanResult result;
  std::vector<std::string> sources = options.yara_dirs;
  if (options.shipped_rules) sources.insert(sources.begin(), shipped_yara_dir());
  const YaraRules rules(sources, result.problems);

  std::vector<fsview::FileInfo> files;
  std::set<std::string> seen;
  std::vector<std::string> roots = options.webroots;
  if (roots.empty()) roots.push_back("/");
  for (const std::string& root : roots) {
    view.walk(
        root, {},
        [&](const fsview::FileInfo& f) {
          if ((f.type == fsview::FileType::regular || f.type == fsview::FileType::symlink) &&
              seen.insert(f.path).second)
            files.push_back(f);
          return fsview::Visit::descend;
        },
        [&](const fsview::Problem& p) { result.problems.push_back(p); });
  }

  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1, 256);
  std::atomic<uint64_t> bytes{0};
  std::vector<Slot> slots = Scanner(view, options, rules, files).run(threads, bytes);
  for (Slot& s : slots) {
    for (auto& f : s.findings)
      if (f.level >= options.min_level) result.findings.push_back(std::move(f));
    for (auto& p : s.problems) result.problems.push_back(std::move(p));
  }
  result.files_examined = files.size();
  result.bytes_scanned = bytes;
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const detect::FileFinding& a, const detect::FileFinding& b) {
                     if (a.level != b.level) return a.level > b.level;
                     if (a.score != b.score) return a.score > b.score;
                     if (a.file.path != b.file.path) return a.file.path < b.file.path;
                     return a.rule_id < b.rule_id;
                   });
  return result;
}

}  // namespace shodo::files

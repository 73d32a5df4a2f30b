// The scan pipeline: one walk (metadata only) feeds worker threads with the
// files of each folder once it is walked (file_feed.h); each file is read once
// into a bounded buffer, run through YARA and the heuristics, and hashed when
// it has a finding. Results land in per-file slots, so the output is the same
// for any thread count.
#include <algorithm>
#include <atomic>
#include <thread>

#include "detect/detect.h"
#include "files/content.h"
#include "files/file_feed.h"
#include "files/files.h"
#include "files/heuristics/heuristics.h"
#include "files/language.h"
#include "files/scoring.h"
#include "files/yara_rules.h"
#include "fsview/accounts.h"

namespace shodo::files {
namespace {

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
  Scanner(const fsview::View& view, const ScanOptions& o, const YaraRules& rules)
      : view_(view), o_(o), rules_(rules), users_(view) {}

  // This thread walks the roots while `threads - 1` others scan what it has
  // found, then it scans too. Slots come back in walk order, so the output is
  // the same for any thread count.
  std::vector<Slot> run(const std::vector<std::string>& roots, unsigned threads,
                        std::vector<fsview::Problem>& walk_problems, std::atomic<uint64_t>& bytes) {
    FileFeed feed;
    std::vector<std::vector<std::pair<size_t, Slot>>> done(threads);
    auto work = [&](unsigned t) {
      auto yara = rules_.scanner();
      while (auto item = feed.next())
        done[t].emplace_back(item->index, examine(*item, yara.get(), bytes));
    };
    {
      std::vector<std::thread> pool;
      // However the walk ends, the workers are told, and all of them are
      // done before the results are read.
      struct Join {
        FileFeed& feed;
        std::vector<std::thread>& pool;
        ~Join() {
          feed.close();
          for (auto& t : pool) t.join();
        }
      } join{feed, pool};
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
      for (const std::string& root : roots) {
        view_.walk(
            root, {},
            [&](const fsview::FileInfo& f) {
              feed.visit(f);
              return fsview::Visit::descend;
            },
            [&](const fsview::Problem& p) { walk_problems.push_back(p); });
        feed.end_root();
      }
      feed.close();
      work(0);
    }
    std::vector<Slot> slots(feed.files());
    for (auto& list : done)
      for (auto& [i, slot] : list) slots[i] = std::move(slot);
    return slots;
  }

 private:
  Slot examine(const FileFeed::Item& item, YaraScanner* yara, std::atomic<uint64_t>& bytes) {
    const fsview::FileInfo& f = *item.file;
    Slot slot;
    Content content;
    if (f.type == fsview::FileType::regular) {
      content = read_content(view_, f, o_.max_scan_bytes, WholeFileHash::on_demand);
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
    FileContext c(f, content.data);
    c.lang = detect_language(name, content.data);
    c.binary = looks_binary(content.data);
    c.has_content = readable;
    c.folder = item.folder;
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
    return slot;
  }

  const fsview::View& view_;
  const ScanOptions& o_;
  const YaraRules& rules_;
  const fsview::UserNames users_;
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

  std::vector<std::string> roots = options.webroots;
  if (roots.empty()) roots.push_back("/");
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1, 256);
  std::atomic<uint64_t> bytes{0};
  std::vector<Slot> slots =
      Scanner(view, options, rules).run(roots, threads, result.problems, bytes);
  for (Slot& s : slots) {
    for (auto& f : s.findings)
      if (f.level >= options.min_level) result.findings.push_back(std::move(f));
    for (auto& p : s.problems) result.problems.push_back(std::move(p));
  }
  result.files_examined = slots.size();
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

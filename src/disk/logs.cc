// Where a web server's logs are inside an image, for `shodo hunt IMAGE`:
// found through the file-system view and read straight from libtsk by
// ingest (no temporary copies).
#include <fmt/format.h>

#include <set>
#include <utility>

#include "disk/disk.h"
#include "disk/entry_format.h"

namespace shodo::disk {
namespace {

using fsview::FileInfo;
using fsview::View;
using fsview::Visit;

// Folders read whole (rotated and compressed files included).
constexpr const char* kLogFolders[] = {
    "/var/log/apache2",       "/var/log/httpd",  "/var/log/nginx",
    "/inetpub/logs/LogFiles", "/var/log/apache", "/usr/local/apache2/logs",
};
// Files of /var/log by the start of their name (auth.log.1, secure-20240301...).
constexpr const char* kVarLogPrefixes[] = {"auth.log", "secure",   "mail.log",
                                           "maillog",  "mail.err", "mail.warn"};

class Finder {
 public:
  Finder(const fsview::Source& source, ingest::InputSet& set) : source_(source), set_(set) {}

  // Every regular file at or below `root` (nothing when it is missing).
  void add_tree(const View& view, const std::string& root, bool report_missing) {
    FileInfo top;
    std::string error;
    if (!view.stat(root, top, error)) {
      if (report_missing) set_.problems.push_back({name(view, root), "not found: " + error});
      return;
    }
    view.walk(
        root, {},
        [&](const FileInfo& f) {
          if (f.type == fsview::FileType::regular) add(view, f);
          return Visit::descend;
        },
        [&](const fsview::Problem& p) {
          set_.problems.push_back({name(view, p.path), p.reason});
        });
  }

  // Regular files directly in `folder` for which `keep` says yes.
  template <class Keep>
  void add_children(const View& view, const std::string& folder, Keep keep) {
    FileInfo top;
    std::string error;
    if (!view.stat(folder, top, error) || top.type != fsview::FileType::directory) return;
    view.walk(
        folder, {},
        [&](const FileInfo& f) {
          if (f.path == top.path) return Visit::descend;
          if (f.type == fsview::FileType::regular && keep(f)) add(view, f);
          return Visit::skip;
        },
        [&](const fsview::Problem& p) {
          set_.problems.push_back({name(view, p.path), p.reason});
        });
  }

  void add_histories(const View& view, const std::string& home) {
    auto history = [](const FileInfo& f) { return f.name().ends_with("history"); };
    add_children(view, home, history);
    add_children(view, home + "/.local/share/fish", history);
  }

 private:
  std::string name(const View& view, const std::string& path) const {
    return source_.path + ":" + tagged_path(view, path);
  }

  void add(const View& view, const FileInfo& f) {
    if (!seen_.emplace(&view, f.path).second) return;
    ingest::InputFile in;
    in.path = name(view, f.path);
    in.size = f.size;
    in.mtime_s = f.mtime == fsview::kNoTime ? 0 : f.mtime / 1000000000;
    in.open = [&view, f](std::string& error) { return view.open(f, error); };
    set_.files.push_back(std::move(in));
  }

  const fsview::Source& source_;
  ingest::InputSet& set_;
  std::set<std::pair<const View*, std::string>> seen_;
};

}  // namespace

ingest::InputSet find_logs(const fsview::Source& source, const std::vector<std::string>& extra) {
  ingest::InputSet set;
  for (const fsview::Problem& p : source.problems) set.problems.push_back({p.path, p.reason});
  Finder finder(source, set);
  for (const auto& view : source.views) {
    for (const char* folder : kLogFolders) finder.add_tree(*view, folder, false);
    finder.add_children(*view, "/var/log", [](const FileInfo& f) {
      for (const char* prefix : kVarLogPrefixes)
        if (f.name().starts_with(prefix)) return true;
      return false;
    });
    finder.add_histories(*view, "/root");
    view->walk(
        "/home", {},
        [&](const FileInfo& f) {
          if (f.path == "/home") return Visit::descend;
          if (f.type == fsview::FileType::directory) finder.add_histories(*view, f.path);
          return Visit::skip;
        },
        [](const fsview::Problem&) {});  // no /home is normal
    for (const std::string& path : extra) finder.add_tree(*view, path, source.views.size() == 1);
  }
  if (set.files.empty() && !source.views.empty())
    set.problems.push_back(
        {source.path,
         "no logs in the usual places (/var/log/{apache2,httpd,nginx}, auth, secure and mail "
         "logs, shell histories, inetpub/logs/LogFiles); name others with --log-path"});
  ingest::sort_rotated(set.files);
  return set;
}

ingest::InputSet hunt_inputs(const std::vector<std::string>& args,
                             const std::vector<std::string>& log_paths,
                             std::vector<fsview::Source>& images) {
  std::vector<std::string> logs;
  ingest::InputSet set;
  for (const std::string& arg : args) {
    if (!fsview::looks_like_disk_image(arg)) {
      logs.push_back(arg);
      continue;
    }
    fsview::Source source = fsview::open_source(arg);
    // A log whose bytes happen to look like a boot sector: libtsk found
    // neither partitions nor a file system, so it is read as a log.
    if (source.views.empty() && source.image.volume_system.empty() &&
        source.image.format == "raw") {
      logs.push_back(arg);
      continue;
    }
    ingest::InputSet found = find_logs(source, log_paths);
    for (auto& f : found.files) set.files.push_back(std::move(f));
    for (auto& p : found.problems) set.problems.push_back(std::move(p));
    images.push_back(std::move(source));
  }
  if (!logs.empty()) {
    ingest::InputSet plain = ingest::expand_inputs(logs);
    for (auto& f : plain.files) set.files.push_back(std::move(f));
    for (auto& p : plain.problems) set.problems.push_back(std::move(p));
  }
  return set;
}

}  // namespace shodo::disk

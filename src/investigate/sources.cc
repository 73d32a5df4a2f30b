#include "investigate/sources.h"

#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "disk/disk.h"

namespace shodo::investigate {
namespace {

using fsview::FileInfo;
using fsview::FileType;
using fsview::View;
using fsview::Visit;

// A folder holding one of these is a document root.
constexpr const char* kIndexFiles[] = {"index.php",    "index.html", "index.htm", "wp-config.php",
                                       "default.aspx", "index.jsp",  "index.cgi"};
// Where system trees keep their sites.
constexpr const char* kSiteParents[] = {"/var/www",
                                        "/srv",
                                        "/home",
                                        "/usr/share/nginx",
                                        "/opt",
                                        "/usr/local/apache2",
                                        "/var/lib/tomcat9/webapps"};
// Folders never searched for sites or archives (packaged code, not the customer's).
constexpr const char* kSkipped[] = {"/proc",    "/sys",         "/dev",          "/usr/share/doc",
                                    "/usr/lib", "/usr/include", "/var/lib/dpkg", "/var/cache"};

bool exists(const View& v, const std::string& path, FileType type) {
  FileInfo f;
  std::string error;
  return v.stat(path, f, error) && f.type == type;
}

bool has_index(const View& v, const std::string& dir) {
  for (const char* name : kIndexFiles)
    if (exists(v, (dir == "/" ? "" : dir) + "/" + name, FileType::regular)) return true;
  return false;
}

bool skipped(const std::string& path) {
  for (const char* s : kSkipped)
    if (path == s) return true;
  return false;
}

// The shallowest folders under `root` with an index file (a site inside a site
// is part of it), at most `depth` levels down.
void find_docroots(const View& v, const std::string& root, unsigned depth,
                   std::vector<std::string>& out) {
  fsview::WalkOptions options;
  options.max_depth = depth;
  v.walk(
      root, options,
      [&](const FileInfo& f) {
        if (f.type != FileType::directory || skipped(f.path)) return Visit::skip;
        if (has_index(v, f.path)) {
          out.push_back(f.path);
          return Visit::skip;
        }
        return Visit::descend;
      },
      [](const fsview::Problem&) {});  // deeper folders: not sites we look for
}

bool is_system_tree(const View& v) {
  return exists(v, "/etc/passwd", FileType::regular) || exists(v, "/var/log", FileType::directory);
}

class Finder {
 public:
  Finder(Sources& s, const util::ExpansionLimit& limit) : s_(s), limit_(limit) {}

  void add_argument(const std::string& arg, const std::vector<std::string>& webroots) {
    struct stat st {};
    if (::stat(arg.c_str(), &st) != 0) {
      s_.roles.push_back("missing");
      s_.problems.push_back({arg, "not found"});
      return;
    }
    roles_.clear();
    if (S_ISDIR(st.st_mode)) {
      fsview::Source source = fsview::open_source(arg);
      add_tree(std::move(source), webroots, true);
    } else if (fsview::looks_like_archive_name(arg)) {
      add_archive(arg, webroots);
    } else if (fsview::looks_like_disk_image(arg)) {
      fsview::Source source = fsview::open_source(arg);
      if (source.views.empty() && source.image.volume_system.empty() &&
          source.image.format == "raw")
        add_log_files({arg});
      else
        add_tree(std::move(source), webroots, false);
    } else {
      add_log_files({arg});
    }
    std::string joined;
    for (const std::string& r : roles_) joined += (joined.empty() ? "" : "+") + r;
    s_.roles.push_back(joined.empty() ? "other" : joined);
  }

 private:
  void role(const std::string& r) {
    if (std::find(roles_.begin(), roles_.end(), r) == roles_.end()) roles_.push_back(r);
  }

  void add_log_files(const std::vector<std::string>& paths) {
    ingest::InputSet set = ingest::expand_inputs(paths);
    for (auto& f : set.files) s_.logs.files.push_back(std::move(f));
    for (auto& p : set.problems) s_.problems.push_back({p.path, p.reason});
    if (!set.files.empty()) role("logs");
  }

  void add_archive(const std::string& host_path, const std::vector<std::string>& webroots) {
    fsview::Source source;
    source.path = host_path;
    std::string error;
    auto view = fsview::open_archive(host_path, source.problems, error, limit_);
    if (!view) {
      // A compressed single log (access.log.tar.gz is rare; x.gz is not an archive).
      s_.problems.push_back({host_path, error});
      return;
    }
    source.views.push_back(std::move(view));
    role("archive");
    add_tree(std::move(source), webroots, false);
  }

  // A folder, an archive or an image: logs, webroots, system tree, nested archives.
  void add_tree(fsview::Source source, const std::vector<std::string>& webroots, bool host_folder) {
    for (auto& p : source.problems) s_.problems.push_back(p);
    source.problems.clear();
    if (source.is_image) role("disk-image");
    bool system = false;
    for (const auto& v : source.views) system = system || is_system_tree(*v);

    std::vector<std::string> docroots;
    for (const auto& v : source.views) {
      std::vector<std::string> found;
      for (const std::string& w : webroots) {
        std::string path = w;
        if (host_folder && path.starts_with(source.path + "/"))
          path = path.substr(source.path.size());
        if (exists(*v, path, FileType::directory)) found.push_back(path);
      }
      if (found.empty() && has_index(*v, "/")) found.push_back("/");
      if (found.empty())
        for (const char* parent : kSiteParents) find_docroots(*v, parent, 4, found);
      for (const std::string& dir : found) s_.webroots.push_back({v.get(), dir, source.path});
      if (!found.empty()) role("webroot");
      docroots.insert(docroots.end(), found.begin(), found.end());
      if (system) {
        s_.systems.push_back(v.get());
        role("system");
      }
    }

    if (system || source.is_image) {
      ingest::InputSet logs = disk::find_logs(source, {});
      if (!logs.files.empty()) role("logs");
      for (auto& f : logs.files)
        s_.logs.files.push_back(host_folder ? host_file(source, std::move(f)) : std::move(f));
      for (auto& p : logs.problems) s_.problems.push_back({p.path, p.reason});
    } else if (host_folder && docroots.empty()) {
      add_log_files({source.path});  // a folder of logs
    }

    std::vector<std::string> nested;
    if (host_folder && !source.views.empty())
      find_archives(*source.views.front(), docroots, nested);
    s_.opened.push_back(std::move(source));
    if (s_.opened.back().is_image) s_.images.push_back(&s_.opened.back());
    for (const std::string& path : nested) add_archive(s_.opened.back().path + path, webroots);
  }

  // Logs of a host folder are read as host files (ingest opens and decompresses them).
  static ingest::InputFile host_file(const fsview::Source& source, ingest::InputFile f) {
    const std::string prefix = source.path + ":";
    if (f.path.starts_with(prefix)) {
      f.path = source.path + f.path.substr(prefix.size());
      f.open = nullptr;
    }
    return f;
  }

  // Archives lying in a collected folder (outside the sites), by name.
  static void find_archives(const View& v, const std::vector<std::string>& docroots,
                            std::vector<std::string>& out) {
    fsview::WalkOptions options;
    options.max_depth = 6;
    v.walk(
        "/", options,
        [&](const FileInfo& f) {
          if (f.type == FileType::directory)
            return skipped(f.path) || std::count(docroots.begin(), docroots.end(), f.path)
                       ? Visit::skip
                       : Visit::descend;
          if (f.type == FileType::regular && fsview::looks_like_archive_name(f.path) &&
              f.path.find("/log/") == std::string::npos)
            out.push_back(f.path);
          return Visit::skip;
        },
        [](const fsview::Problem&) {});
  }

  Sources& s_;
  const util::ExpansionLimit& limit_;
  std::vector<std::string> roles_;
};

}  // namespace

Sources find_sources(const std::vector<std::string>& evidence,
                     const std::vector<std::string>& webroots,
                     const util::ExpansionLimit& archive_limit) {
  Sources s;
  Finder finder(s, archive_limit);
  for (const std::string& arg : evidence) finder.add_argument(arg, webroots);
  ingest::sort_rotated(s.logs.files);
  return s;
}

std::string view_citation(const std::string& origin, const std::string& path) {
  return origin + ":" + path;
}

}  // namespace shodo::investigate

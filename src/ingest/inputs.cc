// Turning command-line arguments into the ordered list of files to read.
#include <dirent.h>
#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

#include "ingest/ingest.h"

namespace shodo::ingest {
namespace fs = std::filesystem;
namespace {

bool has_glob_chars(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

bool stat_regular(const std::string& path, InputFile& out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  out.path = path;
  out.size = static_cast<uint64_t>(st.st_size);
  out.mtime_s = st.st_mtim.tv_sec;
  return true;
}

// The entries of one folder (not "." and ".."). Opened O_NOATIME where
// allowed: listing evidence must not update its access time, which a
// directory_iterator (plain opendir) does. False and the reason on failure.
bool list_folder(const fs::path& dir, std::vector<fs::path>& entries, std::string& error) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* d = fd < 0 ? nullptr : fdopendir(fd);
  if (!d) {
    error = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return false;
  }
  errno = 0;
  while (const dirent* e = readdir(d)) {
    const std::string_view name = e->d_name;
    if (name != "." && name != "..") entries.push_back(dir / name);
    errno = 0;
  }
  const int listing_error = errno;
  closedir(d);
  if (listing_error != 0) error = std::strerror(listing_error);
  return true;
}

// Walks a folder tree one folder at a time, so that a folder that cannot be
// read is reported and the walk goes on (a recursive iterator would stop).
void add_directory(const std::string& root, InputSet& set) {
  constexpr size_t kMaxDepth = 128;  // deeper trees are reported, not walked
  std::vector<std::pair<fs::path, size_t>> pending = {{root, 0}};
  std::vector<InputFile> found;
  while (!pending.empty()) {
    const auto [dir, depth] = pending.back();
    pending.pop_back();
    std::vector<fs::path> entries;
    std::string error;
    if (!list_folder(dir, entries, error)) {
      set.problems.push_back({dir.string(), "cannot read folder: " + error});
      continue;
    }
    for (const fs::path& entry : entries) {
      std::error_code sec;
      const auto st = fs::symlink_status(entry, sec);
      const std::string path = entry.string();
      if (sec) {
        set.problems.push_back({path, sec.message()});
      } else if (fs::is_symlink(st)) {
        // Links in evidence may point anywhere (outside the tree, into a
        // loop): say so rather than follow or drop them.
        set.problems.push_back({path, "symbolic link, not followed (name its target to read it)"});
      } else if (fs::is_directory(st)) {
        if (depth + 1 < kMaxDepth) {
          pending.emplace_back(entry, depth + 1);
        } else {
          set.problems.push_back({path, "folder nested too deep: not walked"});
        }
      } else if (fs::is_regular_file(st)) {
        InputFile f;
        if (stat_regular(path, f)) found.push_back(std::move(f));
      }
    }
    if (!error.empty()) set.problems.push_back({dir.string(), "folder listing stopped: " + error});
  }
  if (found.empty()) set.problems.push_back({root, "folder holds no regular files"});
  for (auto& f : found) set.files.push_back(std::move(f));
}

// The parts of a rotated file's name: the live file it rotates from and its
// age. access.log.2.gz -> ("access.log", numbered 2); access.log-20240101.gz
// -> ("access.log", dated 20240101); access.log -> ("access.log", live).
struct RotationKey {
  std::string dir, base;
  int group;      // 0 dated, 1 numbered, 2 live: older groups first
  int64_t order;  // within a group: dated ascending, numbered descending
  std::string path;
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

RotationKey rotation_key(const std::string& path) {
  RotationKey k;
  k.path = path;
  const fs::path p(path);
  k.dir = p.parent_path().string();
  std::string name = p.filename().string();
  for (std::string_view ext : {".gz", ".bz2", ".zst", ".xz", ".z", ".Z"}) {
    if (name.size() > ext.size() && name.ends_with(ext)) {
      name.resize(name.size() - ext.size());
      break;
    }
  }
  k.group = 2;
  k.order = 0;
  // Dated: NAME-YYYYMMDD, NAME-YYYYMMDDHH, NAME.YYYY-MM-DD, NAME.YYYY.MM.DD,
  // NAME_YYYYMMDD-HHMMSS... (8 to 14 digits in the trailing run). Tried
  // first: NAME.2024.01.02 is a date, not rotation number 02.
  size_t i = name.size();
  auto date_char = [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  };
  while (i > 0 && date_char(name[i - 1])) --i;
  std::string digits;
  for (size_t j = i; j < name.size(); ++j)
    if (name[j] >= '0' && name[j] <= '9') digits += name[j];
  if (i > 0 && digits.size() >= 8 && digits.size() <= 14) {
    k.group = 0;
    k.order = std::stoll(digits);
    name.resize(i);
  } else if (auto dot = name.rfind('.'); dot != std::string::npos && dot > 0 &&
                                         all_digits(std::string_view(name).substr(dot + 1)) &&
                                         name.size() - dot - 1 <= 4) {
    // Numbered: NAME.N
    k.group = 1;
    k.order = -std::stoll(name.substr(dot + 1));
    name.resize(dot);
  }
  k.base = name;
  return k;
}

}  // namespace

void sort_rotated(std::vector<InputFile>& files) {
  std::vector<std::pair<RotationKey, InputFile>> keyed;
  keyed.reserve(files.size());
  for (auto& f : files) keyed.emplace_back(rotation_key(f.path), std::move(f));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    const RotationKey& x = a.first;
    const RotationKey& y = b.first;
    if (x.dir != y.dir) return x.dir < y.dir;
    if (x.base != y.base) return x.base < y.base;
    if (x.group != y.group) return x.group < y.group;
    if (x.order != y.order) return x.order < y.order;
    return x.path < y.path;
  });
  files.clear();
  for (auto& [k, f] : keyed) files.push_back(std::move(f));
}

InputSet expand_inputs(const std::vector<std::string>& args) {
  InputSet set;
  for (const std::string& arg : args) {
    struct stat st {};
    if (::stat(arg.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        add_directory(arg, set);
      } else if (S_ISREG(st.st_mode)) {
        InputFile f;
        stat_regular(arg, f);
        set.files.push_back(std::move(f));
      } else {
        set.problems.push_back({arg, "not a regular file or folder (device, FIFO or socket)"});
      }
      continue;
    }
    if (has_glob_chars(arg)) {
      glob_t g{};
      const int rc = ::glob(arg.c_str(), GLOB_NOSORT, nullptr, &g);
      if (rc == 0) {
        for (size_t i = 0; i < g.gl_pathc; ++i) {
          InputFile f;
          std::error_code ec;
          if (stat_regular(g.gl_pathv[i], f)) {
            set.files.push_back(std::move(f));
          } else if (fs::is_directory(g.gl_pathv[i], ec)) {
            add_directory(g.gl_pathv[i], set);
          }
        }
      } else {
        set.problems.push_back({arg, "no file matches this pattern"});
      }
      globfree(&g);
      continue;
    }
    set.problems.push_back({arg, "no such file or folder"});
  }
  // The same file named twice (a folder and a file in it) is read once.
  std::set<std::string> seen;
  std::vector<InputFile> unique;
  for (auto& f : set.files) {
    std::error_code ec;
    auto canon = fs::weakly_canonical(f.path, ec).string();
    if (seen.insert(ec ? f.path : canon).second) unique.push_back(std::move(f));
  }
  set.files = std::move(unique);
  sort_rotated(set.files);
  return set;
}

}  // namespace shodo::ingest

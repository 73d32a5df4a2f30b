#include "safety/support/tree_snapshot.h"

#include <dirent.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace shodo::testing {
namespace {

namespace fs = std::filesystem;

int64_t ns(const timespec& t) {
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

std::string sha256_of(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOATIME | O_CLOEXEC);
  if (fd < 0) return "unreadable";
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  char buf[1 << 16];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0)
    EVP_DigestUpdate(ctx.get(), buf, static_cast<size_t>(n));
  ::close(fd);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned i = 0; i < len; ++i) {
    hex += kHex[md[i] >> 4];
    hex += kHex[md[i] & 15];
  }
  return n < 0 ? "read error" : hex;
}

// Every entry below `dir` (not following symlinks), folders listed through
// O_NOATIME descriptors: a plain opendir() would itself update their access
// times.
template <typename F>
void walk_below(const fs::path& dir, F&& f) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC);
  if (fd < 0) return;
  DIR* d = fdopendir(fd);
  if (!d) {
    ::close(fd);
    return;
  }
  std::vector<fs::path> folders;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    f(dir / name);
    struct stat st {};
    if (e->d_type == DT_DIR ||
        (e->d_type == DT_UNKNOWN && lstat((dir / name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)))
      folders.push_back(dir / name);
  }
  closedir(d);
  for (const fs::path& sub : folders) walk_below(sub, f);
}

template <typename F>
void for_each_entry(const std::string& root, F&& f) {
  f(fs::path(root));
  walk_below(fs::path(root), f);
}

}  // namespace

std::map<std::string, EntryState> snapshot_tree(const std::string& root) {
  std::map<std::string, EntryState> out;
  // Times first: hashing must not be what changed them (it cannot, with
  // O_NOATIME, but the order makes that no assumption).
  for_each_entry(root, [&](const fs::path& p) {
    struct stat st {};
    if (lstat(p.c_str(), &st) != 0) return;
    EntryState& e = out[p.lexically_relative(root).string()];
    e.mtime_ns = ns(st.st_mtim);
    if (!S_ISLNK(st.st_mode)) e.atime_ns = ns(st.st_atim);
    e.type = S_ISREG(st.st_mode)    ? 'f'
             : S_ISDIR(st.st_mode)  ? 'd'
             : S_ISLNK(st.st_mode)  ? 'l'
             : S_ISFIFO(st.st_mode) ? 'p'
                                    : 'o';
    if (e.type == 'l') e.link = fs::read_symlink(p).string();
  });
  for (auto& [rel, e] : out)
    if (e.type == 'f') e.sha256 = sha256_of((fs::path(root) / rel).string());
  return out;
}

void age_access_times(const std::string& root) {
  for_each_entry(root, [](const fs::path& p) {
    struct stat st {};
    if (lstat(p.c_str(), &st) != 0) return;
    timespec times[2] = {st.st_mtim, st.st_mtim};
    times[0].tv_sec -= 86400;
    utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW);
  });
}

std::string first_difference(const std::map<std::string, EntryState>& before,
                             const std::map<std::string, EntryState>& after) {
  for (const auto& [path, b] : before) {
    auto it = after.find(path);
    if (it == after.end()) return path + ": removed";
    const EntryState& a = it->second;
    if (a.type != b.type) return path + ": type changed";
    if (a.sha256 != b.sha256) return path + ": content changed";
    if (a.link != b.link) return path + ": link target changed";
    if (a.mtime_ns != b.mtime_ns) return path + ": modification time changed";
    if (a.atime_ns != b.atime_ns) return path + ": access time changed";
  }
  for (const auto& [path, a] : after)
    if (!before.count(path)) return path + ": created";
  return "";
}

}  // namespace shodo::testing

#include "util/disk_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "util/hash.h"

namespace shodo::util {

namespace {

// Larger files are not read: no entry is that big.
constexpr std::streamoff kMaxEntryBytes = std::streamoff{1} << 30;
constexpr uint64_t kChecksumSeed = 0x5eed;

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string entry_path(const std::string& dir, CacheEntry entry) {
  char name[40];
  std::snprintf(name, sizeof name, "/%016llx", static_cast<unsigned long long>(fnv1a(entry.slot)));
  return dir + name + std::string(entry.suffix);
}

bool make_dirs(const std::string& path) {
  for (size_t i = 1; i <= path.size(); ++i)
    if (i == path.size() || path[i] == '/') {
      const std::string part = path.substr(0, i);
      if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    }
  return true;
}

}  // namespace

std::string cache_dir(std::string_view name) {
  const std::string sub = "/" + std::string(name);
  if (const char* d = std::getenv("SHODO_CACHE_DIR"); d && *d)
    return std::string_view(d) == "off" ? std::string() : std::string(d) + sub;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d)
    return std::string(d) + "/shodo" + sub;
  if (const char* d = std::getenv("HOME"); d && *d) return std::string(d) + "/.cache/shodo" + sub;
  return {};
}

std::optional<std::string> cache_read(const std::string& dir, CacheEntry entry,
                                      std::string_view key) {
  if (dir.empty()) return std::nullopt;
  std::ifstream f(entry_path(dir, entry), std::ios::binary | std::ios::ate);
  if (!f) return std::nullopt;
  // One read of the whole entry: a character at a time through a stream
  // iterator costs more than the rest of the load.
  const std::streamoff size = f.tellg();
  if (size <= 0 || size > kMaxEntryBytes) return std::nullopt;
  std::string data(static_cast<size_t>(size), '\0');
  if (!f.seekg(0) || !f.read(data.data(), size)) return std::nullopt;
  std::string_view in = data;
  std::string_view stored_key;
  uint64_t sum = 0;
  if (!get_bytes(in, stored_key) || stored_key != key || !get_u64(in, sum) ||
      sum != hash_bytes(kChecksumSeed, in))
    return std::nullopt;
  return std::string(in);
}

void cache_write(const std::string& dir, CacheEntry entry, std::string_view key,
                 std::string_view payload) {
  if (dir.empty() || !make_dirs(dir)) return;
  std::string out;
  out.reserve(key.size() + payload.size() + 8);
  put_bytes(out, key);
  put_u64(out, hash_bytes(kChecksumSeed, payload));  // a damaged file is no entry
  out.append(payload);
  const std::string final_path = entry_path(dir, entry);
  std::string tmp = final_path + ".XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) return;
  const bool ok = ::write(fd, out.data(), out.size()) == static_cast<ssize_t>(out.size());
  close(fd);
  if (!ok || rename(tmp.c_str(), final_path.c_str()) != 0) unlink(tmp.c_str());
}

void put_u64(std::string& out, uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
  out.append(b, 8);
}

void put_bytes(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out.append(s);
}

bool get_u64(std::string_view& in, uint64_t& v) {
  if (in.size() < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<unsigned char>(in[i])} << (8 * i);
  in.remove_prefix(8);
  return true;
}

bool get_bytes(std::string_view& in, std::string_view& out) {
  uint64_t n = 0;
  if (!get_u64(in, n) || n > in.size()) return false;
  out = in.substr(0, n);
  in.remove_prefix(n);
  return true;
}

}  // namespace shodo::util

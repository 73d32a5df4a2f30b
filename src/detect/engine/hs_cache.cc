#include "detect/engine/hs_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace shodo::detect::engine {
namespace {

constexpr std::string_view kMagic = "shodo-hs-cache-1\n";

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string entry_path(const std::string& dir, const std::string& key) {
  char name[40];
  std::snprintf(name, sizeof name, "/%016llx.hsdb", static_cast<unsigned long long>(fnv1a(key)));
  return dir + name;
}

void put_u64(std::string& out, uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), 8);
}

bool get_u64(std::string_view& in, uint64_t& v) {
  if (in.size() < 8) return false;
  std::memcpy(&v, in.data(), 8);
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

void put_bytes(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out.append(s);
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

std::string hs_cache_dir() {
  if (const char* d = std::getenv("SHODO_CACHE_DIR"); d && *d)
    return std::string_view(d) == "off" ? std::string() : std::string(d) + "/hyperscan";
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d)
    return std::string(d) + "/shodo/hyperscan";
  if (const char* d = std::getenv("HOME"); d && *d)
    return std::string(d) + "/.cache/shodo/hyperscan";
  return {};
}

std::string hs_cache_key(const std::vector<HsPattern>& patterns) {
  std::string key(kMagic);
  key += hs_version();
  key += '\n';
  for (const HsPattern& p : patterns) {
    key += std::to_string(p.flags);
    key += '\t';
    put_bytes(key, p.regex);
  }
  return key;
}

hs_database_t* hs_cache_load(const std::string& key, std::vector<HsRejected>& rejected) {
  const std::string dir = hs_cache_dir();
  if (dir.empty()) return nullptr;
  std::ifstream f(entry_path(dir, key), std::ios::binary | std::ios::ate);
  if (!f) return nullptr;
  // One read of the whole entry (megabytes): a character at a time through
  // a stream iterator costs more than the rest of the load.
  const std::streamoff size = f.tellg();
  if (size <= 0) return nullptr;
  std::string data(static_cast<size_t>(size), '\0');
  if (!f.seekg(0) || !f.read(data.data(), size)) return nullptr;
  std::string_view in = data;
  std::string_view stored_key, db_bytes;
  uint64_t n = 0;
  if (!get_bytes(in, stored_key) || stored_key != key || !get_u64(in, n)) return nullptr;
  std::vector<HsRejected> found;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t index = 0;
    std::string_view msg;
    if (!get_u64(in, index) || !get_bytes(in, msg)) return nullptr;
    found.push_back({static_cast<size_t>(index), std::string(msg)});
  }
  if (!get_bytes(in, db_bytes) || db_bytes.empty()) return nullptr;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(db_bytes.data(), db_bytes.size(), &db) != HS_SUCCESS) return nullptr;
  rejected.insert(rejected.end(), found.begin(), found.end());
  return db;
}

void hs_cache_store(const std::string& key, const hs_database_t* db,
                    const std::vector<HsRejected>& rejected) {
  const std::string dir = hs_cache_dir();
  if (dir.empty() || !make_dirs(dir)) return;
  char* bytes = nullptr;
  size_t size = 0;
  if (hs_serialize_database(db, &bytes, &size) != HS_SUCCESS) return;
  std::string out;
  put_bytes(out, key);
  put_u64(out, rejected.size());
  for (const HsRejected& r : rejected) {
    put_u64(out, r.index);
    put_bytes(out, r.error);
  }
  put_bytes(out, std::string_view(bytes, size));
  std::free(bytes);
  // Written aside and renamed, so a concurrent run never reads half a file.
  const std::string final_path = entry_path(dir, key);
  std::string tmp = final_path + ".XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) return;
  const bool ok = ::write(fd, out.data(), out.size()) == static_cast<ssize_t>(out.size());
  close(fd);
  if (!ok || rename(tmp.c_str(), final_path.c_str()) != 0) unlink(tmp.c_str());
}

}  // namespace shodo::detect::engine

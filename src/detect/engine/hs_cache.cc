#include "detect/engine/hs_cache.h"

#include <cstdint>
#include <cstdlib>

#include "util/disk_cache.h"

namespace shodo::detect::engine {
namespace {

constexpr std::string_view kMagic = "shodo-hs-cache-1\n";
constexpr std::string_view kSuffix = ".hsdb";

std::string hs_cache_dir() {
  return util::cache_dir("hyperscan");
}

}  // namespace

std::string hs_cache_key(const std::vector<HsPattern>& patterns) {
  std::string key(kMagic);
  key += hs_version();
  key += '\n';
  for (const HsPattern& p : patterns) {
    key += std::to_string(p.flags);
    key += '\t';
    util::put_bytes(key, p.regex);
  }
  return key;
}

hs_database_t* hs_cache_load(const std::string& key, std::vector<HsRejected>& rejected) {
  const std::optional<std::string> payload = util::cache_read(hs_cache_dir(), {key, kSuffix}, key);
  if (!payload) return nullptr;
  std::string_view in = *payload;
  std::string_view db_bytes;
  uint64_t n = 0;
  if (!util::get_u64(in, n)) return nullptr;
  std::vector<HsRejected> found;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t index = 0;
    std::string_view msg;
    if (!util::get_u64(in, index) || !util::get_bytes(in, msg)) return nullptr;
    found.push_back({static_cast<size_t>(index), std::string(msg)});
  }
  if (!util::get_bytes(in, db_bytes) || db_bytes.empty()) return nullptr;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(db_bytes.data(), db_bytes.size(), &db) != HS_SUCCESS) return nullptr;
  rejected.insert(rejected.end(), found.begin(), found.end());
  return db;
}

void hs_cache_store(const std::string& key, const hs_database_t* db,
                    const std::vector<HsRejected>& rejected) {
  const std::string dir = hs_cache_dir();
  if (dir.empty()) return;
  char* bytes = nullptr;
  size_t size = 0;
  if (hs_serialize_database(db, &bytes, &size) != HS_SUCCESS) return;
  std::string payload;
  util::put_u64(payload, rejected.size());
  for (const HsRejected& r : rejected) {
    util::put_u64(payload, r.index);
    util::put_bytes(payload, r.error);
  }
  util::put_bytes(payload, std::string_view(bytes, size));
  std::free(bytes);
  util::cache_write(dir, {key, kSuffix}, key, payload);
}

}  // namespace shodo::detect::engine

// Hash maps keyed by std::string that can be searched with a string_view, so
// a lookup per event allocates nothing (only a first sighting copies the key).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/hash.h"

namespace shodo::detect {

// Keyed per process (util::table_seed): the keys are evidence text (paths,
// user names, addresses), and values written to share a bucket would make
// every look-up walk all of them.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return util::table_hash<4>(s); }
};

template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// The entry for `key`, created (value-initialized) on first use.
template <typename T>
T& entry(StringMap<T>& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), T{}).first;
  return it->second;
}

// The same, bounded: nullptr when `key` is new and the map already holds
// `max` keys (per-client state must not grow with millions of addresses);
// `refused` counts those look-ups.
template <typename T>
T* bounded_entry(StringMap<T>& map, std::string_view key, size_t max, uint64_t& refused) {
  auto it = map.find(key);
  if (it == map.end()) {
    if (map.size() >= max) {
      ++refused;
      return nullptr;
    }
    it = map.emplace(std::string(key), T{}).first;
  }
  return &it->second;
}

}  // namespace shodo::detect

// Hash maps keyed by std::string that can be searched with a string_view, so
// a lookup per event allocates nothing (only a first sighting copies the key).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace shodo::detect {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
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

}  // namespace shodo::detect

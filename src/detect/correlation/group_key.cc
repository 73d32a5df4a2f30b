#include "detect/correlation/group_key.h"

#include <cstdint>

namespace shodo::detect::correlation {

void append_group_value(std::string& key, std::string_view value) {
  const auto n = static_cast<uint32_t>(value.size());
  key.append(reinterpret_cast<const char*>(&n), sizeof n);
  key.append(value);
}

std::vector<std::string_view> group_values(std::string_view key) {
  std::vector<std::string_view> values;
  while (key.size() >= sizeof(uint32_t)) {
    uint32_t n = 0;
    key.copy(reinterpret_cast<char*>(&n), sizeof n);
    key.remove_prefix(sizeof n);
    values.push_back(key.substr(0, n));
    key.remove_prefix(std::min<size_t>(n, key.size()));
  }
  return values;
}

std::string describe_group(const std::vector<std::string>& fields, std::string_view key) {
  if (fields.empty()) return "all events";
  const std::vector<std::string_view> values = group_values(key);
  std::string out;
  for (size_t i = 0; i < fields.size() && i < values.size(); ++i) {
    if (!out.empty()) out += ", ";
    out += fields[i];
    out += '=';
    out += values[i];
  }
  return out;
}

}  // namespace shodo::detect::correlation

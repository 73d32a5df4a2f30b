#include "pii/columns.h"
#include "pii/pii.h"

namespace shodo::pii {

std::vector<std::string> items_of_columns(const std::vector<std::string>& headers) {
  bool held[kItems] = {};
  for (const ColumnRole& role : column_roles(headers))
    if (role.pii) held[static_cast<size_t>(role.item)] = true;
  std::vector<std::string> out;
  for (size_t i = 0; i < kItems; ++i)
    if (held[i]) out.emplace_back(item_name(static_cast<Item>(i)));
  return out;
}

}  // namespace shodo::pii

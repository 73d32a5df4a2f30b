// What a column's header says it holds, and checking one value of such a
// column (a header is evidence enough to take a value of the right shape).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pii/hit.h"

namespace shodo::pii {

struct ColumnRole {
  bool pii = false;  // the header names an item
  Item item = Item::email;
  // Ids, numbers, times and amounts: not searched as free text (an order
  // id passes the Luhn check one time in ten).
  bool id_like = false;
};

// Roles of a table's or file's columns from their headers. A bare "name"
// column holds person names only beside other person data (a products
// table's "name" does not).
std::vector<ColumnRole> column_roles(const std::vector<std::string>& headers);

// The value of a column with role `item`, when it has that item's shape.
bool check_column_value(Item item, std::string_view value, Hit& out);

}  // namespace shodo::pii

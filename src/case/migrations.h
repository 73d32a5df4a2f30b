// The schema, as an ordered list of migrations: migration N brings a case
// from schema version N-1 to N. A component that needs tables adds one
// entry at the end of kMigrations (never edits an earlier one).
#pragma once

#include <string_view>
#include <vector>

namespace shodo::cases {

const std::vector<std::string_view>& migrations();

}  // namespace shodo::cases

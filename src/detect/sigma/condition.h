// The Sigma condition language: `selection and not 1 of filter_*`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/sigma/rule.h"

namespace shodo::detect::sigma {

// Parses one condition over the rule's selections: and, or, not, brackets,
// `1 of`/`any of`/`all of` a name pattern (`*` wildcards) or `them`
// (selections whose name starts with `_` excluded), with precedence
// not > and > or. Throws a RuleError on a malformed condition; Sigma v1
// aggregations (`| count() ...`, `near`) are `unsupported`.
Condition parse_condition(std::string_view text, const std::vector<Selection>& selections);

// Joins several conditions with or (Sigma's list form of `condition:`).
Condition any_of(std::vector<Condition> conditions);

}  // namespace shodo::detect::sigma

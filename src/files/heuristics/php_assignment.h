// PHP assignments (`$name = value;`), read left to right the way the regex
//   (\$[A-Za-z_]\w*)\s*(?:\[[^\]\n]{0,80}\]\s*)*\.?=([^=>][^;]{0,MAX})
// reads them (without the index and `.=` part when `indexed` is false), but
// by hand: a regex engine spends microseconds a match extracting the groups,
// and a library file holds thousands of assignments.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace shodo::files {

struct PhpAssignmentSyntax {
  bool indexed = true;     // $a['k'][0] = and $a .= count as assignments to $a
  size_t max_value = 400;  // bytes of the right-hand side kept (it ends at ';')
};

// fn(variable, value) for each assignment; fn returns false to stop.
void each_php_assignment(
    std::string_view text, PhpAssignmentSyntax syntax,
    const std::function<bool(std::string_view variable, std::string_view value)>& fn);

}  // namespace shodo::files

// The GNU build ID of the running program: a hash the linker writes of the
// whole executable, so it changes with any change of the code. What a cache
// of this program's own work is keyed on.
#pragma once

#include <string_view>

namespace shodo::util {

// Its bytes, or empty when the program was linked without one.
std::string_view build_id();

}  // namespace shodo::util

// The GNU build IDs of the running program and of every shared library it
// runs with: hashes the linker writes of each whole file, so they change with
// any change of the code, shodo's or a library's (a new yaml-cpp may read a
// rule differently). What a cache of this program's own work is keyed on.
#pragma once

#include <string_view>

namespace shodo::util {

// Their bytes, each as util::put_bytes writes it, in load order; empty when
// the program itself was linked without one.
std::string_view build_id();

}  // namespace shodo::util

// View paths, shared by the back ends.
#pragma once

#include <string>
#include <string_view>

namespace shodo::fsview {

// "/" and "" name the root; ".." never leaves it: components are resolved
// lexically, "." and empty ones dropped. Always starts with '/'.
std::string normalize_view_path(std::string_view path);

}  // namespace shodo::fsview

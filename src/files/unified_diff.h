// A unified diff of two texts, bounded: the evidence of a defacement.
#pragma once

#include <string>
#include <string_view>

namespace shodo::files {

// One hunk around the changed lines (3 lines of context), at most max_lines
// lines of output; `note` says when it was cut.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& name,
                         size_t max_lines, std::string& note);

}  // namespace shodo::files

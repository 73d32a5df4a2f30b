// What a file is, for choosing heuristics: by name first (the server decides
// by name what runs), then by content for names that say nothing.
#pragma once

#include <string_view>

#include "files/signal.h"

namespace shodo::files {

Language detect_language(std::string_view name, std::string_view data);
// NUL bytes in the first 8 KiB.
bool looks_binary(std::string_view data);
// The extension after the last dot, lower case ("" when none).
std::string extension_of(std::string_view name);

}  // namespace shodo::files

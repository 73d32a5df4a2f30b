// Undoing the encodings W3C writers apply to field values so that a value
// never holds the separator: IIS's '+' for space, CloudFront's %XX.
#pragma once

#include <string_view>

#include "ingest/arena.h"

namespace shodo::ingest::w3c {

// '+' to ' '; the view itself when there is no '+'.
std::string_view plus_to_space(std::string_view s, Arena& arena);
// %XX decoded once (CloudFront encodes its own fields; a value the client
// already encoded stays encoded once). Malformed escapes are kept as written.
std::string_view percent_decode(std::string_view s, Arena& arena);

}  // namespace shodo::ingest::w3c

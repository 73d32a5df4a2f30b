// Decoding JSON string escapes into the batch arena.
#pragma once

#include <string_view>

#include "ingest/arena.h"

namespace shodo::ingest::json {

// Decodes the body of a JSON string (the text between its quotes). Besides
// JSON's own escapes it reads \xHH, which Nginx writes when a JSON-shaped
// log_format lacks escape=json. Lone surrogates become U+FFFD; other bytes,
// invalid UTF-8 included, pass through. False on a malformed escape.
bool unescape_string(std::string_view body, Arena& arena, std::string_view& out);

}  // namespace shodo::ingest::json

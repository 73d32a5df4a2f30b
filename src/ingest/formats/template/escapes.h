// Undoing the escaping web servers apply to logged text.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/arena.h"

namespace shodo::ingest::tpl {

enum class Escape : uint8_t {
  apache,  // \" \\ \n \r \t \b \v and \xhh (mod_log_config); also reads Nginx's \xHH
  nginx,   // \xHH for '"', '\' and bytes outside 0x20-0x7E (log_format escape=default)
  json,    // JSON string escapes (log_format escape=json)
  none,    // written raw (log_format escape=none)
};

// The decoded text of `s`, written to `arena` (never longer than `s`).
// Malformed escapes are kept as written. Call only when `s` holds a '\\'.
std::string_view unescape(Escape mode, std::string_view s, Arena& arena);

}  // namespace shodo::ingest::tpl

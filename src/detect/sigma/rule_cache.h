// Parsed rule files kept on disk between runs (util::disk_cache): YAML is
// most of the start of a hunt, and rule collections rarely change. An entry
// is keyed on this program's build, the file's path and its whole text, so
// an edited file, or a new shodo, parses again.
#pragma once

#include <string>
#include <string_view>

#include "detect/sigma/loader.h"

namespace shodo::detect::sigma {

// What load_rule_text(text, path, ...) gave this build before, appended to
// `out`; false (and `out` untouched) when not cached.
bool load_cached_rules(const std::string& path, std::string_view text, LoadedRules& out);
// Remembers `parsed`, what load_rule_text(text, path, ...) gave.
void store_cached_rules(const std::string& path, std::string_view text, const LoadedRules& parsed);

// The bytes an entry holds for `rules`, and back (false on any damage).
// Visible for tests.
std::string serialize_rules(const LoadedRules& rules);
bool deserialize_rules(std::string_view bytes, LoadedRules& out);

}  // namespace shodo::detect::sigma

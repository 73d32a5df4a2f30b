// Parsed rule files kept on disk between runs (util::disk_cache): YAML is
// most of the start of a hunt, and rule collections rarely change. An entry
// is keyed on this program's build, the file's path and its whole text, so
// an edited file, or a new shodo, parses again; it replaces the entry the
// same path had before.
#pragma once

#include <string>
#include <string_view>

#include "detect/sigma/loader.h"

namespace shodo::detect::sigma {

// A rule file's entry. Not kept for a build without a build ID, nor for a
// text larger than the loader reads (it only says so).
class RuleCacheEntry {
 public:
  RuleCacheEntry(const std::string& path, std::string_view text);
  // What load_rule_text(text, path, ...) gave this build before, appended
  // to `out`; false (and `out` untouched) when not cached.
  bool load(LoadedRules& out) const;
  // Remembers `parsed`, what load_rule_text(text, path, ...) gave.
  void store(const LoadedRules& parsed) const;

 private:
  std::string key_;  // empty: not kept
  std::string_view path_;
};

// The bytes an entry holds for `rules`, and back (false on any damage).
// Visible for tests.
std::string serialize_rules(const LoadedRules& rules);
bool deserialize_rules(std::string_view bytes, LoadedRules& out);

}  // namespace shodo::detect::sigma

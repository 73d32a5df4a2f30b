// What a check must see in a file before it is worth running. The triggers of
// every check are looked for together, in one Hyperscan pass over the file's
// bytes, the first time a check asks (FileContext::has): a library file with
// none of them costs that pass instead of a regex pass per check.
//
// Skipping must not change what is found, so a trigger is a necessary
// condition: it matches the raw bytes of every file in which its check could
// fire. Checks that read code with comments blanked must allow for what a
// comment may hide; a piece of text without whitespace that their regex needs
// is always safe (blanking only turns bytes into spaces).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::files {

class Trigger {
 public:
  // `regex` in Hyperscan syntax. Triggers are declared at namespace scope: the
  // database is built from those that exist when the first file is scanned.
  explicit Trigger(std::string regex, bool case_insensitive = false);
  size_t id() const { return id_; }

 private:
  size_t id_;
};

// The regex of a trigger for any of these literal strings.
std::string any_literal(const std::vector<std::string_view>& words);

}  // namespace shodo::files

// Regexes Hyperscan cannot compile (back-references, look-around, ...) run
// here instead: RE2 when it accepts the pattern, else std::regex.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "detect/sigma/rule.h"

namespace shodo::detect::engine {

class FallbackRegex {
 public:
  virtual ~FallbackRegex() = default;
  // True when the pattern matches anywhere in `text`. Thread-safe.
  virtual bool search(std::string_view text) const = 0;
  // "RE2" or "std::regex", for `shodo rules lint`.
  virtual std::string_view engine_name() const = 0;

  // Compiles a pattern atom's regex with its flags; nullptr and `error` set
  // when neither engine accepts it.
  static std::unique_ptr<FallbackRegex> compile(const sigma::Atom& atom, std::string& error);
};

}  // namespace shodo::detect::engine

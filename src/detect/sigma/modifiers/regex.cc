// The `re` modifier: the value is already a regular expression.
#include "detect/sigma/modifiers/modifiers.h"

namespace shodo::detect::sigma::modifiers {

Atom regex_atom(std::string_view regex, RegexFlags flags) {
  Atom atom;
  atom.kind = Atom::Kind::pattern;
  atom.regex = regex;
  atom.from_re = true;
  // Sigma regexes are case-sensitive and single-line unless `i`/`m`/`s` say otherwise.
  atom.caseless = flags.caseless;
  atom.multiline = flags.multiline;
  atom.dotall = flags.dotall;
  return atom;
}

}  // namespace shodo::detect::sigma::modifiers

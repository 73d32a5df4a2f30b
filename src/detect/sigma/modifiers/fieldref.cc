// The fieldref modifier: compare with another field of the same event.
#include "detect/sigma/modifiers/modifiers.h"

namespace shodo::detect::sigma::modifiers {

Atom fieldref_atom(std::string_view field, bool cased) {
  Atom atom;
  atom.kind = Atom::Kind::fieldref;
  atom.other_field = field;
  atom.fieldref_cased = cased;
  return atom;
}

}  // namespace shodo::detect::sigma::modifiers

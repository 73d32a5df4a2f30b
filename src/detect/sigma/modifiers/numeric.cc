// Numeric comparison modifiers: gt, gte, lt, lte.
#include <charconv>
#include <cmath>

#include "detect/sigma/modifiers/modifiers.h"

namespace shodo::detect::sigma::modifiers {

std::optional<Atom> number_atom(std::string_view text, Atom::Op op) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(number))
    return std::nullopt;
  Atom atom;
  atom.kind = Atom::Kind::number;
  atom.op = op;
  atom.number = number;
  return atom;
}

}  // namespace shodo::detect::sigma::modifiers

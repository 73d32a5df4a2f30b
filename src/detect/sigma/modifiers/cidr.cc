// The cidr modifier: IPv4 and IPv6 networks.
#include <arpa/inet.h>

#include <charconv>

#include "detect/sigma/modifiers/modifiers.h"

namespace shodo::detect::sigma::modifiers {

std::optional<Atom> cidr_atom(std::string_view text) {
  const size_t slash = text.find('/');
  const std::string address(text.substr(0, slash));
  Atom atom;
  atom.kind = Atom::Kind::cidr;
  atom.v6 = address.find(':') != std::string::npos;
  if (inet_pton(atom.v6 ? AF_INET6 : AF_INET, address.c_str(), atom.network) != 1)
    return std::nullopt;
  const int max_len = atom.v6 ? 128 : 32;
  atom.prefix_len = max_len;
  if (slash != std::string_view::npos) {
    const std::string_view len = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(len.data(), len.data() + len.size(), atom.prefix_len);
    if (len.empty() || ec != std::errc{} || end != len.data() + len.size() || atom.prefix_len < 0 ||
        atom.prefix_len > max_len)
      return std::nullopt;
  }
  // Host bits set in the address (10.1.2.3/8) are ignored, as in most tools.
  for (int bit = atom.prefix_len; bit < max_len; ++bit)
    atom.network[bit / 8] &= static_cast<uint8_t>(~(0x80 >> (bit % 8)));
  return atom;
}

}  // namespace shodo::detect::sigma::modifiers

// Sigma wildcards (`*`, `?`), their escapes, and the regex a glob becomes.
#include <cstdio>

#include "detect/sigma/modifiers/modifiers.h"

namespace shodo::detect::sigma::modifiers {
namespace {

void append_wildcard(Glob& glob, Piece::Kind kind) {
  // `**` means the same as `*`.
  if (kind == Piece::Kind::any_chars && !glob.empty() && glob.back().kind == kind) return;
  glob.push_back(Piece{kind, {}});
}

bool is_text(const Piece& p) {
  return p.kind == Piece::Kind::text;
}

}  // namespace

Value make_value(std::string written) {
  Value v;
  v.glob = parse_glob(written);
  v.written = std::move(written);
  return v;
}

Value null_value() {
  Value v;
  v.is_null = true;
  return v;
}

Glob parse_glob(std::string_view written) {
  Glob glob;
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c == '*') {
      append_wildcard(glob, Piece::Kind::any_chars);
    } else if (c == '?') {
      append_wildcard(glob, Piece::Kind::one_char);
    } else if (c == '\\' && i + 1 < written.size() &&
               (written[i + 1] == '*' || written[i + 1] == '?' || written[i + 1] == '\\')) {
      append_text(glob, written.substr(++i, 1));
    } else {
      append_text(glob, written.substr(i, 1));
    }
  }
  return glob;
}

void append_text(Glob& glob, std::string_view text) {
  if (text.empty()) return;
  if (glob.empty() || !is_text(glob.back())) glob.push_back(Piece{Piece::Kind::text, {}});
  glob.back().text += text;
}

bool has_wildcards(const Glob& glob) {
  for (const Piece& p : glob)
    if (!is_text(p)) return true;
  return false;
}

std::string glob_text(const Glob& glob) {
  std::string out;
  for (const Piece& p : glob) out += p.text;
  return out;
}

std::string regex_escape(std::string_view text) {
  static constexpr std::string_view kMeta = "\\^$.|?*+()[]{}";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    } else {
      if (kMeta.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

Atom glob_atom(const Glob& glob, bool cased) {
  Atom atom;
  atom.kind = Atom::Kind::pattern;
  atom.caseless = !cased;
  atom.dotall = true;
  // A leading or trailing `*` is the absence of an anchor (a lone `*` is both).
  const bool open_start = !glob.empty() && glob.front().kind == Piece::Kind::any_chars;
  const bool open_end = !glob.empty() && glob.back().kind == Piece::Kind::any_chars;
  const size_t begin = open_start ? 1 : 0;
  const size_t end = glob.size() - (open_end && glob.size() > begin ? 1 : 0);

  bool plain = true;
  std::string inner;
  for (size_t i = begin; i < end; ++i) {
    switch (glob[i].kind) {
      case Piece::Kind::text: inner += regex_escape(glob[i].text); break;
      case Piece::Kind::any_chars: inner += ".*", plain = false; break;
      case Piece::Kind::one_char: inner += '.', plain = false; break;
    }
  }
  atom.regex = (open_start ? "" : "^") + inner + (open_end ? "" : "$");
  if (plain) {
    // A lone `*` is a literal "contains nothing": any value matches.
    atom.literal = open_start && open_end ? Atom::Literal::contains
                   : open_start           ? Atom::Literal::endswith
                   : open_end             ? Atom::Literal::startswith
                                          : Atom::Literal::equals;
    atom.literal_text = glob_text(glob);
  }
  return atom;
}

}  // namespace shodo::detect::sigma::modifiers

// Sigma value modifiers: how `field|mod1|mod2: values` becomes a FieldMatch.
// Internal to the loader. Each family lives in its own file:
//   glob.cc      Sigma wildcards and escapes, and the regex/literal a glob becomes
//   string.cc    contains, startswith, endswith, windash
//   encoding.cc  base64, base64offset, utf16le/utf16be/wide/utf16
//   regex.cc     re (with i, m, s)
//   numeric.cc   gt, gte, lt, lte
//   cidr.cc      cidr
//   fieldref.cc  fieldref
//   chain.cc     applies a modifier list in order and builds the atoms
// Errors are thrown as RuleError (rule_error.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/sigma/rule.h"

namespace shodo::detect::sigma::modifiers {

// Most values one field may expand into (windash and base64offset multiply
// values); beyond this the rule is refused rather than compiled slowly.
inline constexpr size_t kMaxValuesPerField = 4096;

// A string value as Sigma reads it: text bytes and wildcards.
struct Piece {
  enum class Kind : uint8_t { text, any_chars, one_char };  // text, `*`, `?`
  Kind kind = Kind::text;
  std::string text;  // for Kind::text
};
using Glob = std::vector<Piece>;

// One value of a field as written in the rule.
struct Value {
  bool is_null = false;  // YAML null (`null`, `~`, nothing)
  std::string written;   // the scalar's text, as YAML gives it
  Glob glob;             // `written` read with Sigma's wildcard rules, then transformed
};
Value make_value(std::string written);
Value null_value();

// glob.cc
// Reads Sigma's escapes: `\*`, `\?` and `\\` are the plain characters; any
// other backslash is itself.
Glob parse_glob(std::string_view written);
// Appends text, merging with a text piece before it.
void append_text(Glob& glob, std::string_view text);
bool has_wildcards(const Glob& glob);
// The text of a glob without wildcards.
std::string glob_text(const Glob& glob);
// The pattern atom of a glob: an anchored regex, plus the literal form
// when the only wildcards are a leading and/or trailing `*`.
Atom glob_atom(const Glob& glob, bool cased);
// `text` as a regex matching exactly those bytes.
std::string regex_escape(std::string_view text);

// string.cc
enum class Anchor : uint8_t { contains, startswith, endswith };
void add_wildcards(Glob& glob, Anchor anchor);
// Every variant of the glob with each dash-like character (-, /, en dash,
// em dash, horizontal bar) replaced by each of them.
std::vector<Glob> windash_variants(const Glob& glob);

// encoding.cc
std::string base64(std::string_view bytes);
// The three base64 fragments `bytes` shows as when it sits at offset 0, 1
// or 2 (mod 3) inside a longer encoded string; empty fragments are left out.
std::vector<std::string> base64_offsets(std::string_view bytes);
enum class Utf16 : uint8_t { le, be, le_with_bom };
// UTF-8 text as UTF-16; bytes that are not UTF-8 count as Latin-1.
std::string utf16(std::string_view utf8, Utf16 form);

// regex.cc
struct RegexFlags {
  bool caseless = false, multiline = false, dotall = false;
};
Atom regex_atom(std::string_view regex, RegexFlags flags);

// numeric.cc: nullopt when `text` is not a number.
std::optional<Atom> number_atom(std::string_view text, Atom::Op op);

// cidr.cc: nullopt when `text` is not an IPv4 or IPv6 network.
std::optional<Atom> cidr_atom(std::string_view text);

// fieldref.cc
Atom fieldref_atom(std::string_view field, bool cased);

// chain.cc: applies `modifiers` (as written, in order) to `values`.
// An empty field makes keywords: values are searched anywhere in the line
// unless a modifier anchors or types them.
FieldMatch field_match(std::string field, const std::vector<std::string>& modifiers,
                       std::vector<Value> values);

}  // namespace shodo::detect::sigma::modifiers

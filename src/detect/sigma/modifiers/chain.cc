// Applies a field's modifiers in the order written (the Sigma rule) and
// turns the resulting values into atoms.
//
// Modifiers are of two sorts. Transformations (contains, windash, base64,
// utf16le, ...) rewrite string values and may multiply them. Type modifiers
// (re, cidr, gt, exists, fieldref) say what the value is; after one, only
// its own sub-modifiers (`re|i`), `all` and `cased` may follow.
#include <functional>

#include "detect/sigma/modifiers/modifiers.h"
#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma::modifiers {
namespace {

enum class Type : uint8_t { string, re, cidr, number, exists, fieldref };

struct Chain {
  Type type = Type::string;
  std::string type_modifier;  // the modifier that set `type`
  Atom::Op op = Atom::Op::eq;
  RegexFlags re_flags;
  bool all = false;
  bool cased = false;
  bool anchored = false;     // contains/startswith/endswith given
  bool transformed = false;  // a transformation ran
};

// Rewrites every string value with `f`, which may return several.
void transform(std::vector<Value>& values, std::string_view modifier,
               const std::function<std::vector<Glob>(const Glob&)>& f) {
  std::vector<Value> out;
  for (const Value& v : values) {
    if (v.is_null) fail("null cannot take the modifier '" + std::string(modifier) + "'");
    for (Glob& g : f(v.glob)) {
      if (out.size() >= kMaxValuesPerField)
        fail("the modifiers make more than " + std::to_string(kMaxValuesPerField) +
             " values of one field");
      Value nv = v;
      nv.glob = std::move(g);
      out.push_back(std::move(nv));
    }
  }
  values = std::move(out);
}

// An encoding works on bytes: a value with wildcards has no single encoding.
std::string plain_bytes(const Glob& glob, std::string_view modifier) {
  if (has_wildcards(glob))
    fail("the modifier '" + std::string(modifier) +
         "' cannot encode a value with wildcards (put contains/startswith/endswith after it)");
  return glob_text(glob);
}

std::vector<Glob> encode_utf16(const Glob& glob, Utf16 form) {
  // Wildcards stay wildcards; text pieces are re-encoded.
  Glob out;
  if (form == Utf16::le_with_bom) append_text(out, utf16("", form));
  for (const Piece& p : glob) {
    if (p.kind == Piece::Kind::text)
      append_text(out, utf16(p.text, form == Utf16::be ? Utf16::be : Utf16::le));
    else
      out.push_back(p);
  }
  return {out};
}

std::vector<Glob> anchored(const Glob& glob, Anchor anchor) {
  Glob out = glob;
  add_wildcards(out, anchor);
  return {out};
}

bool set_type(Chain& c, std::string_view modifier) {
  static const struct {
    std::string_view name;
    Type type;
    Atom::Op op;
  } kTypes[] = {
      {"re", Type::re, Atom::Op::eq},         {"cidr", Type::cidr, Atom::Op::eq},
      {"gt", Type::number, Atom::Op::gt},     {"gte", Type::number, Atom::Op::gte},
      {"lt", Type::number, Atom::Op::lt},     {"lte", Type::number, Atom::Op::lte},
      {"exists", Type::exists, Atom::Op::eq}, {"fieldref", Type::fieldref, Atom::Op::eq},
  };
  for (const auto& t : kTypes) {
    if (t.name != modifier) continue;
    if (c.type != Type::string)
      fail("the modifier '" + std::string(modifier) + "' cannot follow '" + c.type_modifier + "'");
    if (t.type == Type::fieldref && c.anchored)
      fail_unsupported("fieldref combined with contains/startswith/endswith is not supported");
    if (c.transformed)
      fail("the modifier '" + std::string(modifier) + "' must come before value transformations");
    c.type = t.type;
    c.type_modifier = modifier;
    c.op = t.op;
    return true;
  }
  return false;
}

bool set_regex_flag(Chain& c, std::string_view modifier) {
  bool* flag = modifier == "i"   ? &c.re_flags.caseless
               : modifier == "m" ? &c.re_flags.multiline
               : modifier == "s" ? &c.re_flags.dotall
                                 : nullptr;
  if (!flag) return false;
  if (c.type != Type::re) fail("the modifier '" + std::string(modifier) + "' only follows 're'");
  *flag = true;
  return true;
}

bool is_unsupported(std::string_view modifier) {
  static constexpr std::string_view kNames[] = {"expand", "neq",  "minute", "hour",
                                                "day",    "week", "month",  "year"};
  for (const std::string_view n : kNames)
    if (n == modifier) return true;
  return false;
}

bool transform_with(Chain& c, std::vector<Value>& values, std::string_view modifier) {
  std::function<std::vector<Glob>(const Glob&)> f;
  const auto anchor = [&](Anchor a) {
    c.anchored = true;
    return [a](const Glob& g) { return anchored(g, a); };
  };
  if (modifier == "contains") {
    f = anchor(Anchor::contains);
  } else if (modifier == "startswith") {
    f = anchor(Anchor::startswith);
  } else if (modifier == "endswith") {
    f = anchor(Anchor::endswith);
  } else if (modifier == "windash") {
    f = windash_variants;
  } else if (modifier == "base64") {
    f = [modifier](const Glob& g) {
      Glob out;
      append_text(out, base64(plain_bytes(g, modifier)));
      return std::vector<Glob>{out};
    };
  } else if (modifier == "base64offset") {
    f = [modifier](const Glob& g) {
      std::vector<Glob> out;
      for (const std::string& fragment : base64_offsets(plain_bytes(g, modifier))) {
        out.emplace_back();
        append_text(out.back(), fragment);
      }
      return out;
    };
  } else if (modifier == "utf16le" || modifier == "wide") {
    f = [](const Glob& g) { return encode_utf16(g, Utf16::le); };
  } else if (modifier == "utf16be") {
    f = [](const Glob& g) { return encode_utf16(g, Utf16::be); };
  } else if (modifier == "utf16") {
    f = [](const Glob& g) { return encode_utf16(g, Utf16::le_with_bom); };
  } else {
    return false;
  }
  if (c.type == Type::fieldref)
    fail_unsupported("fieldref combined with '" + std::string(modifier) + "' is not supported");
  if (c.type != Type::string)
    fail("the modifier '" + std::string(modifier) + "' cannot follow '" + c.type_modifier + "'");
  transform(values, modifier, f);
  c.transformed = true;
  return true;
}

Atom typed_atom(const Chain& c, const Value& v) {
  if (v.is_null) {
    if (c.type != Type::string) fail("null cannot take the modifier '" + c.type_modifier + "'");
    Atom atom;
    atom.kind = Atom::Kind::null;
    return atom;
  }
  switch (c.type) {
    case Type::string: return glob_atom(v.glob, c.cased);
    case Type::re:
      if (v.written.empty()) fail("an empty regular expression matches everything");
      return regex_atom(v.written, c.re_flags);
    case Type::cidr:
      if (auto atom = cidr_atom(v.written)) return *atom;
      fail("'" + v.written + "' is not an IPv4 or IPv6 network (like 10.0.0.0/8)");
    case Type::number:
      if (auto atom = number_atom(v.written, c.op)) return *atom;
      fail("'" + v.written + "' is not a number, which '" + c.type_modifier + "' needs");
    case Type::exists: {
      Atom atom;
      atom.kind = Atom::Kind::exists;
      if (v.written != "true" && v.written != "false")
        fail("'exists' takes true or false, not '" + v.written + "'");
      atom.exists_wanted = v.written == "true";
      return atom;
    }
    case Type::fieldref: return fieldref_atom(v.written, c.cased);
  }
  fail("unknown value type");
}

}  // namespace

FieldMatch field_match(std::string field, const std::vector<std::string>& modifiers,
                       std::vector<Value> values) {
  Chain c;
  for (const std::string& m : modifiers) {
    if (m == "all") {
      c.all = true;
    } else if (m == "cased") {
      c.cased = true;
    } else if (set_regex_flag(c, m) || transform_with(c, values, m) || set_type(c, m)) {
      // applied
    } else if (is_unsupported(m)) {
      fail_unsupported("the modifier '" + m + "' is not supported");
    } else {
      fail("unknown modifier '" + m + "'");
    }
  }
  // Keywords are searched for in the whole line, not matched against it.
  if (field.empty() && c.type == Type::string && !c.anchored)
    transform(values, "contains", [](const Glob& g) { return anchored(g, Anchor::contains); });
  if (c.type == Type::exists && values.size() != 1) fail("'exists' takes one value, true or false");

  FieldMatch match;
  match.field = std::move(field);
  match.all = c.all;
  for (const Value& v : values) match.atoms.push_back(typed_atom(c, v));
  return match;
}

}  // namespace shodo::detect::sigma::modifiers

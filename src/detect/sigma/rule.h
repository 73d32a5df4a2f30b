// The Sigma rule model: what the loader (sigma/loader.h) produces from YAML
// and the engine (engine/) compiles. Internal to the detect component.
//
// Values are already turned into Atoms by the modifiers: the engine never
// sees a modifier name, only "this regex/number/network/... against this
// field".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shodo::detect::sigma {

enum class Level : uint8_t { informational, low, medium, high, critical };

struct RuleMeta {
  std::string id;    // UUID as written; may be empty in user rules
  std::string name;  // Sigma v2 `name` (what correlations may refer to)
  std::string title;
  std::string title_ja;  // optional `shodo.title_ja`
  std::string description;
  std::string status;  // stable, test, experimental, deprecated, unsupported
  Level level = Level::medium;
  std::string author, date, modified;
  std::vector<std::string> tags;  // as written: attack.t1190, attack.initial-access, cve.2021-44228
  std::vector<std::string> references;
  std::vector<std::string> falsepositives;
  std::vector<std::string> fields;  // `fields:` to show with a match
  std::string file;                 // the file the rule came from
  int line = 0;                     // 1-based line of the rule's document in that file

  bool operator==(const RuleMeta&) const = default;
};

struct LogSource {
  std::string category, product, service;  // lower-cased; empty when not given

  bool operator==(const LogSource&) const = default;
};

// One value to test a field with, after modifiers.
struct Atom {
  enum class Kind : uint8_t {
    pattern,   // `regex` against the field's text
    number,    // numeric comparison: field <op> number
    cidr,      // field is an IP inside `network`
    exists,    // field is present (exists_wanted) or absent (!exists_wanted)
    null,      // field absent or empty (Sigma `null`)
    fieldref,  // field equals the value of field `other_field`
  };
  Kind kind = Kind::pattern;

  // pattern: a regular expression in the PCRE dialect Hyperscan accepts.
  // Glob values become anchored regexes (`^...$`, `*` -> `.*`, `?` -> `.`);
  // `contains` drops the start anchor etc. Flags apply to the whole regex.
  std::string regex;
  bool caseless = true;    // Sigma matches case-insensitively unless `cased`
  bool multiline = false;  // `re|m`
  bool dotall = true;      // `.` matches newlines for globs; `re` only with `|s`
  // When the value needs no regex: the plain string and how it is anchored.
  // Lets the engine use exact-match tables and literal matchers.
  enum class Literal : uint8_t { none, equals, contains, startswith, endswith };
  Literal literal = Literal::none;
  std::string literal_text;  // unescaped, as bytes (already transformed by base64/utf16/...)
  bool from_re = false;      // came from the `re` modifier (for lint messages)

  // number
  enum class Op : uint8_t { eq, gt, gte, lt, lte };
  Op op = Op::eq;
  double number = 0;

  // cidr: address family and network, bytes in network order.
  bool v6 = false;
  uint8_t network[16] = {};
  int prefix_len = 0;

  // exists
  bool exists_wanted = true;

  // fieldref
  std::string other_field;
  bool fieldref_cased = false;

  bool operator==(const Atom&) const = default;
};

// One `field|modifiers: value(s)` entry of a selection map, or a keyword
// list (field empty: matched against the whole line).
struct FieldMatch {
  std::string field;  // as written in the rule, modifiers stripped
  std::vector<Atom> atoms;
  bool all = false;  // every atom must match (`|all`); else any one

  bool operator==(const FieldMatch&) const = default;
};

// A named search identifier (`selection`, `filter_main`, ...).
struct Selection {
  std::string name;
  // Any one of these must hold; each holds when all its FieldMatches do.
  // A map is one alternative; a list of maps is several; a keyword list is
  // one alternative with one keyword FieldMatch.
  std::vector<std::vector<FieldMatch>> alternatives;

  bool operator==(const Selection&) const = default;
};

// The condition, as a tree over selection indices. `1 of sel*` and friends
// are expanded by the parser into any/all over the selections they name.
struct Condition {
  enum class Op : uint8_t { selection, all_of, any_of, not_ };
  Op op = Op::selection;
  int selection = -1;               // for Op::selection: index into Rule::selections
  std::vector<Condition> operands;  // all_of (and), any_of (or), not_ (one operand)

  bool operator==(const Condition&) const = default;
};

// Examples carried by a rule (`examples:` in the YAML, shodo's extension):
// log lines that must and must not match. For a correlation, each example is
// a block of lines that together must (not) fire it.
struct Examples {
  std::string format;  // ingest preset the lines are in (combined, syslog, ...)
  std::string tz;      // zone for times without an offset; default UTC
  std::vector<std::string> match, no_match;

  bool operator==(const Examples&) const = default;
};

struct Rule {
  RuleMeta meta;
  LogSource logsource;
  std::vector<Selection> selections;
  Condition condition;   // several `condition:` entries are OR-ed
  bool generate = true;  // false: only feeds correlations (Sigma v2 default for referenced rules)
  Examples examples;

  bool operator==(const Rule&) const = default;
};

// A Sigma correlation rule (event_count, value_count, temporal).
struct Correlation {
  enum class Type : uint8_t { event_count, value_count, temporal, temporal_ordered };
  RuleMeta meta;
  Type type = Type::event_count;
  std::vector<std::string> rules;     // ids or names of the base rules (or other correlations)
  std::vector<std::string> group_by;  // field names, after aliases
  // `aliases`: an alias name -> for each referenced rule (id or name), the field to read.
  struct Alias {
    std::string name;
    std::vector<std::pair<std::string, std::string>> per_rule;

    bool operator==(const Alias&) const = default;
  };
  std::vector<Alias> aliases;
  int64_t timespan_us = 0;
  // The count condition: count <op> threshold, all must hold (a range uses two).
  struct Bound {
    Atom::Op op = Atom::Op::gte;
    double value = 0;

    bool operator==(const Bound&) const = default;
  };
  std::vector<Bound> condition;
  std::string value_field;  // value_count: the field whose distinct values are counted
  bool generate = false;
  Examples examples;

  bool operator==(const Correlation&) const = default;
};

// A rule file (or document) the engine cannot run, and why.
struct Problem {
  std::string file;
  int line = 0;
  std::string rule;    // id or title when known
  std::string reason;  // one sentence: what is unsupported or malformed
  enum class Kind : uint8_t {
    error,         // malformed YAML or rule: a bug in the rule file
    unsupported,   // valid Sigma the engine cannot run (says which feature)
    other_source,  // log source shodo does not ingest (e.g. windows): not run
  };
  Kind kind = Kind::error;

  bool operator==(const Problem&) const = default;
};

}  // namespace shodo::detect::sigma

// A compact text form of loaded Sigma rules, for tests to compare against.
//
//   rule TITLE [generate=no]
//     SELECTION
//       | FIELD[all]: ATOM, ATOM        one line per FieldMatch; `|` starts an alternative
//     condition: and(selection, not(filter))
//   correlation TITLE type=event_count ...
//   problem KIND line=N rule=LABEL: REASON
//
// Atoms: /REGEX/flags (i caseless, m multiline, s dotall, R from re)
// [=literal "TEXT"], gte 5, cidr 10.0.0.0/8, exists, !exists, null,
// fieldref OTHER [cased]. Non-printable bytes are written \xHH.
#pragma once

#include <arpa/inet.h>

#include <cstdio>
#include <string>

#include "detect/sigma/loader.h"

namespace shodo::detect::sigma::testing {

inline std::string printable(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b > 0x7e) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", b);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string op_name(Atom::Op op) {
  switch (op) {
    case Atom::Op::eq: return "eq";
    case Atom::Op::gt: return "gt";
    case Atom::Op::gte: return "gte";
    case Atom::Op::lt: return "lt";
    case Atom::Op::lte: return "lte";
  }
  return "?";
}

inline std::string number_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

inline std::string dump_atom(const Atom& a) {
  switch (a.kind) {
    case Atom::Kind::pattern: {
      std::string out = "/" + printable(a.regex) + "/";
      if (a.caseless) out += 'i';
      if (a.multiline) out += 'm';
      if (a.dotall) out += 's';
      if (a.from_re) out += 'R';
      static constexpr const char* kLiteral[] = {"", "equals", "contains", "startswith",
                                                 "endswith"};
      if (a.literal != Atom::Literal::none)
        out += std::string(" =") + kLiteral[static_cast<int>(a.literal)] + " \"" +
               printable(a.literal_text) + "\"";
      return out;
    }
    case Atom::Kind::number: return op_name(a.op) + " " + number_text(a.number);
    case Atom::Kind::cidr: {
      char buf[INET6_ADDRSTRLEN];
      inet_ntop(a.v6 ? AF_INET6 : AF_INET, a.network, buf, sizeof buf);
      return "cidr " + std::string(buf) + "/" + std::to_string(a.prefix_len);
    }
    case Atom::Kind::exists: return a.exists_wanted ? "exists" : "!exists";
    case Atom::Kind::null: return "null";
    case Atom::Kind::fieldref:
      return "fieldref " + a.other_field + (a.fieldref_cased ? " cased" : "");
  }
  return "?";
}

inline std::string dump_condition(const Condition& c, const std::vector<Selection>& sels) {
  if (c.op == Condition::Op::selection)
    return c.selection >= 0 && static_cast<size_t>(c.selection) < sels.size()
               ? sels[c.selection].name
               : "#" + std::to_string(c.selection);
  std::string out = c.op == Condition::Op::all_of   ? "and("
                    : c.op == Condition::Op::any_of ? "or("
                                                    : "not(";
  for (size_t i = 0; i < c.operands.size(); ++i)
    out += (i ? ", " : "") + dump_condition(c.operands[i], sels);
  return out + ")";
}

inline std::string dump_rule(const Rule& r) {
  std::string out = "rule " + r.meta.title + (r.generate ? "" : " generate=no") + "\n";
  for (const Selection& s : r.selections) {
    out += "  " + s.name + "\n";
    for (const auto& alternative : s.alternatives) {
      std::string mark = "|";
      for (const FieldMatch& m : alternative) {
        out += "    " + mark + " " + m.field + (m.all ? "[all]" : "") + ":";
        for (size_t i = 0; i < m.atoms.size(); ++i) out += (i ? ", " : " ") + dump_atom(m.atoms[i]);
        out += "\n";
        mark = " ";
      }
    }
  }
  return out + "  condition: " + dump_condition(r.condition, r.selections) + "\n";
}

inline std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

inline std::string dump_correlation(const Correlation& c) {
  static constexpr const char* kTypes[] = {"event_count", "value_count", "temporal",
                                           "temporal_ordered"};
  std::string out = "correlation " + c.meta.title + " type=" + kTypes[static_cast<int>(c.type)] +
                    " rules=" + join(c.rules) + " group-by=" + join(c.group_by) +
                    " timespan=" + std::to_string(c.timespan_us / 1000000) + "s";
  for (const Correlation::Bound& b : c.condition)
    out += " " + op_name(b.op) + "=" + number_text(b.value);
  if (!c.value_field.empty()) out += " field=" + c.value_field;
  if (c.generate) out += " generate=yes";
  out += "\n";
  for (const Correlation::Alias& a : c.aliases) {
    out += "  alias " + a.name + ":";
    for (const auto& [rule, field] : a.per_rule) out += " " + rule + "=" + field;
    out += "\n";
  }
  return out;
}

inline std::string dump_problem(const Problem& p) {
  static constexpr const char* kKinds[] = {"error", "unsupported", "other_source"};
  return std::string("problem ") + kKinds[static_cast<int>(p.kind)] +
         " line=" + std::to_string(p.line) + (p.rule.empty() ? "" : " rule=" + p.rule) + ": " +
         p.reason + "\n";
}

inline std::string dump(const LoadedRules& loaded) {
  std::string out;
  for (const Rule& r : loaded.rules) out += dump_rule(r);
  for (const Correlation& c : loaded.correlations) out += dump_correlation(c);
  for (const Problem& p : loaded.problems) out += dump_problem(p);
  return out;
}

}  // namespace shodo::detect::sigma::testing

#include "detect/sigma/correlation.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "detect/sigma/modifiers/modifiers.h"
#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma {
namespace {

Correlation::Type read_type(const YAML::Node& node, DocReader& reader) {
  if (!node) fail("the correlation has no 'type'");
  const std::string type = reader.scalar(node, "'type'");
  if (type == "event_count") return Correlation::Type::event_count;
  if (type == "value_count") return Correlation::Type::value_count;
  if (type == "temporal") return Correlation::Type::temporal;
  if (type == "temporal_ordered") return Correlation::Type::temporal_ordered;
  static constexpr std::string_view kLater[] = {"value_sum", "value_avg", "value_percentile",
                                                "value_median"};
  for (const std::string_view t : kLater)
    if (type == t)
      throw RuleError{Problem::Kind::unsupported,
                      "correlation type '" + type + "' is not supported", reader.line(node)};
  reader.fail(node, "unknown correlation type '" + type +
                        "' (event_count, value_count, temporal, temporal_ordered)");
}

void read_condition(const YAML::Node& node, DocReader& reader, Correlation& out) {
  if (!node.IsMap()) reader.fail(node, "the correlation 'condition' must be a map like {gte: 10}");
  static const struct {
    std::string_view name;
    Atom::Op op;
  } kOps[] = {{"gt", Atom::Op::gt},
              {"gte", Atom::Op::gte},
              {"lt", Atom::Op::lt},
              {"lte", Atom::Op::lte},
              {"eq", Atom::Op::eq}};
  for (const auto& entry : node) {
    const std::string key = reader.scalar(entry.first, "a condition operator");
    const std::string value = reader.scalar(entry.second, "'" + key + "'");
    if (key == "field") {
      out.value_field = value;
      continue;
    }
    const auto op = std::find_if(std::begin(kOps), std::end(kOps),
                                 [&](const auto& o) { return o.name == key; });
    if (op == std::end(kOps))
      reader.fail(entry.first,
                  "unknown correlation condition '" + key + "' (gt, gte, lt, lte, eq, field)");
    const auto number = modifiers::number_atom(value, op->op);
    if (!number) reader.fail(entry.second, "'" + key + "' needs a number, not '" + value + "'");
    out.condition.push_back({op->op, number->number});
  }
}

void read_aliases(const YAML::Node& node, DocReader& reader, Correlation& out) {
  if (!node.IsMap()) reader.fail(node, "'aliases' must map alias names to {rule: field}");
  for (const auto& alias : node) {
    Correlation::Alias a;
    a.name = reader.scalar(alias.first, "an alias name");
    if (!alias.second.IsMap()) reader.fail(alias.second, "alias '" + a.name + "' must be a map");
    for (const auto& per_rule : alias.second)
      a.per_rule.emplace_back(reader.scalar(per_rule.first, "a rule name"),
                              reader.scalar(per_rule.second, "a field name"));
    out.aliases.push_back(std::move(a));
  }
}

}  // namespace

int64_t parse_timespan(std::string_view text) {
  if (text.size() < 2) return 0;
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, n);
  if (ec != std::errc{} || end != text.data() + text.size() - 1 || n <= 0) return 0;
  int64_t unit_s = 0;
  switch (text.back()) {
    case 's': unit_s = 1; break;
    case 'm': unit_s = 60; break;
    case 'h': unit_s = 3600; break;
    case 'd': unit_s = 86400; break;
    default: return 0;
  }
  // Beyond ~290000 years the microseconds would overflow.
  if (n > INT64_MAX / (unit_s * 1000000)) return 0;
  return n * unit_s * 1000000;
}

void read_correlation(const YAML::Node& doc, DocReader& reader, Correlation& out) {
  const YAML::Node section = doc["correlation"];
  if (!section.IsMap()) reader.fail(section, "'correlation' must be a map");
  out.type = read_type(section["type"], reader);

  const YAML::Node rules = section["rules"];
  if (!rules || rules.IsNull()) reader.fail(section, "the correlation names no 'rules'");
  out.rules = reader.strings(rules, "'rules'");

  if (const YAML::Node group_by = section["group-by"]; group_by && !group_by.IsNull())
    out.group_by = reader.strings(group_by, "'group-by'");

  const YAML::Node timespan = section["timespan"];
  if (!timespan) reader.fail(section, "the correlation has no 'timespan'");
  const std::string span = reader.scalar(timespan, "'timespan'");
  out.timespan_us = parse_timespan(span);
  if (out.timespan_us == 0)
    reader.fail(timespan,
                "'timespan' must be a number and s, m, h or d (like 5m), not '" + span + "'");

  const bool counts =
      out.type == Correlation::Type::event_count || out.type == Correlation::Type::value_count;
  if (const YAML::Node condition = section["condition"]; condition && !condition.IsNull())
    read_condition(condition, reader, out);
  else if (counts)
    reader.fail(section, "an event_count or value_count correlation needs a 'condition'");
  if (out.type == Correlation::Type::value_count && out.value_field.empty())
    reader.fail(section, "a value_count correlation needs 'field' in its condition");
  if (out.type != Correlation::Type::value_count && !out.value_field.empty())
    reader.fail(section, "only value_count correlations take a 'field'");

  if (const YAML::Node aliases = section["aliases"]; aliases && !aliases.IsNull())
    read_aliases(aliases, reader, out);

  // The spec puts `generate` at the top of the document; some write it
  // inside `correlation:`.
  for (const YAML::Node& generate : {doc["generate"], section["generate"]}) {
    if (!generate || generate.IsNull()) continue;
    const std::string g = reader.scalar(generate, "'generate'");
    if (g != "true" && g != "false") reader.fail(generate, "'generate' must be true or false");
    out.generate = g == "true";
  }
}

}  // namespace shodo::detect::sigma

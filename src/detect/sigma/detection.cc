#include "detect/sigma/detection.h"

#include <optional>

#include "detect/sigma/condition.h"
#include "detect/sigma/modifiers/modifiers.h"
#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma {
namespace {

// Most atoms one rule may have in all; windash and base64offset multiply
// values, aliases repeat them.
constexpr size_t kMaxAtomsPerRule = 20000;

modifiers::Value read_value(const YAML::Node& node, DocReader& reader) {
  if (node.IsNull()) {
    reader.charge(node);
    return modifiers::null_value();
  }
  return modifiers::make_value(reader.scalar(node, "a field value"));
}

std::vector<modifiers::Value> read_values(const YAML::Node& node, DocReader& reader) {
  std::vector<modifiers::Value> values;
  if (!node.IsSequence()) {
    values.push_back(read_value(node, reader));
    return values;
  }
  reader.charge(node);
  if (node.size() == 0) reader.fail(node, "a field has an empty list of values");
  for (const YAML::Node& item : node) values.push_back(read_value(item, reader));
  return values;
}

// Builds a FieldMatch, placing its errors at the node's line.
FieldMatch field_match(const std::string& key, std::vector<modifiers::Value> values,
                       const YAML::Node& at, const DocReader& reader) {
  std::vector<std::string> mods;
  size_t bar = key.find('|');
  const std::string field = key.substr(0, bar);
  while (bar != std::string::npos) {
    const size_t next = key.find('|', bar + 1);
    mods.push_back(key.substr(bar + 1, next == std::string::npos ? next : next - bar - 1));
    bar = next;
  }
  try {
    return modifiers::field_match(field, mods, std::move(values));
  } catch (RuleError& e) {
    if (e.line == 0) e.line = reader.line(at);
    e.reason = "'" + key + "': " + e.reason;
    throw;
  }
}

std::vector<FieldMatch> read_map(const YAML::Node& node, DocReader& reader) {
  if (node.size() == 0) reader.fail(node, "a selection map is empty");
  std::vector<FieldMatch> matches;
  for (const auto& entry : node) {
    const std::string key = reader.scalar(entry.first, "a field name");
    matches.push_back(field_match(key, read_values(entry.second, reader), entry.first, reader));
  }
  return matches;
}

Selection read_selection(const std::string& name, const YAML::Node& node, DocReader& reader) {
  reader.charge(node);
  Selection sel;
  sel.name = name;
  if (node.IsMap()) {
    sel.alternatives.push_back(read_map(node, reader));
    return sel;
  }
  if (node.IsNull()) reader.fail(node, "selection '" + name + "' is empty");
  // A list of maps is alternatives; a list of plain values, keywords.
  if (node.IsSequence() && node.size() > 0 && node[0].IsMap()) {
    for (const YAML::Node& item : node) {
      if (!item.IsMap())
        reader.fail(item, "selection '" + name + "' mixes maps and plain values in one list");
      sel.alternatives.push_back(read_map(item, reader));
    }
    return sel;
  }
  sel.alternatives.push_back({field_match("", read_values(node, reader), node, reader)});
  return sel;
}

size_t count_atoms(const Selection& selection) {
  size_t n = 0;
  for (const auto& alternative : selection.alternatives)
    for (const FieldMatch& m : alternative) n += m.atoms.size();
  return n;
}

}  // namespace

void read_detection(const YAML::Node& detection, DocReader& reader, Rule& rule) {
  if (!detection.IsMap()) reader.fail(detection, "'detection' must be a map of selections");
  std::optional<YAML::Node> condition;
  size_t atoms = 0;
  for (const auto& entry : detection) {
    const std::string name = reader.scalar(entry.first, "a selection name");
    if (name == "condition") {
      condition = entry.second;
    } else if (name != "timeframe") {  // Sigma v1, used only by aggregations
      rule.selections.push_back(read_selection(name, entry.second, reader));
      atoms += count_atoms(rule.selections.back());
      if (atoms > kMaxAtomsPerRule)
        reader.fail(entry.second, "the rule has more than " + std::to_string(kMaxAtomsPerRule) +
                                      " values in all");
    }
  }
  if (!condition) reader.fail(detection, "'detection' has no 'condition'");
  std::vector<Condition> alternatives;
  for (const std::string& text : reader.strings(*condition, "'condition'")) {
    try {
      alternatives.push_back(parse_condition(text, rule.selections));
    } catch (RuleError& e) {
      if (e.line == 0) e.line = reader.line(*condition);
      throw;
    }
  }
  if (alternatives.empty()) reader.fail(*condition, "'condition' is an empty list");
  rule.condition = any_of(std::move(alternatives));
}

}  // namespace shodo::detect::sigma

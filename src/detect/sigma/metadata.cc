#include "detect/sigma/metadata.h"

namespace shodo::detect::sigma {
namespace {

std::string optional_scalar(const YAML::Node& map, const char* key, DocReader& reader) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return {};
  return reader.scalar(node, std::string("'") + key + "'");
}

std::vector<std::string> optional_strings(const YAML::Node& map, const char* key,
                                          DocReader& reader) {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return {};
  return reader.strings(node, std::string("'") + key + "'");
}

std::optional<Level> level_by_name(const std::string& name) {
  static const struct {
    std::string_view name;
    Level level;
  } kLevels[] = {{"informational", Level::informational},
                 {"low", Level::low},
                 {"medium", Level::medium},
                 {"high", Level::high},
                 {"critical", Level::critical}};
  for (const auto& l : kLevels)
    if (l.name == name) return l.level;
  return std::nullopt;
}

}  // namespace

RuleMeta read_meta(const YAML::Node& doc, DocReader& reader, std::vector<std::string>& warnings) {
  RuleMeta meta;
  meta.id = optional_scalar(doc, "id", reader);
  meta.name = optional_scalar(doc, "name", reader);
  meta.title = optional_scalar(doc, "title", reader);
  meta.description = optional_scalar(doc, "description", reader);
  meta.status = optional_scalar(doc, "status", reader);
  meta.author = optional_scalar(doc, "author", reader);
  meta.date = optional_scalar(doc, "date", reader);
  meta.modified = optional_scalar(doc, "modified", reader);
  meta.tags = optional_strings(doc, "tags", reader);
  meta.references = optional_strings(doc, "references", reader);
  meta.falsepositives = optional_strings(doc, "falsepositives", reader);
  meta.fields = optional_strings(doc, "fields", reader);
  const YAML::Node shodo = doc["shodo"];
  if (shodo && shodo.IsMap())
    meta.title_ja = optional_scalar(shodo, "title_ja", reader);
  else if (shodo && !shodo.IsNull())
    reader.fail(shodo, "'shodo' must be a map");
  meta.line = reader.line(doc);

  const std::string level = optional_scalar(doc, "level", reader);
  if (auto l = level_by_name(level)) {
    meta.level = *l;
  } else if (!level.empty()) {
    warnings.push_back("level '" + level +
                       "' is not informational, low, medium, high or critical; medium is used");
  }
  return meta;
}

Examples read_examples(const YAML::Node& doc, DocReader& reader,
                       const std::string& default_format) {
  Examples ex;
  ex.format = default_format;
  ex.tz = "UTC";
  const YAML::Node node = doc["examples"];
  if (!node || node.IsNull()) return ex;
  if (!node.IsMap()) reader.fail(node, "'examples' must be a map (format, tz, match, no_match)");
  if (std::string f = optional_scalar(node, "format", reader); !f.empty()) ex.format = f;
  if (std::string tz = optional_scalar(node, "tz", reader); !tz.empty()) ex.tz = tz;
  ex.match = optional_strings(node, "match", reader);
  ex.no_match = optional_strings(node, "no_match", reader);
  return ex;
}

std::string rule_label(const YAML::Node& doc) {
  for (const char* key : {"id", "title"})
    if (const YAML::Node n = doc[key]; n && n.IsScalar() && !n.Scalar().empty()) return n.Scalar();
  return {};
}

}  // namespace shodo::detect::sigma

// Rule metadata (title, id, level, tags...) and shodo's `examples:` extension,
// shared by detection and correlation rules.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "detect/sigma/doc_reader.h"
#include "detect/sigma/rule.h"

namespace shodo::detect::sigma {

// Reads the metadata of a rule document (a map). A malformed attribute
// throws a RuleError; an unknown `level` is kept as medium and reported
// through `warnings`.
RuleMeta read_meta(const YAML::Node& doc, DocReader& reader, std::vector<std::string>& warnings);

// Reads `examples:` if present; `default_format` when it names no format.
Examples read_examples(const YAML::Node& doc, DocReader& reader, const std::string& default_format);

// What a Problem calls the rule of a document: its id, else its title
// (empty when neither is a plain value).
std::string rule_label(const YAML::Node& doc);

}  // namespace shodo::detect::sigma

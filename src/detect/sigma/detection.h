// The `detection:` section of a rule: selections and condition.
#pragma once

#include <yaml-cpp/yaml.h>

#include "detect/sigma/doc_reader.h"
#include "detect/sigma/rule.h"

namespace shodo::detect::sigma {

// Fills rule.selections and rule.condition; throws a RuleError.
void read_detection(const YAML::Node& detection, DocReader& reader, Rule& rule);

}  // namespace shodo::detect::sigma

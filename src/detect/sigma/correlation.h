// Sigma v2 correlation rules (`correlation:` documents).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "detect/sigma/doc_reader.h"
#include "detect/sigma/rule.h"

namespace shodo::detect::sigma {

// Reads the `correlation:` section and `generate`; the caller fills meta and
// examples. Throws a RuleError. References stay as written until
// resolve_correlations() (loader.h) checks them.
void read_correlation(const YAML::Node& doc, DocReader& reader, Correlation& out);

// "30s", "5m", "1h", "2d" in microseconds; 0 when malformed.
int64_t parse_timespan(std::string_view text);

}  // namespace shodo::detect::sigma

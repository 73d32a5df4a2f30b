// A finding's fields for other tools, by name: ECS names where ECS has one
// (the same as `shodo events`: @timestamp, source.ip, log.file.path...),
// shodo.* otherwise. jsonl/json leave absent fields out; csv has one column
// per field, empty when absent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "ingest/ingest.h"

namespace shodo::report {

struct FindingField {
  enum class Kind : uint8_t {
    text,    // from the evidence or a rule: escaped everywhere
    own,     // written by shodo (times, offsets, names): a JSON string, a CSV cell as is
    number,  // decimal
    list,    // of text
  };
  std::string_view key;
  Kind kind = Kind::text;
  std::string text;  // text, or a number in decimal; empty when absent
  std::vector<std::string> list;
};

// Always the same fields in the same order (any finding gives the CSV header).
std::vector<FindingField> finding_fields(const detect::Finding& f, const ingest::InputSet& inputs);

// The path a citation points to; empty when its file index is out of range.
std::string_view cited_path(const ingest::InputSet& inputs, const detect::Citation& c);

std::string_view source_name(detect::Finding::Source s);  // sigma, correlation, detector

}  // namespace shodo::report

// What sets W3C extended log writers apart, as data: the separator, the
// layout assumed before any #Fields line, and per-field units and encodings.
// Field names map onto the Event through the shared table (source_names.h).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "ingest/formats/json/field_sink.h"

namespace shodo::ingest::w3c {

enum class Decode : uint8_t { none, plus, percent };

// How a dialect treats one field where it differs from the shared names.
struct FieldRule {
  std::string_view name;                  // as in #Fields; matched ignoring case
  std::optional<mapping::Target> target;  // replaces the shared mapping
  Decode decode = Decode::none;
};

struct Dialect {
  char separator;
  std::span<const std::string_view> default_fields;  // for lines before any #Fields
  // Writers add columns at the end over the years: without a header, a line
  // with at least this many fields is read against the default's prefix.
  size_t min_default_fields;
  std::span<const FieldRule> rules;
};

const Dialect& iis_dialect();
const Dialect& cloudfront_dialect();

const FieldRule* find_rule(const Dialect& dialect, std::string_view name);
// A documented W3C field name as static text (for extras' keys), or empty.
std::string_view known_field(std::string_view name);

}  // namespace shodo::ingest::w3c

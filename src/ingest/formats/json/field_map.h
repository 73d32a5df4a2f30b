// Field maps: a user's JSON file telling how another CDN's JSON, CSV or TSV
// log maps onto Event fields (--log-format map:FILE).
//
//   {"format": "json" | "csv" | "tsv",
//    "header": true,                    csv/tsv: the first line names the columns
//    "columns": ["ip", "when", ...],    csv/tsv without a header line
//    "fields": {"source.ip": "ClientIP", "url.original": "ClientRequestURI"},
//    "time": {"field": "EdgeStartTimestamp", "format": "epoch_ns"},
//    "duration": {"field": "OriginResponseDurationMs", "unit": "ms"},
//    "url_decode": ["UA"],              sources whose %XX escapes are decoded once
//    "description": "free text"}
//
// "fields" keys are anything field_by_name() accepts; values are source keys
// (dotted paths into nested JSON) or column names. Sources not named are kept
// as extras under their own name.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/formats/json/field_sink.h"

namespace shodo::ingest::json {

struct FieldMapSpec {
  enum class Format : uint8_t { json, csv, tsv };
  Format format = Format::json;
  bool header = false;
  std::vector<std::string> columns;
  // Source key or column name to its target, sorted by source.
  std::vector<std::pair<std::string, mapping::Target>> sources;
  std::vector<std::string> url_decoded;  // sorted

  const mapping::Target* find(std::string_view source) const;
  bool decodes(std::string_view source) const;
};

// Reads and checks a map file. False with a message naming the file, the key
// at fault and what was expected.
bool load_field_map(std::string_view path, FieldMapSpec& spec, std::string& error);

}  // namespace shodo::ingest::json

// JSON lines access logs and user field maps.
#include "ingest/formats/json/field_map.h"
#include "ingest/formats/json/field_map_parser.h"
#include "ingest/formats/json/json_lines.h"
#include "ingest/formats/registry.h"

namespace shodo::ingest {

void register_json_formats(FormatRegistry& r) {
  // Specificity 10: any JSON object parses, so any more specific format wins a tie.
  r.add(
      "json", LogKind::web_access,
      "JSON lines: one object per line (Nginx escape=json, ECS, CDN exports); keys mapped by name",
      [] { return json::make_json_lines_parser(); }, 10);
}

std::unique_ptr<LineParser> make_field_map_parser(std::string_view map_file, std::string& error) {
  auto spec = std::make_shared<json::FieldMapSpec>();
  if (!json::load_field_map(map_file, *spec, error)) return nullptr;
  return json::make_mapped_parser(std::move(spec));
}

}  // namespace shodo::ingest

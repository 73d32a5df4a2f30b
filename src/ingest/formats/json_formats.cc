// PLACEHOLDER: filled by the json parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_json_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
namespace shodo::ingest {
std::unique_ptr<LineParser> make_field_map_parser(std::string_view, std::string& error) {
  error = "field maps not built yet";
  return nullptr;
}
}  // namespace shodo::ingest

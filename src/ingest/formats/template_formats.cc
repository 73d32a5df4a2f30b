// PLACEHOLDER: filled by the template parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_template_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
namespace shodo::ingest {
std::unique_ptr<LineParser> make_apache_format_parser(std::string_view, std::string& error) {
  error = "apache formats not built yet";
  return nullptr;
}
std::unique_ptr<LineParser> make_nginx_format_parser(std::string_view, std::string& error) {
  error = "nginx formats not built yet";
  return nullptr;
}
}  // namespace shodo::ingest

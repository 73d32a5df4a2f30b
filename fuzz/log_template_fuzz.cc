// User-given formats: an Apache LogFormat, an Nginx log_format or a JSON/CSV
// field map (the first byte says which), written on the first line and
// compiled, then the following lines parsed with it.
#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/formats/registry.h"

namespace shodo::fuzz {

int log_template(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text = as_text(data + 1, size - 1);
  const size_t nl = text.find('\n');
  const std::string_view spec = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  std::string error;
  std::unique_ptr<ingest::LineParser> parser;
  switch (data[0] % 3) {
    case 0: parser = ingest::make_apache_format_parser(spec, error); break;
    case 1: parser = ingest::make_nginx_format_parser(spec, error); break;
    default: parser = ingest::make_field_map_parser(memory_file(spec), error); break;
  }
  if (!parser) return 0;
  ingest::FileContext file;
  file.path = "access.log";
  file.zone = fuzz_zone();
  parse_lines(*parser, ingest::LogKind::web_access, split_lines(text), file);
  return 0;
}

}  // namespace shodo::fuzz

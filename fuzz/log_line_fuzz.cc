// Every preset parser (access, W3C/IIS, JSON, AWS, syslog with auth and
// mail, error logs, shell histories): the first byte picks the preset, the
// rest is a file of lines parsed in order (IIS headers and history stamps
// carry state from line to line).
#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/formats/registry.h"

namespace shodo::fuzz {

int log_line(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& formats = ingest::FormatRegistry::instance().formats();
  const ingest::FormatInfo& format = formats[data[0] % formats.size()];
  ingest::FileContext file;
  file.path = "home/u/.bash_history";
  file.mtime_s = 1710000000;
  file.zone = fuzz_zone();
  const auto parser = format.make();
  parse_lines(*parser, format.kind, split_lines(as_text(data + 1, size - 1)), file);
  return 0;
}

}  // namespace shodo::fuzz

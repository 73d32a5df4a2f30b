// The findings.json reader (`shodo pivot` reads an investigated case's
// file, which a case folder from elsewhere may have been given): whatever it
// accepts must write back out and read again the same way.
#include <cstdlib>

#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "investigate/investigation.h"
#include "report/investigation_json.h"

namespace shodo::fuzz {

int findings_json(const uint8_t* data, size_t size) {
  investigate::Investigation first;
  std::string error;
  if (!report::parse_findings_json(as_text(data, size), first, error)) return 0;
  const std::string written = report::findings_json(first);
  investigate::Investigation second;
  if (!report::parse_findings_json(written, second, error)) std::abort();
  if (report::findings_json(second) != written) std::abort();
  return 0;
}

}  // namespace shodo::fuzz

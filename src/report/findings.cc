#include "report/findings.h"

#include "report/findings_formats.h"

namespace shodo::report {

std::string render_hunt(const HuntReport& r, std::string_view format) {
  if (format == "json") return render_hunt_json(r);
  if (format == "jsonl") return render_hunt_jsonl(r);
  if (format == "csv") return render_hunt_csv(r);
  return render_hunt_text(r);
}

}  // namespace shodo::report

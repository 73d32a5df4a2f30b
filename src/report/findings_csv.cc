// csv: one row per finding, the columns named as the JSON fields.
#include "report/finding_fields.h"
#include "report/findings_formats.h"
#include "util/escape.h"

namespace shodo::report {

std::string render_hunt_csv(const HuntReport& r) {
  std::string out;
  const char* sep = "";
  for (const FindingField& field : finding_fields(detect::Finding{}, *r.inputs)) {
    out += sep;
    out += field.key;
    sep = ",";
  }
  out += '\n';
  for (const auto& f : *r.findings) {
    sep = "";
    for (const FindingField& field : finding_fields(f, *r.inputs)) {
      out += sep;
      sep = ",";
      switch (field.kind) {
        case FindingField::Kind::own:
        case FindingField::Kind::number: out += field.text; break;
        case FindingField::Kind::text: util::append_csv_cell(out, field.text); break;
        case FindingField::Kind::list: {
          std::string joined;
          for (size_t i = 0; i < field.list.size(); ++i) joined += (i ? " " : "") + field.list[i];
          util::append_csv_cell(out, joined);
          break;
        }
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace shodo::report

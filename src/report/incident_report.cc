// The reports' entry point: build the document, write it in the format asked.
#include "report/incident_report.h"

#include "report/incident_report_internal.h"

namespace shodo::report {

std::string render_incident_report(const investigate::Investigation& inv, ReportKind kind,
                                   std::string_view format, std::string_view lang) {
  const incident::Document doc = kind == ReportKind::disk
                                     ? incident::build_disk_report(inv, lang)
                                     : incident::build_initial_report(inv, lang);
  return format == "md" ? incident::write_markdown(doc) : incident::write_html(doc);
}

}  // namespace shodo::report

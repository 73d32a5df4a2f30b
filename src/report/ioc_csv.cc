// The indicators as a flat CSV, for spreadsheets and block lists.
#include "report/ioc_export.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::report {

std::string ioc_csv(const investigate::Investigation& inv) {
  std::string out =
      "type,value,validated,first_seen,last_seen,description_en,description_ja,findings\n";
  for (const investigate::Indicator& i : inv.indicators) {
    for (const std::string& cell :
         {i.type, i.value, std::string(i.validated ? "true" : "false"), utc_or_empty(i.first_seen),
          utc_or_empty(i.last_seen), i.description.en, i.description.ja,
          joined_ids(i.finding_ids)}) {
      util::append_csv_cell(out, cell);
      out += ',';
    }
    out.back() = '\n';
  }
  return out;
}

}  // namespace shodo::report

#include "cli/findings_input.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "report/investigation_json.h"
#include "util/escape.h"

namespace shodo::cli {

bool load_findings(const CaseOptions& c, const std::string& from, const char* command,
                   investigate::Investigation& out, std::string* case_knowledge_date) {
  std::string path = from;
  if (path.empty()) {
    OpenCase open;
    if (!open_case(c, CaseAccess::read, command, open)) return false;
    path = open.dir.reports() + "/findings.json";
    cases::CaseFields fields;
    if (case_knowledge_date && open.store && open.store->fields(fields))
      *case_knowledge_date = fields.knowledge_date;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr,
                 "shodo %s: %s: cannot read (run shodo investigate first, or give --from)\n",
                 command, util::escape_terminal(path).c_str());
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  if (!report::parse_findings_json(text.str(), out, error)) {
    std::fprintf(stderr, "shodo %s: %s: %s\n", command, util::escape_terminal(path).c_str(),
                 error.c_str());
    return false;
  }
  return true;
}

}  // namespace shodo::cli

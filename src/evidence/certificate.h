// The deletion certificate (削除証明書): JSON for machines, and a printable,
// self-contained HTML page in Japanese and English, in reports/.
#pragma once

#include "evidence/evidence.h"

namespace shodo::evidence {

Status write_certificate(const Session& s, const cases::CaseFields& fields, PurgeReport& report,
                         const cases::CustodyEvent& purge_event);

// Text for HTML element content and attribute values.
void append_html_escaped(std::string& out, std::string_view s);

}  // namespace shodo::evidence

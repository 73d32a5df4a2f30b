// The human-readable reports of `shodo investigate`: the initial
// investigation report (初動調査報告書) and the disk investigation report
// (ハードディスク調査結果報告書) handed to the breached organisation, and the
// summary printed at the end of the run. Every fact in a report links to the
// finding or evidence position it comes from; evidence text is escaped for
// the medium.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "investigate/investigation.h"

namespace shodo::report {

enum class ReportKind { initial, disk };  // 初動調査報告書 / ハードディスク調査結果報告書

// format: "html" (one self-contained file that opens offline) or "md"; lang: "ja" or "en".
// Times are shown in the case's display zone.
std::string render_incident_report(const investigate::Investigation& inv, ReportKind kind,
                                   std::string_view format, std::string_view lang);

// The terminal summary printed at the end of `shodo investigate`: verdict, window, top
// attackers, webshells, changed files (counts and the first few), then the `outputs`
// ("label: path") saying where files were written. Evidence text escaped for a terminal.
std::string render_investigation_summary(
    const investigate::Investigation& inv, std::string_view lang,
    const std::vector<std::pair<std::string, std::string>>& outputs);

}  // namespace shodo::report

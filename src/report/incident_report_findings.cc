// One entry per finding, each under a heading whose anchor is the finding's
// id: the place every citation link in the report leads to.
#include <fmt/format.h>

#include "report/incident_report_internal.h"
#include "report/text_format.h"

namespace shodo::report::incident {
namespace {

Fields finding_fields(const Builder& b, const investigate::FindingRecord& f) {
  Fields fields;
  b.field(fields, "Level", "レベル",
          {plain(b.words(Term::level, investigate::level_name(f.level)))});
  b.field(fields, "Time", "日時", {plain(b.period(f.time, f.last_time))});
  std::string outcome = b.words(Term::outcome, f.outcome);
  if (!f.outcome_reason.empty())
    outcome += std::string(b.tr(" (", "（")) + f.outcome_reason + std::string(b.tr(")", "）"));
  b.field(fields, "Outcome", "結果", {plain(outcome)});
  if (!f.client_ip.empty())
    b.field(fields, "Client IP", "送信元 IP アドレス", {plain(f.client_ip)});
  if (!f.user.empty()) b.field(fields, "User", "ユーザー", {code(f.user)});
  if (!f.method.empty()) {
    Inlines request{code(f.method + " " + f.path)};
    if (f.status >= 0) request.push_back(plain(fmt::format(" → {}", f.status)));
    if (f.bytes >= 0)
      request.push_back(plain(fmt::format(fmt::runtime(b.tr(", {} bytes", "、{} バイト")),
                                          grouped(static_cast<uint64_t>(f.bytes)))));
    b.field(fields, "Request", "リクエスト", std::move(request));
  } else if (!f.path.empty()) {
    b.field(fields, "Path", "パス", {code(f.path)});
  }
  if (f.count > 1) b.field(fields, "Events", "件数", {plain(grouped(f.count))});
  b.field(fields, "Rule", "ルール",
          {code(f.rule), plain(std::string(b.tr(" (", "（")) + b.words(Term::origin, f.origin) +
                               std::string(b.tr(")", "）")))});
  if (!f.techniques.empty()) b.field(fields, "ATT&CK", "ATT&CK", {plain(joined(f.techniques))});
  b.field(fields, "Source", "出典", {code(f.source.empty() ? "—" : Builder::place(f.source))});
  if (!f.sha256.empty()) b.field(fields, "SHA-256", "SHA-256", {code(f.sha256)});
  return fields;
}

}  // namespace

void add_findings(Builder& b, const std::vector<const investigate::FindingRecord*>& findings) {
  if (findings.empty()) {
    b.note("No findings.", "所見はありません。");
    return;
  }
  std::set<std::string> anchored;  // a repeated id gets one anchor, so ids stay unique
  for (const auto* f : findings) {
    const bool anchor = b.anchors.contains(f->id) && anchored.insert(f->id).second;
    b.add(Heading{3, f->id + " " + b.text(f->title), anchor ? f->id : std::string()});
    b.add(finding_fields(b, *f));
    if (const std::string& detail = b.text(f->detail); !detail.empty())
      b.add(Paragraph{{plain(detail)}});
    if (!f->excerpt.empty()) b.add(CodeBlock{f->excerpt});
  }
}

}  // namespace shodo::report::incident

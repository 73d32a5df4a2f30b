#include "report/finding_fields.h"

#include "ingest/event_json.h"
#include "report/text_format.h"

namespace shodo::report {
namespace {

using Kind = FindingField::Kind;

std::string number_or_empty(int64_t n) {
  return n < 0 ? std::string() : std::to_string(n);
}

}  // namespace

std::string_view cited_path(const ingest::InputSet& inputs, const detect::Citation& c) {
  return c.file_index < inputs.files.size() ? std::string_view(inputs.files[c.file_index].path)
                                            : std::string_view();
}

std::string_view source_name(detect::Finding::Source s) {
  switch (s) {
    case detect::Finding::Source::sigma: return "sigma";
    case detect::Finding::Source::correlation: return "correlation";
    case detect::Finding::Source::detector: return "detector";
  }
  return "sigma";
}

std::vector<FindingField> finding_fields(const detect::Finding& f, const ingest::InputSet& inputs) {
  const bool aggregated = f.last_time != ingest::kNoTime && f.last_time != f.time;
  return {
      {"@timestamp", Kind::own, utc_or_empty(f.time), {}},
      {"event.timezone",
       Kind::own,
       f.time == ingest::kNoTime ? std::string() : ingest::format_offset(f.utc_offset_s),
       {}},
      {"event.end", Kind::own, aggregated ? utc_or_empty(f.last_time) : std::string(), {}},
      {"rule.id", Kind::text, f.rule_id, {}},
      {"rule.title", Kind::text, f.title, {}},
      {"rule.title_ja", Kind::text, f.title_ja, {}},
      {"rule.level", Kind::own, std::string(detect::level_name(f.level)), {}},
      {"rule.source", Kind::own, std::string(source_name(f.source)), {}},
      {"threat.technique.id", Kind::list, {}, f.techniques},
      {"source.ip", Kind::text, f.client_ip, {}},
      {"user.name", Kind::text, f.user, {}},
      {"shodo.match.field", Kind::text, f.field, {}},
      {"shodo.match.value", Kind::text, f.value, {}},
      {"http.request.method", Kind::text, f.method, {}},
      {"url.path", Kind::text, f.path, {}},
      {"http.response.status_code", Kind::number, number_or_empty(f.status), {}},
      {"http.response.body.bytes", Kind::number, number_or_empty(f.bytes), {}},
      {"shodo.outcome", Kind::own, std::string(detect::outcome_name(f.outcome)), {}},
      {"shodo.outcome_reason", Kind::text, f.outcome_reason, {}},
      {"shodo.count", Kind::number, std::to_string(f.count), {}},
      {"shodo.detail", Kind::text, f.detail, {}},
      {"shodo.detail_ja", Kind::text, f.detail_ja, {}},
      {"log.file.path", Kind::text, std::string(cited_path(inputs, f.cite)), {}},
      {"log.file.line", Kind::number, std::to_string(f.cite.line), {}},
      {"log.offset", Kind::number, std::to_string(f.cite.offset), {}},
  };
}

}  // namespace shodo::report

// jsonl: one object per finding. json: one document with a summary, the
// findings (the same objects) and the attackers.
#include <array>
#include <nlohmann/json.hpp>

#include "report/attackers.h"
#include "report/finding_fields.h"
#include "report/findings_formats.h"
#include "report/ingest_summary.h"
#include "report/json_writer.h"
#include "report/text_format.h"

namespace shodo::report {
namespace {

void append_citation(std::string& out, const ingest::InputSet& inputs, const detect::Citation& c) {
  JsonObject o(out);
  o.text("log.file.path", cited_path(inputs, c));
  o.number("log.file.line", c.line);
  o.number("log.offset", c.offset);
  o.close();
}

void append_finding(std::string& out, const detect::Finding& f, const ingest::InputSet& inputs) {
  JsonObject o(out);
  for (const FindingField& field : finding_fields(f, inputs)) {
    switch (field.kind) {
      case FindingField::Kind::text:
      case FindingField::Kind::own: o.text(field.key, field.text); break;
      case FindingField::Kind::number:
        if (!field.text.empty()) o.member(field.key) += field.text;
        break;
      case FindingField::Kind::list: o.texts(field.key, field.list); break;
    }
  }
  if (!f.related.empty())
    append_json_array(
        o.member("shodo.related"), f.related,
        [&](std::string& out, const detect::Citation& c) { append_citation(out, inputs, c); });
  o.close();
}

void append_attacker(std::string& out, const Attacker& a) {
  JsonObject o(out);
  o.text("ip", a.ip);
  o.number("findings", a.findings);
  o.number("events", a.events);
  o.text("max_level", detect::level_name(a.max_level));
  o.text("first_seen", utc_or_empty(a.first_time));
  o.text("last_seen", utc_or_empty(a.last_time));
  o.texts("techniques", a.techniques);
  JsonObject outcomes(o.member("outcomes"));
  for (detect::Outcome oc : kOutcomeOrder)
    outcomes.number(detect::outcome_name(oc), a.outcomes[oc]);
  outcomes.close();
  append_json_array(o.member("rules"), a.rules, [](std::string& out, const detect::Finding* f) {
    JsonObject rule(out);
    rule.text("id", f->rule_id);
    rule.text("title", f->title);
    rule.close();
  });
  o.close();
}

// Counts and rule statistics, with the ingest summary's JSON as "ingest".
nlohmann::ordered_json summary_json(const HuntReport& r, size_t attackers) {
  std::array<uint64_t, 5> by_level{};
  uint64_t events = 0;
  for (const auto& f : *r.findings) {
    events += f.count;
    ++by_level[static_cast<size_t>(f.level)];
  }
  nlohmann::ordered_json j;
  j["min_level"] = std::string(detect::level_name(r.min_level));
  j["findings"] = r.findings->size();
  j["events"] = events;
  auto& levels = j["by_level"] = nlohmann::ordered_json::object();
  for (size_t l = by_level.size(); l-- > 0;)
    levels[std::string(detect::level_name(static_cast<detect::Level>(l)))] = by_level[l];
  j["attackers"] = attackers;
  j["rules"] = {{"loaded", r.rules.rules_loaded},
                {"correlations", r.rules.correlations},
                {"detectors", r.rules.detectors},
                {"not_run", r.rules.problems}};
  const IngestSummary ingest{r.inputs, r.ingest, r.seconds, r.verbose, r.lang};
  j["ingest"] = nlohmann::ordered_json::parse(render_ingest_summary(ingest, "json"));
  return j;
}

// [ then one item a line, indented, then ]; just [] when there are none.
template <class T, class F>
void append_item_lines(std::string& out, const std::vector<T>& items, F&& append_item) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    out += i ? ",\n    " : "\n    ";
    append_item(out, items[i]);
  }
  out += items.empty() ? "]" : "\n  ]";
}

}  // namespace

std::string render_hunt_jsonl(const HuntReport& r) {
  std::string out;
  for (const auto& f : *r.findings) {
    append_finding(out, f, *r.inputs);
    out += '\n';
  }
  return out;
}

// Pretty enough to read: the summary indented, one finding or attacker a line.
std::string render_hunt_json(const HuntReport& r) {
  const std::vector<Attacker> attackers = group_by_attacker(*r.findings);
  const std::string summary =
      summary_json(r, attackers.size())
          .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out = "{\n  \"summary\": ";
  for (char c : summary) c == '\n' ? out += "\n  " : out += c;
  out += ",\n  \"findings\": ";
  append_item_lines(out, *r.findings, [&](std::string& o, const detect::Finding& f) {
    append_finding(o, f, *r.inputs);
  });
  out += ",\n  \"attackers\": ";
  append_item_lines(out, attackers, append_attacker);
  out += "\n}\n";
  return out;
}

}  // namespace shodo::report

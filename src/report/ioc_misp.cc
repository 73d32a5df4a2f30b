// A MISP event (MISP core format): one attribute per indicator, to_ids for
// the validated ones, shared within the organisation only and TLP:AMBER
// until the analyst decides otherwise.
#include <nlohmann/json.hpp>

#include "ingest/event_json.h"
#include "report/investigation_json.h"
#include "report/ioc_export.h"

namespace shodo::report {
namespace {

using investigate::Indicator;
using investigate::Investigation;
using investigate::TimeUs;
using Json = nlohmann::ordered_json;

struct MispType {
  std::string_view type, category;  // type "" when MISP has none for it
};

MispType misp_type(const Indicator& i) {
  if (i.type == "ipv4-addr" || i.type == "ipv6-addr") return {"ip-src", "Network activity"};
  if (i.type == "user-agent") return {"user-agent", "Network activity"};
  if (i.type == "file-sha256") return {"sha256", "Payload delivery"};
  if (i.type == "file-path") return {"filename", "Artifacts dropped"};
  // MISP's url is a full URL; a request path alone is a uri.
  if (i.type == "url")
    return {i.value.find("://") == std::string::npos ? "uri" : "url", "Network activity"};
  return {};
}

// 1 high, 2 medium, 3 low, 4 undefined.
std::string_view threat_level(const std::string& verdict) {
  if (verdict == "compromised") return "1";
  if (verdict == "attacked-not-compromised") return "2";
  if (verdict == "no-evidence") return "3";
  return "4";
}

// The day the incident began, else the day of the analysis.
std::string event_date(const Investigation& inv) {
  TimeUs day = inv.window.first_malicious.time;
  if (day == investigate::kNoTime && !parse_findings_time(inv.generated_at, day)) day = 0;
  return ingest::format_utc(day).substr(0, 10);
}

Json attribute(const Investigation& inv, const Indicator& i, const MispType& type) {
  Json a;
  a["uuid"] = case_uuid(inv, "misp-attribute", i.type + '|' + i.value);
  a["type"] = type.type;
  a["category"] = type.category;
  a["value"] = i.value;
  a["to_ids"] = i.validated;
  a["distribution"] = "5";  // as the event
  a["comment"] = indicator_comment(i);
  if (i.first_seen != investigate::kNoTime) a["first_seen"] = utc_micros_time(i.first_seen);
  if (i.last_seen != investigate::kNoTime) a["last_seen"] = utc_micros_time(i.last_seen);
  return a;
}

}  // namespace

std::string misp_event(const Investigation& inv) {
  Json event;
  event["uuid"] = case_uuid(inv, "misp-event", "");
  event["info"] = inv.case_info.number + ": " + inv.case_info.title;
  event["date"] = event_date(inv);
  event["threat_level_id"] = threat_level(inv.verdict.value);
  event["analysis"] = inv.verdict.value == "inconclusive" ? "1" : "2";  // ongoing / completed
  event["distribution"] = "0";                                          // this organisation
  event["published"] = false;
  Json attributes = Json::array();
  for (const Indicator& i : inv.indicators) {
    const MispType type = misp_type(i);
    if (!type.type.empty()) attributes.push_back(attribute(inv, i, type));
  }
  event["Attribute"] = std::move(attributes);
  event["Tag"] = Json::array(
      {Json{{"name", "tlp:amber"}}, Json{{"name", "shodo:verdict=\"" + inv.verdict.value + "\""}}});
  Json root;
  root["Event"] = std::move(event);
  // ASCII only, so evidence text stays inert in a terminal; bytes that are
  // not UTF-8 become U+FFFD (MISP values are Unicode).
  return root.dump(2, ' ', true, Json::error_handler_t::replace) + "\n";
}

}  // namespace shodo::report

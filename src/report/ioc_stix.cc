// STIX 2.1: one bundle with shodo's identity for the case, an indicator per
// validated indicator, observables with an observed-data per other one, and
// a report referencing them all.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "report/investigation_json.h"
#include "report/ioc_export.h"

namespace shodo::report {
namespace {

using investigate::FindingRecord;
using investigate::Indicator;
using investigate::Investigation;
using investigate::TimeUs;
using Json = nlohmann::ordered_json;

// Observable ids are UUIDv5 in this namespace over the canonical JSON of
// their id-contributing properties (STIX 2.1, 2.9).
constexpr std::string_view kStixObservableNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";

// UTC to the millisecond, which STIX requires of `created` and `modified`.
std::string stix_time(TimeUs t) {
  const std::string micros = utc_micros_time(t);  // "...:SS.ffffff+00:00"
  return micros.substr(0, micros.size() - 9) + "Z";
}

// A string literal of the STIX patterning language.
std::string pattern_literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string_view base_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string ip_type(std::string_view ip) {
  return ip.find(':') == std::string_view::npos ? "ipv4-addr" : "ipv6-addr";
}

// "" for a type STIX patterns cannot express.
std::string indicator_pattern(const Indicator& i) {
  const std::string value = pattern_literal(i.value);
  if (i.type == "ipv4-addr" || i.type == "ipv6-addr" || i.type == "url")
    return "[" + i.type + ":value = " + value + "]";
  if (i.type == "file-sha256") return "[file:hashes.'SHA-256' = " + value + "]";
  if (i.type == "file-path") return "[file:name = " + pattern_literal(base_name(i.value)) + "]";
  if (i.type == "user-agent")
    return "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = " + value +
           "]";
  return "";
}

class StixBundle {
 public:
  explicit StixBundle(const Investigation& inv) : inv_(inv) {
    TimeUs generated = 0;
    parse_findings_time(inv.generated_at, generated);
    created_ = stix_time(generated);
  }

  std::string text() {
    Json identity = common("identity", sdo_id("identity"));
    identity.erase("created_by_ref");
    identity["name"] = "shodo (case " + inv_.case_info.number + ")";
    identity["identity_class"] = "system";
    identity_ = add(std::move(identity));
    for (const Indicator& i : inv_.indicators) {
      if (i.validated) {
        add_indicator(i);
      } else {
        add_observation(i);
      }
    }
    Json report = common("report", sdo_id("report"));
    report["name"] = inv_.case_info.number + ": " + inv_.case_info.title;
    report["description"] = verdict_text();
    report["report_types"] = Json::array({"threat-report"});
    report["published"] = created_;
    report["object_refs"] = refs_;
    objects_.push_back(std::move(report));

    Json bundle;
    bundle["type"] = "bundle";
    bundle["id"] = sdo_id("bundle");
    bundle["objects"] = std::move(objects_);
    // ASCII only: evidence text stays inert in a terminal; bytes that are
    // not UTF-8 cannot be said in STIX and become U+FFFD.
    return bundle.dump(2, ' ', true, Json::error_handler_t::replace) + "\n";
  }

 private:
  // One object of a type per case (identity, report, bundle) or per key.
  std::string sdo_id(std::string_view type, std::string_view key = "") const {
    return std::string(type) + "--" + case_uuid(inv_, type, key);
  }

  Json common(std::string_view type, const std::string& id) const {
    Json o;
    o["type"] = type;
    o["spec_version"] = "2.1";
    o["id"] = id;
    o["created_by_ref"] = identity_;
    o["created"] = created_;
    o["modified"] = created_;
    return o;
  }

  // An observable with the id STIX derives from `id_properties`.
  static Json observable(std::string_view type, const nlohmann::json& id_properties) {
    Json o;
    o["type"] = type;
    o["spec_version"] = "2.1";
    // nlohmann::json sorts keys and adds no space: the canonical form (RFC 8785).
    o["id"] = std::string(type) + "--" +
              uuid_v5(kStixObservableNamespace,
                      id_properties.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    for (const auto& [key, value] : id_properties.items()) o[key] = Json(value);
    return o;
  }

  // Adds an object once (observables can be shared); returns its id.
  std::string add(Json object) {
    std::string id = object["id"];
    if (added_.insert(id).second) {
      refs_.push_back(id);
      objects_.push_back(std::move(object));
    }
    return id;
  }

  void add_indicator(const Indicator& i) {
    const std::string pattern = indicator_pattern(i);
    if (pattern.empty()) return;
    Json o = common("indicator", sdo_id("indicator", i.type + '|' + i.value));
    o["name"] = i.type + " " + i.value;
    o["description"] = indicator_comment(i);
    o["indicator_types"] = Json::array({"malicious-activity"});
    o["pattern"] = pattern;
    o["pattern_type"] = "stix";
    o["pattern_version"] = "2.1";
    o["valid_from"] = i.first_seen == investigate::kNoTime ? created_ : stix_time(i.first_seen);
    add(std::move(o));
  }

  void add_observation(const Indicator& i) {
    std::vector<std::string> refs;
    if (i.type == "ipv4-addr" || i.type == "ipv6-addr" || i.type == "url") {
      refs.push_back(add(observable(i.type, {{"value", i.value}})));
    } else if (i.type == "file-sha256") {
      refs.push_back(add(observable("file", {{"hashes", {{"SHA-256", i.value}}}})));
    } else if (i.type == "file-path") {
      refs.push_back(add(observable("file", {{"name", std::string(base_name(i.value))}})));
    } else if (i.type == "user-agent") {
      add_user_agent(i, refs);
    }
    if (refs.empty()) return;
    uint64_t seen = 0;
    for (const FindingRecord* f : findings_of(i)) seen += f->count;
    const TimeUs first = i.first_seen,
                 last = i.last_seen == investigate::kNoTime ? first : i.last_seen;
    Json o = common("observed-data", sdo_id("observed-data", i.type + '|' + i.value));
    o["first_observed"] = first == investigate::kNoTime ? created_ : stix_time(first);
    o["last_observed"] = last == investigate::kNoTime ? created_ : stix_time(last);
    o["number_observed"] = std::clamp<uint64_t>(seen, 1, 999'999'999);
    o["object_refs"] = refs;
    add(std::move(o));
  }

  // A user agent is only observable as part of a request: network traffic
  // needs its source address, the HTTP extension its method and path. They
  // come from the first of its findings that has them; without one STIX has
  // no conforming way to carry it, and it is left to the MISP and CSV exports.
  void add_user_agent(const Indicator& i, std::vector<std::string>& refs) {
    for (const FindingRecord* f : findings_of(i)) {
      if (f->client_ip.empty() || f->method.empty() || f->path.empty()) continue;
      const std::string source = add(observable(ip_type(f->client_ip), {{"value", f->client_ip}}));
      std::string method = f->method;
      std::transform(method.begin(), method.end(), method.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const nlohmann::json request = {{"request_method", method},
                                      {"request_value", f->path},
                                      {"request_header", {{"User-Agent", i.value}}}};
      refs.push_back(source);
      refs.push_back(
          add(observable("network-traffic", {{"src_ref", source},
                                             {"protocols", nlohmann::json::array({"tcp", "http"})},
                                             {"extensions", {{"http-request-ext", request}}}})));
      return;
    }
  }

  std::vector<const FindingRecord*> findings_of(const Indicator& i) const {
    std::vector<const FindingRecord*> out;
    for (const FindingRecord& f : inv_.findings)
      if (std::find(i.finding_ids.begin(), i.finding_ids.end(), f.id) != i.finding_ids.end())
        out.push_back(&f);
    return out;
  }

  std::string verdict_text() const {
    std::string text =
        "Verdict: " + inv_.verdict.value + " (confidence " + inv_.verdict.confidence + ")";
    for (size_t r = 0; r < inv_.verdict.reasons.size(); ++r)
      text += (r ? "; " : ": ") + inv_.verdict.reasons[r].en;
    return text;
  }

  const Investigation& inv_;
  std::string created_, identity_;
  Json objects_ = Json::array();
  std::vector<std::string> refs_;
  std::set<std::string> added_;
};

}  // namespace

std::string stix_bundle(const Investigation& inv) {
  return StixBundle(inv).text();
}

}  // namespace shodo::report

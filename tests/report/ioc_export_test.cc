#include "report/ioc_export.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "support/sample_investigation.h"

namespace shodo::report {
namespace {

using investigate::Indicator;
using investigate::Investigation;
using nlohmann::json;

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
const std::regex kStixId(
    "[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
const std::regex kStixTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)");

bool is_ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::map<std::string, json> by_id(const json& bundle) {
  std::map<std::string, json> out;
  for (const json& o : bundle["objects"]) out[o["id"].get<std::string>()] = o;
  return out;
}

std::vector<json> of_type(const json& bundle, const std::string& type) {
  std::vector<json> out;
  for (const json& o : bundle["objects"])
    if (o["type"] == type) out.push_back(o);
  return out;
}

std::set<std::string> ids(const json& bundle) {
  std::set<std::string> out;
  for (const json& o : bundle["objects"]) out.insert(o["id"].get<std::string>());
  return out;
}

TEST(IocExport, UuidV5IsRfc4122) {
  // RFC 4122 appendix namespace for DNS names, and a published vector.
  EXPECT_EQ(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

TEST(IocExport, StixBundleHasWhatStix21Requires) {
  const json bundle = json::parse(stix_bundle(testing::sample_investigation(false)));
  EXPECT_EQ(bundle["type"], "bundle");
  EXPECT_TRUE(std::regex_match(bundle["id"].get<std::string>(), kStixId));
  EXPECT_TRUE(bundle["id"].get<std::string>().starts_with("bundle--"));
  EXPECT_FALSE(bundle.contains("spec_version"));  // 2.0 had it on bundles, 2.1 does not

  const auto objects = by_id(bundle);
  EXPECT_EQ(objects.size(), bundle["objects"].size()) << "duplicate ids";
  const auto resolves = [&](const json& ref) { return objects.count(ref.get<std::string>()) == 1; };
  for (const json& o : bundle["objects"]) {
    const std::string type = o["type"], id = o["id"];
    SCOPED_TRACE(id);
    EXPECT_EQ(o["spec_version"], "2.1");
    EXPECT_TRUE(std::regex_match(id, kStixId));
    EXPECT_TRUE(id.starts_with(type + "--"));
    const bool domain_object =
        type == "identity" || type == "indicator" || type == "observed-data" || type == "report";
    if (domain_object) {
      EXPECT_TRUE(std::regex_match(o["created"].get<std::string>(), kStixTime));
      EXPECT_EQ(o["modified"], o["created"]);
      if (type != "identity") {
        EXPECT_TRUE(resolves(o["created_by_ref"]));
      }
    }
    if (type == "identity") {
      EXPECT_FALSE(o["name"].get<std::string>().empty());
      EXPECT_EQ(o["identity_class"], "system");
    } else if (type == "indicator") {
      EXPECT_EQ(o["pattern_type"], "stix");
      EXPECT_TRUE(std::regex_match(o["valid_from"].get<std::string>(), kStixTime));
      EXPECT_EQ(o["indicator_types"], json::array({"malicious-activity"}));
      EXPECT_TRUE(o["pattern"].get<std::string>().starts_with("["));
    } else if (type == "observed-data") {
      EXPECT_TRUE(std::regex_match(o["first_observed"].get<std::string>(), kStixTime));
      EXPECT_TRUE(std::regex_match(o["last_observed"].get<std::string>(), kStixTime));
      EXPECT_GE(o["number_observed"].get<int64_t>(), 1);
      EXPECT_LE(o["number_observed"].get<int64_t>(), 999'999'999);
      ASSERT_FALSE(o["object_refs"].empty());
      for (const json& ref : o["object_refs"]) EXPECT_TRUE(resolves(ref));
    } else if (type == "report") {
      EXPECT_FALSE(o["name"].get<std::string>().empty());
      EXPECT_EQ(o["published"], o["created"]);
      EXPECT_EQ(o["object_refs"].size(), objects.size() - 1);  // all but itself
      for (const json& ref : o["object_refs"]) EXPECT_TRUE(resolves(ref));
    } else if (type == "network-traffic") {
      EXPECT_TRUE(resolves(o["src_ref"]));
      EXPECT_FALSE(o["protocols"].empty());
      const json& http = o["extensions"]["http-request-ext"];
      EXPECT_FALSE(http["request_method"].get<std::string>().empty());
      EXPECT_FALSE(http["request_value"].get<std::string>().empty());
    } else {
      EXPECT_TRUE(type == "ipv4-addr" || type == "ipv6-addr" || type == "file" || type == "url")
          << type;
      EXPECT_FALSE(o.contains("created"));  // observables carry no SDO properties
    }
  }
  EXPECT_EQ(of_type(bundle, "identity").size(), 1u);
  EXPECT_EQ(of_type(bundle, "report").size(), 1u);
}

TEST(IocExport, OnlyValidatedIndicatorsAreStixIndicators) {
  const Investigation inv = testing::sample_investigation(false);
  const json bundle = json::parse(stix_bundle(inv));
  std::set<std::string> patterns;
  for (const json& o : of_type(bundle, "indicator")) patterns.insert(o["pattern"]);
  const std::string sha256 = inv.webshells[0].sha256;
  EXPECT_EQ(patterns, (std::set<std::string>{
                          "[ipv4-addr:value = '203.0.113.77']",
                          "[ipv4-addr:value = '203.0.113.45']",
                          "[file:hashes.'SHA-256' = '" + sha256 + "']",
                          "[file:name = 'cache.php']",
                          "[url:value = '/uploads/img/cache.php']",
                      }));

  // The unvalidated address and user agent are observations.
  const auto objects = by_id(bundle);
  std::set<std::string> observed;
  for (const json& o : of_type(bundle, "observed-data"))
    for (const json& ref : o["object_refs"]) {
      const json& sco = objects.at(ref.get<std::string>());
      if (sco["type"] == "ipv4-addr") observed.insert(sco["value"].get<std::string>());
      if (sco["type"] == "network-traffic") {
        const json& http = sco["extensions"]["http-request-ext"];
        EXPECT_EQ(http["request_header"]["User-Agent"], "Mozilla/5.00 (Nikto/2.1.6)");
        EXPECT_EQ(http["request_method"], "get");
        EXPECT_EQ(http["request_value"], "/cgi-bin/test.cgi");
        EXPECT_EQ(objects.at(sco["src_ref"].get<std::string>())["value"], "203.0.113.45");
      }
    }
  EXPECT_EQ(observed, (std::set<std::string>{"198.51.100.23", "203.0.113.45"}));
  EXPECT_EQ(of_type(bundle, "observed-data").size(), 2u);
  EXPECT_EQ(of_type(bundle, "network-traffic").size(), 1u);
}

TEST(IocExport, ObservableIdsAreTheOnesStixDerives) {
  const json bundle = json::parse(stix_bundle(testing::sample_investigation(false)));
  const std::string stix_namespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";
  for (const json& o : of_type(bundle, "ipv4-addr")) {
    const std::string canonical = R"({"value":")" + o["value"].get<std::string>() + "\"}";
    EXPECT_EQ(o["id"], "ipv4-addr--" + uuid_v5(stix_namespace, canonical));
  }
}

TEST(IocExport, PatternsEscapeQuotesAndBackslashes) {
  Investigation inv = testing::sample_investigation(true);
  inv.indicators[5].value = R"(/up'load\x.php)";
  const std::string text = stix_bundle(inv);
  EXPECT_TRUE(is_ascii(text));  // hostile bytes as \u escapes, never raw
  std::set<std::string> patterns;
  for (const json& o : of_type(json::parse(text), "indicator")) patterns.insert(o["pattern"]);
  EXPECT_EQ(patterns.count(R"([url:value = '/up\'load\\x.php'])"), 1u);
}

TEST(IocExport, SameModelSameIds) {
  Investigation inv = testing::sample_investigation(true);
  const std::string first = stix_bundle(inv);
  EXPECT_EQ(stix_bundle(inv), first);
  EXPECT_EQ(misp_event(inv), misp_event(inv));
  EXPECT_EQ(ioc_csv(inv), ioc_csv(inv));

  // A re-run differs only in its timestamps.
  inv.generated_at = "2027-01-02T03:04:05Z";
  const json again = json::parse(stix_bundle(inv));
  EXPECT_EQ(ids(again), ids(json::parse(first)));
  EXPECT_EQ(of_type(again, "report")[0]["created"], "2027-01-02T03:04:05.000Z");
}

TEST(IocExport, MispEventMarksOnlyValidatedForDetection) {
  const Investigation inv = testing::sample_investigation(true);
  const std::string text = misp_event(inv);
  EXPECT_TRUE(is_ascii(text));
  const json event = json::parse(text)["Event"];
  for (const char* key : {"info", "date", "threat_level_id", "analysis", "distribution", "uuid"})
    EXPECT_TRUE(event[key].is_string()) << key;
  EXPECT_TRUE(std::regex_match(event["uuid"].get<std::string>(), kUuid));
  EXPECT_EQ(event["date"], "2024-03-09");  // the first malicious event
  EXPECT_EQ(event["threat_level_id"], "1");
  EXPECT_EQ(event["Tag"][0]["name"], "tlp:amber");

  const json& attributes = event["Attribute"];
  ASSERT_EQ(attributes.size(), inv.indicators.size());
  std::set<std::string> uuids;
  for (size_t i = 0; i < attributes.size(); ++i) {
    const json& a = attributes[i];
    const Indicator& indicator = inv.indicators[i];
    SCOPED_TRACE(indicator.value);
    EXPECT_EQ(a["to_ids"], indicator.validated);
    EXPECT_FALSE(a["category"].get<std::string>().empty());
    EXPECT_TRUE(a["first_seen"].get<std::string>().ends_with("+00:00"));
    uuids.insert(a["uuid"].get<std::string>());
  }
  EXPECT_EQ(uuids.size(), attributes.size());
  const auto type_of = [&](size_t i) { return attributes[i]["type"].get<std::string>(); };
  EXPECT_EQ(type_of(0), "ip-src");
  EXPECT_EQ(type_of(3), "sha256");
  EXPECT_EQ(type_of(4), "filename");
  EXPECT_EQ(type_of(5), "uri");  // a request path, not a full URL
  EXPECT_EQ(type_of(6), "user-agent");
  EXPECT_EQ(attributes[0]["first_seen"], "2024-03-09T16:48:33.000000+00:00");
}

TEST(IocExport, CsvRowPerIndicatorAndFormulasNeutralised) {
  Investigation inv = testing::sample_investigation(false);
  inv.indicators[6].value = "=HYPERLINK(\"http://x.invalid\",\"y\")";
  const std::string csv = ioc_csv(inv);
  std::istringstream in(csv);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), inv.indicators.size() + 1);
  EXPECT_EQ(lines[0],
            "type,value,validated,first_seen,last_seen,description_en,description_ja,findings");
  EXPECT_EQ(lines[1],
            "ipv4-addr,203.0.113.77,true,2024-03-09T16:48:33Z,2024-03-09T17:01:04Z,"
            "Webshell operator,Web シェル操作者,F0003 F0004 F0005");
  EXPECT_TRUE(
      lines[7].starts_with(R"csv(user-agent,"'=HYPERLINK(""http://x.invalid"",""y"")",false,)csv"))
      << lines[7];
}

}  // namespace
}  // namespace shodo::report

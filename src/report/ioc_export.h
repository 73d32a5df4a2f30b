// The investigation's indicators for threat-intelligence tools: a STIX 2.1
// bundle, a MISP event and a flat CSV (docs/ioc-export.md). Only validated
// indicators are STIX indicators / MISP to_ids attributes; the others are
// shared as observations. Deterministic: object ids are name-based UUIDs and
// every timestamp comes from the model, so a re-run gives the same ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "investigate/investigation.h"

namespace shodo::report {

std::string stix_bundle(const investigate::Investigation& inv);  // STIX 2.1 JSON bundle
std::string misp_event(const investigate::Investigation& inv);   // {"Event": {...}}
std::string ioc_csv(const investigate::Investigation& inv);      // one row per indicator

// ---- Shared by the exporters ----------------------------------------------------

// The namespace of shodo's name-based ids (STIX objects other than
// observables, MISP events and attributes).
inline constexpr std::string_view kShodoUuidNamespace = "11fa762f-0725-41d9-8907-0852812fe75b";

// RFC 4122 version 5 (SHA-1, name-based) UUID of `name` in a namespace
// given in its text form.
std::string uuid_v5(std::string_view namespace_uuid, std::string_view name);

// The id of an object of `kind` ("indicator", "misp-attribute"...) named
// `key` in this case: the same case and key give the same UUID.
std::string case_uuid(const investigate::Investigation& inv, std::string_view kind,
                      std::string_view key);

// The finding ids as one string: "F0003 F0004".
std::string joined_ids(const std::vector<std::string>& ids);

// The English description with the findings it rests on:
// "Webshell (findings F0003 F0004)".
std::string indicator_comment(const investigate::Indicator& indicator);

}  // namespace shodo::report

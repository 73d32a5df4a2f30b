// The steps of correlation stage 2, one file each; correlate() runs them in
// this order, each reading what the earlier ones filled in.
#pragma once

#include "investigate/correlate.h"

namespace shodo::investigate {

// Attackers from the findings and the measured activity, most significant first.
void build_attackers(const Stage1& s, const ActivityPass& activity, Investigation& inv);
// Webshells (with upload and use from the watched requests) and changed files.
void build_files(const CorrelationInput& in, Investigation& inv);
// Incident window, attack chain and verdict.
void build_story(const CorrelationInput& in, Investigation& inv);
// Interim measures, next steps and indicators.
void build_actions(const CorrelationInput& in, Investigation& inv);

// Helpers shared by the steps.
const FindingRecord* find_by_id(const Investigation& inv, const std::string& id);
// The attacker with this address; null when the address is no attacker's.
Attacker* attacker_of(Investigation& inv, const std::string& ip);
const Attacker* attacker_of(const Investigation& inv, const std::string& ip);
bool has_technique(const FindingRecord& f, std::string_view prefix);
// unknown < blocked < failed < attempted < likely-success < success
int outcome_rank(std::string_view outcome);
std::string join(const std::vector<std::string>& v, const char* sep);
void add_unique(std::vector<std::string>& v, const std::string& s);  // non-empty, once
std::string lower(std::string_view s);                               // ASCII

}  // namespace shodo::investigate

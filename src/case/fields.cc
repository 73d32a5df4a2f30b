// Case fields: names, allowed values, checks.
#include <algorithm>
#include <cctype>

#include "case/case.h"

namespace shodo::cases {

const std::vector<FieldSpec>& case_field_specs() {
  static const std::vector<FieldSpec> kSpecs = {
      {"number", "case number (purge asks for it)", {}},
      {"title", "short title", {}},
      {"customer", "the breached company", {}},
      {"examiners", "examiners, comma-separated", {}},
      {"time_zone", "zone for local times (IANA name, UTC or ±HH:MM)", {}},
      {"phase",
       "service phase",
       {"intake", "initial", "full", "comms", "continuity", "follow-up", "closed"}},
      {"severity", "1 (low) to 4 (critical)", {"1", "2", "3", "4"}},
      {"tlp",
       "traffic light protocol",
       {"TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"}},
      {"knowledge_date", "知った日: when the company learned of the incident (YYYY-MM-DD)", {}},
      {"status", "case status", {"open", "resolved", "duplicated"}},
  };
  return kSpecs;
}

namespace {

std::string* field_ptr(CaseFields& f, std::string_view name) {
  if (name == "number") return &f.number;
  if (name == "title") return &f.title;
  if (name == "customer") return &f.customer;
  if (name == "examiners") return &f.examiners;
  if (name == "time_zone") return &f.time_zone;
  if (name == "phase") return &f.phase;
  if (name == "severity") return &f.severity;
  if (name == "tlp") return &f.tlp;
  if (name == "knowledge_date") return &f.knowledge_date;
  if (name == "status") return &f.status;
  if (name == "created_at") return &f.created_at;
  return nullptr;
}

bool is_date(std::string_view v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  const int month = (v[5] - '0') * 10 + (v[6] - '0');
  const int day = (v[8] - '0') * 10 + (v[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Status set_case_field(CaseFields& fields, std::string_view name, std::string_view value) {
  const auto& specs = case_field_specs();
  auto spec =
      std::find_if(specs.begin(), specs.end(), [&](const FieldSpec& s) { return s.name == name; });
  if (spec == specs.end()) return Status::fail("unknown case field '" + std::string(name) + "'");
  if (!spec->allowed.empty() && !value.empty() &&
      std::find(spec->allowed.begin(), spec->allowed.end(), value) == spec->allowed.end()) {
    std::string list;
    for (auto a : spec->allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return Status::fail(std::string(name) + " must be one of: " + list);
  }
  if (name == "number" && value.empty()) return Status::fail("the case number cannot be empty");
  if (name == "knowledge_date" && !value.empty() && !is_date(value))
    return Status::fail("knowledge_date must be a date: YYYY-MM-DD");
  if (name == "time_zone" && !valid_zone(value))
    return Status::fail("unknown time zone '" + std::string(value) + "'");
  *field_ptr(fields, name) = value;
  return {};
}

std::string get_case_field(const CaseFields& fields, std::string_view name) {
  std::string* p = field_ptr(const_cast<CaseFields&>(fields), name);
  return p ? *p : std::string();
}

std::string Item::label() const {
  std::string out = "#" + std::to_string(id) + " " + source;
  if (!entry_path.empty()) out += "!" + entry_path;
  return out;
}

}  // namespace shodo::cases

#include "detect/engine/field_ref.h"

namespace shodo::detect::engine {

using ingest::Field;

std::vector<FieldRef> resolve_field(std::string_view sigma_name) {
  if (sigma_name.empty()) return {FieldRef{false, Field::raw, {}}};
  // W3C's sc-bytes counts headers too; combined logs only have the body size.
  if (sigma_name == "sc-bytes")
    return {FieldRef{false, Field::bytes_total, {}}, FieldRef{false, Field::bytes_sent, {}}};
  if (sigma_name == "cs-uri-query")
    return {FieldRef{false, Field::query, {}}, FieldRef{false, Field::request_target, {}}};
  if (auto f = ingest::field_by_name(sigma_name)) return {FieldRef{false, *f, {}}};
  return {FieldRef{true, Field::raw, std::string(sigma_name)}};
}

std::string display_name(const FieldRef& ref) {
  return ref.is_extra ? ref.extra : std::string(ingest::field_name(ref.field));
}

bool scanned_decoded(const FieldRef& ref) {
  if (ref.is_extra) return true;  // headers, cookies, JSON keys: all request-side
  switch (ref.field) {
    case Field::path:
    case Field::query:
    case Field::request_target:
    case Field::referer:
    case Field::user_agent:
    case Field::raw:
    case Field::message: return true;
    default: return false;
  }
}

}  // namespace shodo::detect::engine

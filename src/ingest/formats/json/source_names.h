// The field names log sources use, and where each goes on an Event: Nginx
// variables, ECS names (dotted paths of nested JSON too), W3C / CloudFront
// field names and common variants. Shared by JSON lines and W3C logs.
#pragma once

#include <optional>
#include <string_view>

#include "ingest/formats/json/field_sink.h"

namespace shodo::ingest::mapping {

// Matching ignores ASCII case and the separators '_', '-', '.', '@' and ' ',
// so "user_agent", "userAgent" and "User-Agent" are one name. Names not in
// the table fall back to field_by_name(). nullopt for unknown names.
std::optional<Target> target_for_source(std::string_view name);

}  // namespace shodo::ingest::mapping

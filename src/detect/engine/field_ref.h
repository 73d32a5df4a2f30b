// Which part of an event a rule's field name reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/event.h"

namespace shodo::detect::engine {

struct FieldRef {
  bool is_extra = false;
  ingest::Field field = ingest::Field::raw;
  std::string extra;  // the extra field's name, when is_extra

  bool operator==(const FieldRef&) const = default;
};

// The fields a Sigma field name reads; several when the name is widened.
// `cs-uri-query` reads url.query and url.original (path?query): SigmaHQ's
// webserver rules write its values as if it held both (docs/fields.md).
// `sc-bytes` reads http.response.bytes, else the body size when the log has
// only that. A keyword search (empty name) reads the whole line.
std::vector<FieldRef> resolve_field(std::string_view sigma_name);

// The field's text in `ev`; numbers are formatted into `scratch`. Empty when
// the event does not carry the field.
inline std::string_view field_text(const ingest::Event& ev, const FieldRef& ref,
                                   std::string& scratch) {
  if (!ref.is_extra) {
    if (const ingest::TextSlot m = ingest::kTextSlots[static_cast<size_t>(ref.field)]) return ev.*m;
    return ev.text(ref.field, scratch);
  }
  for (const auto& [name, value] : ev.extra)
    if (name == ref.extra) return value;
  return {};
}

// The name shown in findings: ECS name, or the extra field's own name.
std::string display_name(const FieldRef& ref);

// Request-derived text an attacker encodes: also matched after decoding
// (percent-encoding, HTML entities...), see decode/http_decode.h.
bool scanned_decoded(const FieldRef& ref);

}  // namespace shodo::detect::engine

// The name=value pairs of a query string or a form body, raw (not decoded).
#pragma once

#include <string_view>

namespace shodo::leak {

struct QueryParam {
  std::string_view name;  // empty for a pair without '='
  std::string_view value;
};

// Takes the next pair off the front of `query`; false when none is left.
inline bool next_param(std::string_view& query, QueryParam& out) {
  if (query.empty()) return false;
  const size_t amp = query.find('&');
  const std::string_view pair = query.substr(0, amp);
  query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  const size_t eq = pair.find('=');
  out.name = eq == std::string_view::npos ? std::string_view() : pair.substr(0, eq);
  out.value = eq == std::string_view::npos ? pair : pair.substr(eq + 1);
  return true;
}

}  // namespace shodo::leak

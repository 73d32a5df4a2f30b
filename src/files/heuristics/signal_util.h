// Building a Signal in one call (every heuristic does it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "files/signal.h"

namespace shodo::files {

inline void add_signal(std::vector<Signal>& out, std::string id, int points, std::string title,
                       std::string title_ja, std::string reason, std::string reason_ja,
                       size_t offset, std::vector<std::string> techniques) {
  Signal s;
  s.id = std::move(id);
  s.points = points;
  s.title = std::move(title);
  s.title_ja = std::move(title_ja);
  s.reason = std::move(reason);
  s.reason_ja = std::move(reason_ja);
  s.offset = offset;
  s.techniques = std::move(techniques);
  out.push_back(std::move(s));
}

// Offset of a match found in `text` (a view into it).
inline size_t offset_in(std::string_view text, std::string_view match) {
  return static_cast<size_t>(match.data() - text.data());
}

}  // namespace shodo::files

// The usual response size of each path: a small deterministic reservoir of
// 2xx body sizes per baseline key (see baseline_key), so memory grows with
// distinct paths, not with input size.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "detect/stateful/string_map.h"
#include "ingest/event.h"

namespace shodo::detect {

class PathSizes {
 public:
  struct Baseline {
    uint64_t responses = 0;  // 2xx responses with a size seen for the path
    int64_t median = -1;     // estimated from the reservoir; -1 when none
  };

  // Counts a web access log's 2xx response with a body size; other events
  // are ignored.
  void observe(const ingest::Event& ev);
  Baseline baseline(std::string_view path) const;

 private:
  static constexpr size_t kSamples = 31;
  struct Reservoir {
    uint64_t seen = 0;
    std::array<uint32_t, kSamples> sizes{};
  };
  StringMap<Reservoir> paths_;
  std::string key_;  // reused for every lookup
  // The reservoirs of recent paths (short ones), by a tag of the path: most
  // 2xx responses are for a few static files and pages, whose baseline key
  // then need not be worked out and looked up again.
  static constexpr size_t kRecentPathBytes = 128;
  struct Recent {
    std::string path;
    Reservoir* reservoir = nullptr;  // map nodes stay where they are
  };
  std::array<Recent, 64> recent_;
  mutable std::string lookup_key_;
};

}  // namespace shodo::detect

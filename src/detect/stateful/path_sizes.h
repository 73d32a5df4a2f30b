// The usual response size of each path: a small deterministic reservoir of
// 2xx body sizes per baseline key (see baseline_key), so memory grows with
// distinct paths, not with input size.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detect/stateful/observation.h"
#include "ingest/event.h"

namespace shodo::detect {

class PathSizes {
 public:
  struct Baseline {
    uint64_t responses = 0;  // 2xx responses with a size seen for the path
    int64_t median = -1;     // estimated from the reservoir; -1 when none
  };

  // Counts a web access log's 2xx response with a body size (an observation
  // with kSizedSuccess); other events are ignored.
  void observe(const Observation& o);
  void observe(const ingest::Event& ev);
  Baseline baseline(std::string_view path) const;

 private:
  static constexpr size_t kSamples = 31;
  struct Reservoir {
    uint64_t seen = 0;
    std::array<uint32_t, kSamples> sizes{};
  };
  struct Entry {
    std::string key;
    Reservoir reservoir;
  };
  // Open addressing on the key's hash; a slot whose hash matches is checked
  // against the key itself, so no two keys mix.
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = kEmpty;  // index in entries_
  };
  // The slot holding the key, or the empty one where it would go.
  size_t find(std::string_view key, uint64_t key_hash) const;
  // Counts a response of `bytes` for the path.
  void add(std::string_view path, int64_t bytes);

  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::vector<Entry> entries_;
  // The entries of recent paths (short ones), by a tag of the path: most
  // 2xx responses are for a few static files and pages, whose baseline key
  // then need not be worked out, hashed and looked up again.
  static constexpr size_t kRecentPathBytes = 128;
  struct Recent {
    std::string path;
    uint32_t entry = kEmpty;
  };
  std::array<Recent, 64> recent_;
  std::string key_;  // a baseline key being written
  mutable std::string lookup_key_;
};

}  // namespace shodo::detect

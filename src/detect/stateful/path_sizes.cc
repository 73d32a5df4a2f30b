#include "detect/stateful/path_sizes.h"

#include <algorithm>
#include <limits>

#include "detect/stateful/web_paths.h"

namespace shodo::detect {

namespace {

// A fixed mix of the sample number (splitmix64) instead of a random source:
// the same input always gives the same baseline.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// A slot for the path among PathSizes::recent_ (64 of them): its length
// and a few of its last bytes, where static files differ.
size_t recent_slot(std::string_view path) {
  const size_t n = path.size();
  const auto byte = [&](size_t back) {
    return back < n ? static_cast<size_t>(static_cast<unsigned char>(path[n - 1 - back])) : 0;
  };
  return (n * 7 + byte(0) * 3 + byte(2) * 5 + byte(5)) & 63;
}

}  // namespace

void PathSizes::observe(const ingest::Event& ev) {
  if (ev.kind != ingest::LogKind::web_access || ev.status < 200 || ev.status > 299 ||
      ev.bytes_sent < 0 || ev.path.empty())
    return;
  Recent* recent = nullptr;
  Reservoir* found = nullptr;
  if (ev.path.size() <= kRecentPathBytes) {
    recent = &recent_[recent_slot(ev.path)];
    if (recent->reservoir && recent->path == ev.path) found = recent->reservoir;
  }
  if (!found) {
    baseline_key(ev.path, key_);
    found = &entry(paths_, key_);
    if (recent) {
      recent->path.assign(ev.path);
      recent->reservoir = found;
    }
  }
  Reservoir& r = *found;
  const auto size =
      static_cast<uint32_t>(std::min<int64_t>(ev.bytes_sent, std::numeric_limits<uint32_t>::max()));
  // Reservoir sampling (Algorithm R): every response has the same chance
  // to be among the samples.
  if (r.seen < kSamples) {
    r.sizes[r.seen] = size;
  } else {
    const uint64_t slot = mix(r.seen) % (r.seen + 1);
    if (slot < kSamples) r.sizes[slot] = size;
  }
  ++r.seen;
}

PathSizes::Baseline PathSizes::baseline(std::string_view path) const {
  baseline_key(path, lookup_key_);
  const auto it = paths_.find(std::string_view(lookup_key_));
  if (it == paths_.end()) return {};
  const Reservoir& r = it->second;
  const size_t n = std::min<uint64_t>(r.seen, kSamples);
  std::array<uint32_t, kSamples> sorted = r.sizes;
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.begin() + n);
  return {r.seen, static_cast<int64_t>(sorted[n / 2])};
}

}  // namespace shodo::detect

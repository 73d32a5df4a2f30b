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

}  // namespace

size_t PathSizes::find(std::string_view path, uint64_t key_hash) const {
  const size_t mask = slots_.size() - 1;
  size_t i = key_hash & mask;
  for (; slots_[i].entry != kEmpty; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == key_hash && has_baseline_key(path, entries_[s.entry].key)) break;
  }
  return i;
}

void PathSizes::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.entry == kEmpty) continue;
    size_t i = s.hash & mask;
    while (slots_[i].entry != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void PathSizes::observe(const ingest::Event& ev) {
  observe(ev, observation_of(ev, scratch_));
}

void PathSizes::observe(const ingest::Event& ev, const Observation& o) {
  if (!o.has(Observation::kSizedSuccess)) return;
  size_t i = find(ev.path, o.baseline_hash);
  if (slots_[i].entry == kEmpty) {
    slots_[i] = {o.baseline_hash, static_cast<uint32_t>(entries_.size())};
    baseline_key(ev.path, scratch_);
    entries_.push_back({scratch_, {}});
    if (entries_.size() * 2 > slots_.size()) {
      grow();
      i = find(ev.path, o.baseline_hash);
    }
  }
  Reservoir& r = entries_[slots_[i].entry].reservoir;
  const auto size =
      static_cast<uint32_t>(std::min<int64_t>(o.bytes_sent, std::numeric_limits<uint32_t>::max()));
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
  return baseline(path, baseline_hash(path, lookup_scratch_));
}

PathSizes::Baseline PathSizes::baseline(std::string_view path, uint64_t key_hash) const {
  const Slot& s = slots_[find(path, key_hash)];
  if (s.entry == kEmpty) return {};
  const Reservoir& r = entries_[s.entry].reservoir;
  const size_t n = std::min<uint64_t>(r.seen, kSamples);
  std::array<uint32_t, kSamples> sorted = r.sizes;
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.begin() + n);
  return {r.seen, static_cast<int64_t>(sorted[n / 2])};
}

}  // namespace shodo::detect

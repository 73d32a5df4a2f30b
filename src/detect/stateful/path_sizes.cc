#include "detect/stateful/path_sizes.h"

#include <algorithm>
#include <limits>

#include "detect/stateful/web_paths.h"
#include "util/hash.h"
#include "util/open_table.h"

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

// Keyed (util/hash.h): the paths are the attacker's to choose, and keys
// written to share a slot would make every look-up walk all of them.
uint64_t hash_of_key(std::string_view key) {
  return util::table_hash<2>(key);
}

}  // namespace

size_t PathSizes::find(std::string_view key, uint64_t key_hash) const {
  const size_t mask = slots_.size() - 1;
  size_t i = key_hash & mask;
  for (; slots_[i].entry != kEmpty; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == key_hash && entries_[s.entry].key == key) break;
  }
  return i;
}

void PathSizes::observe(const ingest::Event& ev) {
  if (sized_success(ev)) add(ev.path, ev.bytes_sent);
}

void PathSizes::observe(const Observation& o) {
  if (o.has(Observation::kSizedSuccess)) add(o.path, o.bytes_sent);
}

void PathSizes::add(std::string_view path, int64_t bytes) {
  Recent* recent = nullptr;
  uint32_t entry = kEmpty;
  if (path.size() <= kRecentPathBytes) {
    recent = &recent_[recent_slot(path)];
    if (recent->entry != kEmpty && recent->path == path) entry = recent->entry;
  }
  if (entry == kEmpty) {
    const std::string_view key = baseline_key_of(path, key_);
    const uint64_t hash = hash_of_key(key);
    const size_t i = find(key, hash);
    entry = slots_[i].entry;
    if (entry == kEmpty) {
      entry = static_cast<uint32_t>(entries_.size());
      slots_[i] = {hash, entry};
      entries_.push_back({std::string(key), {}});
      if (entries_.size() * 2 > slots_.size())
        util::double_open_table(slots_, [](const Slot& s) { return s.entry != kEmpty; });
    }
    if (recent) {
      recent->path.assign(path);
      recent->entry = entry;
    }
  }
  Reservoir& r = entries_[entry].reservoir;
  const auto size =
      static_cast<uint32_t>(std::min<int64_t>(bytes, std::numeric_limits<uint32_t>::max()));
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
  const std::string_view key = baseline_key_of(path, lookup_key_);
  const Slot& s = slots_[find(key, hash_of_key(key))];
  if (s.entry == kEmpty) return {};
  const Reservoir& r = entries_[s.entry].reservoir;
  const size_t n = std::min<uint64_t>(r.seen, kSamples);
  std::array<uint32_t, kSamples> sorted = r.sizes;
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.begin() + n);
  return {r.seen, static_cast<int64_t>(sorted[n / 2])};
}

}  // namespace shodo::detect

#include "detect/stateful/detectors.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/path_sizes.h"

namespace shodo::detect {

std::string limit_note(std::string_view followed, size_t max, uint64_t refused) {
  return fmt::format(
      "{}: more than {} distinct keys; {} look-ups of further ones were not followed "
      "(--max-clients raises the limit)",
      followed, max, refused);
}

std::vector<std::string> DetectorSet::limits() const {
  std::vector<std::string> out;
  if (clients && clients->refused())
    out.push_back(limit_note("scanning, per-client floods and exfiltration (client addresses)",
                             clients->max_clients(), clients->refused()));
  for (const auto& d : all) d->limits(out);
  return out;
}

void DetectorSet::observe(const ingest::Event& ev) {
  for (auto& d : all) d->observe(ev);
  if (path_sizes) path_sizes->observe(ev);
}

void DetectorSet::observe(const std::vector<ingest::Event>& events) {
  // Clients are looked up ahead of the events observed: their slots first,
  // then, once those are in cache, the detectors' state for them. Each
  // address is hashed once, when it enters the look-ahead.
  constexpr size_t kSlotsAhead = 16, kStateAhead = 8;
  std::array<uint64_t, 32> hashes;  // of events i .. i + kSlotsAhead, by index mod 32
  std::array<uint32_t, 32> ids;     // of events i .. i + kStateAhead, the same way
  static_assert(kSlotsAhead < hashes.size());
  const size_t n = events.size();
  // The batch's text goes away after it, whatever happens.
  struct ForgetHint {
    ClientIndex* clients;
    ~ForgetHint() {
      if (clients) clients->hint({}, 0);
    }
  } forget{clients.get()};
  for (size_t i = 0; clients && i < std::min(n, kSlotsAhead); ++i)
    hashes[i] = ClientIndex::hash(events[i].client_ip);
  for (size_t i = 0; i < n; ++i) {
    if (clients) {
      const auto at = [&](size_t j) -> uint64_t& { return hashes[j & (hashes.size() - 1)]; };
      // The address's text, before it is hashed: the batch's text has left
      // the cache since the parse.
      if (i + 2 * kSlotsAhead < n) __builtin_prefetch(events[i + 2 * kSlotsAhead].client_ip.data());
      if (i + kSlotsAhead < n) {
        at(i + kSlotsAhead) = ClientIndex::hash(events[i + kSlotsAhead].client_ip);
        clients->prefetch(at(i + kSlotsAhead));
      }
      if (i + kStateAhead < n) {
        const uint32_t id = clients->known(events[i + kStateAhead].client_ip, at(i + kStateAhead));
        ids[(i + kStateAhead) & (ids.size() - 1)] = id;
        if (id != ClientIndex::kNone)
          for (StatefulDetector* d : per_client) d->prefetch(id);
      }
      // A number known ahead stays: numbers are never reassigned.
      clients->hint(events[i].client_ip, at(i),
                    i >= kStateAhead ? ids[i & (ids.size() - 1)] : ClientIndex::kNone);
    }
    observe(events[i]);
  }
}

DetectorSet make_detectors(const DetectorOptions& options) {
  DetectorSet set;
  set.clients = std::make_shared<ClientIndex>(options.max_clients);
  set.path_sizes = std::make_shared<PathSizes>();
  auto add = [&](std::unique_ptr<StatefulDetector> d, bool per_client) {
    if (per_client) set.per_client.push_back(d.get());
    set.all.push_back(std::move(d));
  };
  add(make_web_brute_force(options), false);
  add(make_ssh_brute_force(options), false);
  add(make_scanning(options, set.clients), true);
  add(make_flood(options, set.clients), true);
  add(make_exfiltration(options, set.clients, set.path_sizes), true);
  add(make_webshell(options), false);
  return set;
}

}  // namespace shodo::detect

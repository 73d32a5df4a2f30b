#include "detect/stateful/detectors.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "detect/stateful/client_index.h"
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

namespace {

// The events the per-client detectors read: timed web accesses (floods)
// and answered requests (scanning, exfiltration). Others take no number, so
// SSH or mail addresses never fill the index.
bool counts_client(const Observation& o) {
  return (o.web() && o.has_time()) || o.status >= 0;
}

// `known`: the client's number when a look-ahead found it.
void observe_one(DetectorSet& set, const ingest::Event& ev, Observation& o,
                 uint32_t known = ClientIndex::kNone) {
  if (set.clients && counts_client(o))
    o.client = set.clients->id(o.client_ip, o.client_hash, known);
  if (set.web_period && o.web() && o.has_time() && o.status >= 0) {
    set.web_period->first = std::min(set.web_period->first, o.time);
    set.web_period->last = std::max(set.web_period->last, o.time);
  }
  for (const DetectorSet::Observer& d : set.observers)
    if (d.only == 0 || (o.flags & d.only) != 0) d.detector->observe(ev, o);
  if (set.path_sizes) set.path_sizes->observe(o);
}

}  // namespace

void DetectorSet::observe(const ingest::Event& ev) {
  Observation o = observation_of(ev);
  observe_one(*this, ev, o);
}

void DetectorSet::observe(const std::vector<ingest::Event>& events,
                          std::span<Observation> observations) {
  // Clients are looked up ahead of the events observed: their slots first,
  // then, once those are in cache, the detectors' state for them.
  constexpr size_t kSlotsAhead = 16, kStateAhead = 8;
  std::array<uint32_t, 16> ids;  // of events i .. i + kStateAhead, by index mod 16
  static_assert(kStateAhead < ids.size());
  const size_t n = std::min(events.size(), observations.size());
  for (size_t i = 0; i < n; ++i) {
    uint32_t known = ClientIndex::kNone;
    if (clients) {
      if (i + kSlotsAhead < n) {
        // The address's text too: the batch's text has left the cache since
        // the parse.
        __builtin_prefetch(observations[i + kSlotsAhead].client_ip.data());
        clients->prefetch(observations[i + kSlotsAhead].client_hash);
      }
      if (i + kStateAhead < n) {
        const Observation& ahead = observations[i + kStateAhead];
        const uint32_t id = clients->known(ahead.client_ip, ahead.client_hash);
        ids[(i + kStateAhead) & (ids.size() - 1)] = id;
        if (id != ClientIndex::kNone)
          for (const ClientStateArea* a : per_client) a->prefetch(id);
      }
      if (i >= kStateAhead) known = ids[i & (ids.size() - 1)];
    }
    observe_one(*this, events[i], observations[i], known);
  }
}

DetectorSet make_detectors(const DetectorOptions& options) {
  DetectorSet set;
  set.clients = std::make_shared<ClientIndex>(options.max_clients);
  set.path_sizes = std::make_shared<PathSizes>();
  set.web_period = std::make_shared<WebPeriod>();
  auto add = [&](std::unique_ptr<StatefulDetector> d, bool per_client) {
    if (per_client) set.per_client.push_back(d->client_states());
    set.observers.push_back({d.get(), d->observes_only()});
    set.all.push_back(std::move(d));
  };
  add(make_web_brute_force(options), false);
  add(make_ssh_brute_force(options), false);
  add(make_scanning(options, set.clients), true);
  add(make_flood(options, set.clients), true);
  add(make_exfiltration(options, set.clients, set.path_sizes), true);
  add(make_webshell(options, set.web_period), false);
  return set;
}

}  // namespace shodo::detect

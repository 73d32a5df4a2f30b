#include "detect/stateful/detectors.h"

#include <fmt/format.h>

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

DetectorSet make_detectors(const DetectorOptions& options, std::shared_ptr<PathSizes> path_sizes) {
  DetectorSet set;
  set.clients = std::make_shared<ClientIndex>(options.max_clients);
  set.path_sizes = path_sizes ? std::move(path_sizes) : std::make_shared<PathSizes>();
  set.all.push_back(make_web_brute_force(options));
  set.all.push_back(make_ssh_brute_force(options));
  set.all.push_back(make_scanning(options, set.clients));
  set.all.push_back(make_flood(options, set.clients));
  set.all.push_back(make_exfiltration(options, set.clients, set.path_sizes));
  set.all.push_back(make_webshell(options));
  return set;
}

}  // namespace shodo::detect

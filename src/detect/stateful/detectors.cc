#include "detect/stateful/detectors.h"

#include "detect/stateful/detector_factories.h"

namespace shodo::detect {

std::vector<std::unique_ptr<StatefulDetector>> make_detectors(const DetectorOptions& options) {
  auto clients = std::make_shared<ClientIndex>();
  std::vector<std::unique_ptr<StatefulDetector>> all;
  all.push_back(make_web_brute_force(options));
  all.push_back(make_ssh_brute_force(options));
  all.push_back(make_scanning(options, clients));
  all.push_back(make_flood(options, clients));
  all.push_back(make_exfiltration(options, clients));
  all.push_back(make_webshell(options));
  return all;
}

}  // namespace shodo::detect

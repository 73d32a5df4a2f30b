// One factory per detector (each in its own file); make_detectors() lists them.
// Detectors with state per client share one ClientIndex.
#pragma once

#include <memory>

#include "detect/stateful/client_index.h"
#include "detect/stateful/detectors.h"
#include "detect/stateful/path_sizes.h"

namespace shodo::detect {

std::unique_ptr<StatefulDetector> make_web_brute_force(const DetectorOptions& o);
std::unique_ptr<StatefulDetector> make_ssh_brute_force(const DetectorOptions& o);
std::unique_ptr<StatefulDetector> make_scanning(const DetectorOptions& o,
                                                std::shared_ptr<ClientIndex> clients);
std::unique_ptr<StatefulDetector> make_flood(const DetectorOptions& o,
                                             std::shared_ptr<ClientIndex> clients);
// Reads `sizes`, which the detector set observes after the detectors.
std::unique_ptr<StatefulDetector> make_exfiltration(const DetectorOptions& o,
                                                    std::shared_ptr<ClientIndex> clients,
                                                    std::shared_ptr<const PathSizes> sizes);
// Judges "late" against `period`, which the detector set keeps.
std::unique_ptr<StatefulDetector> make_webshell(const DetectorOptions& o,
                                                std::shared_ptr<const WebPeriod> period);

}  // namespace shodo::detect

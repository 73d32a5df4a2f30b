// The renderers behind render_hunt(), one per format. Internal to report/.
#pragma once

#include <string>

#include "report/findings.h"

namespace shodo::report {

std::string render_hunt_text(const HuntReport& r);
std::string render_hunt_jsonl(const HuntReport& r);
std::string render_hunt_json(const HuntReport& r);
std::string render_hunt_csv(const HuntReport& r);

}  // namespace shodo::report

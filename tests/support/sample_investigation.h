// A complete investigation shaped like the bundled sample incident, built in
// code, for testing the outputs (findings.json, IOC exports, reports) without
// running the pipeline. `hostile` puts attacker-written markup, control
// characters and invalid UTF-8 into every evidence-derived string.
#pragma once

#include "investigate/investigation.h"

namespace shodo::testing {

investigate::Investigation sample_investigation(bool hostile = false);

// The strings `hostile` plants; none may appear unescaped in an HTML report.
inline constexpr const char* kHostileScript = "<script>alert(1)</script>";
inline constexpr const char* kHostileStyle = "</style><b>x</b>";

}  // namespace shodo::testing

// Internal to triage: SHA-256 of a file read through the view, so a finding
// can be looked up elsewhere (threat intelligence, other hosts).
#pragma once

#include <string>

#include "fsview/fsview.h"

namespace shodo::triage {

// Lower-case hex; empty when the file cannot be read to its end.
std::string sha256_of(const fsview::View& view, const fsview::FileInfo& file);

}  // namespace shodo::triage

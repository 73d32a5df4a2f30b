// Turning a name from an image into one safe to create on the analyst's
// machine (internal to the disk component).
#pragma once

#include <string>
#include <string_view>

namespace shodo::disk {

// One path component, safe and reversible: '/', '\\', '%', control
// characters (C0, DEL, C1) and bytes of invalid UTF-8 become %XX; "", "."
// and ".." are encoded so they can never name the current or parent folder;
// names longer than 200 bytes are cut and given a digest suffix so that
// distinct names stay distinct.
std::string safe_name(std::string_view name);

}  // namespace shodo::disk

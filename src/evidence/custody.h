// Building custody events for this session (who, when, tool, host).
#pragma once

#include <string>

#include "evidence/evidence.h"

namespace shodo::evidence {

cases::CustodyEvent make_event(const Session& s, std::string action, int64_t item_id,
                               std::string purpose);
// {"sha256":…,"sha1":…,"md5":…}, fields left out when empty.
std::string hashes_json(const Hashes& h);
// Item reference hashes against measured ones: "" when equal, else what differs.
std::string hash_mismatch(const Hashes& expected, const Hashes& found);

}  // namespace shodo::evidence

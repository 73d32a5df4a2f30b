// Hyperscan scratch space for the calling thread, fitted once to each
// database it is used with (fitting it on every scan costs more than a small
// file's scan).
#pragma once

#include <hs/hs.h>

namespace shodo::files {

// Null when Hyperscan cannot allocate it. Fitting it to a new database may
// move it: fetch it again for every scan rather than keep it.
hs_scratch_t* thread_scratch(const hs_database_t* db);

}  // namespace shodo::files

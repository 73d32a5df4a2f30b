// Compiled Hyperscan databases kept on disk between runs: compiling the
// shipped rules' regexes takes seconds, loading them milliseconds. An entry
// is found by a hash and checked against the full pattern list it was built
// from, so a collision or a stale file only costs a recompile.
#pragma once

#include <hs/hs.h>

#include <string>
#include <vector>

#include "detect/engine/hs_database.h"

namespace shodo::detect::engine {

// The key of a pattern list: Hyperscan's version, then every flag and regex.
std::string hs_cache_key(const std::vector<HsPattern>& patterns);

// A database stored under `key`, with the patterns it had rejected; null
// when absent, unreadable or built from something else.
hs_database_t* hs_cache_load(const std::string& key, std::vector<HsRejected>& rejected);
// Stores `db` (best effort: a cache that cannot be written is no error).
void hs_cache_store(const std::string& key, const hs_database_t* db,
                    const std::vector<HsRejected>& rejected);

}  // namespace shodo::detect::engine

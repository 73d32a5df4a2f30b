// Work kept on disk between runs (compiled Hyperscan databases, parsed rule
// files). An entry is found by a hash of its key and checked against the
// whole key, so a collision or a stale file only costs the work again. Best
// effort: a cache that cannot be read or written is no error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shodo::util {

// $SHODO_CACHE_DIR/<name>, else $XDG_CACHE_HOME/shodo/<name>, else
// ~/.cache/shodo/<name>; empty when none can be named. SHODO_CACHE_DIR=off
// disables every cache.
std::string cache_dir(std::string_view name);

// Where an entry is kept in a cache folder: a file named by a hash of `slot`
// (entries of one slot replace each other) and `suffix`.
struct CacheEntry {
  std::string_view slot;
  std::string_view suffix;
};

// The payload stored under `key`, or nothing when absent, unreadable,
// damaged (a checksum of the payload is kept with it) or stored for another
// key.
std::optional<std::string> cache_read(const std::string& dir, CacheEntry entry,
                                      std::string_view key);
// Stores it, written aside and renamed so that a concurrent run never reads
// half an entry.
void cache_write(const std::string& dir, CacheEntry entry, std::string_view key,
                 std::string_view payload);

// Payload building blocks: a little-endian u64, and bytes with their length.
void put_u64(std::string& out, uint64_t v);
void put_bytes(std::string& out, std::string_view s);
// Each takes from the front of `in`; false when `in` is too short.
bool get_u64(std::string_view& in, uint64_t& v);
bool get_bytes(std::string_view& in, std::string_view& out);

}  // namespace shodo::util

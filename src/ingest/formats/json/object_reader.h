// Reading one JSON object per line with simdjson, reporting its leaves by
// dotted key path. One reader per parser instance: simdjson's buffers and the
// padded copy of the line are reused from line to line.
#pragma once

#include <memory>
#include <string_view>

#include "ingest/arena.h"

namespace shodo::ingest::json {

enum class LeafKind : uint8_t {
  string,
  number,     // as written ("1.5e3")
  boolean,    // "true" / "false"
  composite,  // an array, or an object nested too deep: its JSON text
};

struct Leaf {
  std::string_view key;     // "a.b.c" for nested objects
  bool key_stable = false;  // false: the key lives only during the call
  std::string_view value;   // decoded; a view into the line or the arena
  LeafKind kind = LeafKind::string;
};

class LeafVisitor {
 public:
  virtual void leaf(const Leaf& leaf) = 0;

 protected:
  ~LeafVisitor() = default;
};

// The key of a leaf, copied to the arena when it would not outlive the call.
std::string_view keep_key(const Leaf& leaf, Arena& arena);

class ObjectReader {
 public:
  ObjectReader();
  ~ObjectReader();
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  // Reads `line` as exactly one JSON object and reports its leaves in order
  // (nulls are skipped). False, with `error` set to a short static reason,
  // when it is not one; leaves may have been reported before the fault.
  // Bytes that are not valid UTF-8 are accepted inside strings and kept as
  // they are: attackers put them in URLs, and Nginx logs them raw.
  bool read(std::string_view line, Arena& arena, LeafVisitor& visitor, std::string_view& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shodo::ingest::json

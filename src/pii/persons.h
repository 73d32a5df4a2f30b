// Distinct persons: rows sharing an identifier (e-mail, card, phone, My
// Number key) are one person, transitively (union-find over the keys).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pii/zeroed_array.h"

namespace shodo::pii {

class PersonIndex {
 public:
  // Rows of identifier keys (not 0), each row ended by a 0 and all keys of
  // a row one person. The slots of keys a little ahead are fetched from
  // memory while earlier rows are joined.
  void add_rows(const std::vector<uint64_t>& rows);
  uint64_t persons() const { return components_; }

 private:
  // Open addressing, key and node side by side: one cache line a probe.
  struct Slot {
    uint64_t key;
    uint32_t node;
  };
  void add_row(const uint64_t* keys, size_t n);
  uint32_t node(uint64_t key);
  uint32_t root(uint32_t n);
  void grow();

  ZeroedArray<Slot> slots_;
  size_t used_ = 0;
  std::vector<uint32_t> parent_;
  uint64_t components_ = 0;
};

}  // namespace shodo::pii

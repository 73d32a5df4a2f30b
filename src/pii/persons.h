// Distinct persons: rows sharing an identifier (e-mail, card, phone, My
// Number key) are one person, transitively (union-find over the keys).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shodo::pii {

class PersonIndex {
 public:
  // The identifier keys of one row (not 0), all one person.
  void add_row(const uint64_t* keys, size_t n);
  uint64_t persons() const { return components_; }

 private:
  uint32_t node(uint64_t key);
  uint32_t root(uint32_t n);
  void grow();

  std::vector<uint64_t> keys_;  // open addressing: key -> nodes_ at the same slot
  std::vector<uint32_t> nodes_;
  size_t used_ = 0;
  std::vector<uint32_t> parent_;
  uint64_t components_ = 0;
};

}  // namespace shodo::pii

// Sets of 64-bit value keys (hashes of normalized values: e-mail addresses
// lower-cased, card digits, national phone numbers...), open addressing:
// millions of distinct values cost 16 bytes each at most.
#pragma once

#include <cstdint>
#include <string_view>

#include "pii/zeroed_array.h"

namespace shodo::pii {

// The key of a normalized value of one kind (`domain` keeps kinds apart);
// never 0. Keyed at random per process (util::table_seed): compare keys only
// within one run.
uint64_t value_key(uint32_t domain, std::string_view normalized);

class HashSet64 {
 public:
  // true when `key` (not 0) was not in the set.
  bool insert(uint64_t key);
  // Adds `key` (not 0) later: keys are inserted a batch at a time, their
  // slots fetched from memory together rather than one cache miss after
  // another.
  void add(uint64_t key) {
    pending_[pending_size_++] = key;
    if (pending_size_ == kBatch) flush();
  }
  size_t size() {
    flush();
    return size_;
  }
  template <class F>
  void for_each(F&& f) {
    flush();
    for (uint64_t k : slots_)
      if (k) f(k);
  }

 private:
  static constexpr size_t kBatch = 16;
  void flush();
  void grow();
  ZeroedArray<uint64_t> slots_;
  size_t size_ = 0;
  uint64_t pending_[kBatch];
  size_t pending_size_ = 0;
};

}  // namespace shodo::pii

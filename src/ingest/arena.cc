#include "ingest/arena.h"

#include <algorithm>
#include <cstring>

namespace shodo::ingest {

char* Arena::reserve(size_t n) {
  if (static_cast<size_t>(end_ - pos_) < n) {
    // Reuse a chunk kept from before reset() when it is large enough.
    while (next_chunk_ < chunks_.size() && sizes_[next_chunk_] < n) ++next_chunk_;
    if (next_chunk_ == chunks_.size()) {
      size_t size = std::max(kChunk, n);
      chunks_.push_back(std::make_unique<char[]>(size));
      sizes_.push_back(size);
    }
    pos_ = chunks_[next_chunk_].get();
    end_ = pos_ + sizes_[next_chunk_];
    ++next_chunk_;
  }
  reserved_ = pos_;
  return pos_;
}

std::string_view Arena::commit(size_t used) {
  std::string_view out(reserved_, used);
  pos_ = reserved_ + used;
  return out;
}

std::string_view Arena::store(std::string_view s) {
  if (s.empty()) return {};
  char* p = reserve(s.size());
  std::memcpy(p, s.data(), s.size());
  return commit(s.size());
}

void Arena::reset() {
  next_chunk_ = 0;
  pos_ = end_ = reserved_ = nullptr;
}

}  // namespace shodo::ingest

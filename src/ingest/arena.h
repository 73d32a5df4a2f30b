// A bump allocator for text that parsers decode (unescaped quotes, JSON
// strings): views into it stay valid until the arena is reset or destroyed.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace shodo::ingest {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  // Room for n bytes that stays put; fill it, then call commit(used).
  char* reserve(size_t n);
  std::string_view commit(size_t used);
  std::string_view store(std::string_view s);
  void reset();

 private:
  static constexpr size_t kChunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<size_t> sizes_;
  char* pos_ = nullptr;
  char* end_ = nullptr;
  char* reserved_ = nullptr;
  size_t next_chunk_ = 0;
};

}  // namespace shodo::ingest

// Cuts a byte stream into blocks of whole lines, numbering them, with
// bounded memory whatever the line lengths.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/read/stream.h"

namespace shodo::ingest {

// A growable byte buffer that does not zero what it will overwrite.
class Buffer {
 public:
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_.get(), size_}; }
  void clear() { size_ = 0; }
  void resize(size_t n) {
    reserve(n);
    size_ = n;
  }
  void reserve(size_t n);
  void assign(std::string_view s);

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0, capacity_ = 0;
};

class BlockReader {
 public:
  // A block holds at most block_bytes and at most kMaxLinesPerBlock lines:
  // each line becomes an event of a few hundred bytes, so a file of tiny
  // lines must not turn a block into hundreds of megabytes of events.
  static constexpr size_t kMaxLinesPerBlock = 8192;

  BlockReader(ByteStream& stream, size_t block_bytes, size_t max_line_bytes)
      : stream_(stream), block_(block_bytes), max_line_(max_line_bytes) {}

  // Fills `out` with whole lines (the last one may lack its newline at the
  // end of the stream). Lines too long to hold are skipped and described in
  // `skipped` (counted in the line numbers). False when the stream is done.
  bool next(Buffer& out, uint64_t& first_line, uint64_t& first_offset,
            std::vector<BadLine>& skipped);

  uint64_t lines() const { return next_line_ - 1; }
  uint64_t bytes() const { return next_offset_; }

 private:
  void fill(Buffer& out, size_t want);
  void skip_long_line(Buffer& out, std::vector<BadLine>& skipped);

  ByteStream& stream_;
  size_t block_, max_line_;
  Buffer carry_;
  uint64_t next_line_ = 1, next_offset_ = 0;
  bool eof_ = false;
};

// Number of '\n' in s.
size_t count_newlines(std::string_view s);
// Where the line after the n-th '\n' of s starts (n >= 1), as an offset
// into s; npos when s holds fewer than n.
size_t skip_lines(std::string_view s, uint64_t n);

}  // namespace shodo::ingest

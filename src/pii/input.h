// A window on one file's decoded text for the parsers: refilled in chunks,
// the bytes from a kept position on moved to the front, with the offset and
// line number of any position (lines counted only when asked).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "pii/decoder.h"

namespace shodo::pii {

class Input {
 public:
  Input(Decoder& decoder, size_t chunk_bytes, size_t max_token);

  std::string_view window() const { return {buf_.get(), size_}; }
  const char* data() const { return buf_.get(); }
  size_t size() const { return size_; }
  // Drops the bytes before `keep` (positions in the window move down by
  // `keep`) and reads more after the rest. false at the end of the text.
  bool more(size_t keep);

  // A line starting at `pos` (which moves when bytes before it are
  // dropped): its length without the '\n', cut at max_token. false at the
  // end of the text.
  struct Line {
    size_t len = 0;
    bool newline = false;  // ends in '\n'
    bool cut = false;      // longer than max_token: `len` is max_token
  };
  bool next_line(size_t& pos, Line& out);
  // Moves `pos` past the line (past the whole of a cut one).
  void past_line(size_t& pos, const Line& line);

  uint64_t offset(size_t pos) const { return base_ + pos; }
  uint64_t line(size_t pos) const;  // 1-based
  uint64_t bytes_read() const { return base_ + size_; }
  // Longest token (line, header, value) the parsers hold.
  size_t max_token() const { return max_token_; }

 private:
  Decoder& decoder_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_, chunk_, max_token_, size_ = 0;
  uint64_t base_ = 0, base_line_ = 1;
  bool eof_ = false;
};

}  // namespace shodo::pii

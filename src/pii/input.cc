#include "pii/input.h"

#include <cstring>

#include "ingest/read/block_reader.h"

namespace shodo::pii {

Input::Input(Decoder& decoder, size_t chunk_bytes, size_t max_token)
    : decoder_(decoder),
      capacity_(chunk_bytes + max_token + 64),
      chunk_(chunk_bytes),
      max_token_(max_token) {
  // Not zeroed: a small file touches only the pages it fills.
  buf_.reset(new char[capacity_]);
}

bool Input::more(size_t keep) {
  if (keep > size_) keep = size_;
  base_line_ += ingest::count_newlines(std::string_view(buf_.get(), keep));
  base_ += keep;
  std::memmove(buf_.get(), buf_.get() + keep, size_ - keep);
  size_ -= keep;
  if (capacity_ - size_ < chunk_) {
    // Parsers keep at most max_token bytes; this only guards the arithmetic.
    std::unique_ptr<char[]> bigger(new char[size_ + chunk_]);
    std::memcpy(bigger.get(), buf_.get(), size_);
    buf_ = std::move(bigger);
    capacity_ = size_ + chunk_;
  }
  size_t got = 0;
  // The decoder returns short reads (a decompressor's block): fill a chunk.
  while (got < chunk_) {
    const size_t n = decoder_.read(buf_.get() + size_ + got, chunk_ - got);
    if (n == 0) break;
    got += n;
  }
  size_ += got;
  eof_ = got == 0;
  return got != 0;
}

bool Input::next_line(size_t& pos, Line& out) {
  for (;;) {
    const void* nl = std::memchr(buf_.get() + pos, '\n', size_ - pos);
    if (nl) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - (buf_.get() + pos));
      out = len > max_token_ ? Line{max_token_, false, true} : Line{len, true, false};
      return true;
    }
    if (size_ - pos > max_token_) {
      out = {max_token_, false, true};
      return true;
    }
    if (eof_) {
      out = {size_ - pos, false, false};
      return size_ > pos;
    }
    more(pos);
    pos = 0;
  }
}

void Input::past_line(size_t& pos, const Line& line) {
  pos += line.len + (line.newline ? 1 : 0);
  if (!line.cut) return;
  for (;;) {
    const void* nl = std::memchr(buf_.get() + pos, '\n', size_ - pos);
    if (nl) {
      pos = static_cast<size_t>(static_cast<const char*>(nl) - buf_.get()) + 1;
      return;
    }
    pos = size_;
    const bool got = more(pos);
    pos = 0;  // more() dropped the bytes before pos, also at the end
    if (!got) return;
  }
}

uint64_t Input::line(size_t pos) const {
  return base_line_ + ingest::count_newlines(std::string_view(buf_.get(), pos));
}

}  // namespace shodo::pii

// Reading each byte once: the calling thread fills fixed-size buffers from a
// source, and every stage (hashing, encrypting) sees every buffer in order
// on its own thread. A small pool of buffers bounds memory whatever the
// source size; the slowest stage sets the pace.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace shodo::evidence {

inline constexpr size_t kChunkSize = 1 << 20;  // also the vault's chunk size

// Fills buf with up to cap bytes; fewer only at the end of the source.
// false (and error set) on a read error.
using Fill = std::function<bool(unsigned char* buf, size_t cap, size_t& got, std::string& error)>;
// Takes one buffer; `last` is set on the final one (which may be short or
// empty). false (and error set) stops the pipeline.
using Stage =
    std::function<bool(const unsigned char* data, size_t n, bool last, std::string& error)>;

// Runs until the source ends; false with the first error from the source or
// a stage. `bytes` is the total read.
bool run_pipeline(const Fill& fill, const std::vector<Stage>& stages, size_t& bytes,
                  std::string& error);

// A Fill over an fsview::Reader-like read(buf, n) function: loops until the
// buffer is full or the reader ends.
template <class R>
Fill fill_from(R& reader) {
  return [&reader](unsigned char* buf, size_t cap, size_t& got, std::string& error) {
    got = 0;
    while (got < cap) {
      size_t n = reader.read(reinterpret_cast<char*>(buf) + got, cap - got);
      if (n == 0) break;
      got += n;
    }
    if (!reader.error().empty()) {
      error = reader.error();
      return false;
    }
    return true;
  };
}

}  // namespace shodo::evidence

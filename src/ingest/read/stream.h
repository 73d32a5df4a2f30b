// Reading evidence files as decompressed byte streams, from a host file or
// from any fsview::Reader (a file inside a disk image, streamed from libtsk
// without a temporary copy). Compression is told by magic bytes, not by
// name: rotated logs are often renamed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fsview/fsview.h"
#include "util/expansion_limit.h"

namespace shodo::ingest {

class ByteStream {
 public:
  // Opens read-only (O_NOATIME where allowed: reading evidence must not change
  // it). nullptr and the reason in `error` when the file cannot be read.
  // Compressed data stops at `limit` (a compression bomb), with error() set.
  static std::unique_ptr<ByteStream> open(const std::string& path, std::string& error,
                                          const util::ExpansionLimit& limit = {});
  // Decompresses what `raw` reads (nullptr and the reason when it cannot).
  static std::unique_ptr<ByteStream> open(std::unique_ptr<fsview::Reader> raw, std::string& error,
                                          const util::ExpansionLimit& limit = {});

  virtual ~ByteStream();
  // Up to n decompressed bytes; 0 at the end or on an error (see error()).
  virtual size_t read(char* buf, size_t n) = 0;
  virtual std::string_view compression() const = 0;
  // Moves past a hole of a sparse, uncompressed file at the read position
  // (see fsview::Reader::skip_hole): the bytes passed, 0 when none.
  virtual uint64_t skip_hole() { return 0; }

  // Set when the stream stopped before its end (truncated or corrupt data):
  // what was read until then is good.
  const std::string& error() const { return error_; }
  // Bytes of the file consumed so far (for progress).
  uint64_t raw_consumed() const { return raw_consumed_; }

 protected:
  ByteStream(std::unique_ptr<fsview::Reader> raw, std::string peeked)
      : source_(std::move(raw)), peeked_(std::move(peeked)) {}
  // Reads raw file bytes; false on an I/O error (recorded in error_).
  bool read_raw(char* buf, size_t n, size_t& got);

  std::unique_ptr<fsview::Reader> source_;
  std::string peeked_;  // the first bytes, read to tell the compression
  size_t peeked_used_ = 0;
  std::string error_;
  uint64_t raw_consumed_ = 0;
};

}  // namespace shodo::ingest

// Writes a large vault file past the page cache (O_DIRECT): the encrypted
// copy of a big image or log is not read again during the investigation,
// and copying it into the cache cost more CPU than encrypting it. Bytes are
// gathered in an aligned buffer and written in aligned runs; the unaligned
// tail goes through the cache at the end. Where O_DIRECT is refused (tmpfs,
// some network file systems) the same writes simply go through the cache.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace shodo::evidence {

class DirectWriter {
 public:
  // `fd` is written from its current offset.
  DirectWriter(int fd, size_t most_per_reserve);
  DirectWriter(const DirectWriter&) = delete;
  DirectWriter& operator=(const DirectWriter&) = delete;

  // Room for up to `most_per_reserve` bytes, filled in place, then commit(n).
  unsigned char* reserve() { return buf_.get() + used_; }
  bool commit(size_t n, std::string& error);
  // Writes what is left; the file is then complete (not yet synced).
  bool finish(std::string& error);

 private:
  bool write_aligned(std::string& error);
  bool write_out(size_t n, std::string& error);  // the first n bytes held

  struct Free {
    void operator()(unsigned char* p) const;
  };
  int fd_;
  bool started_ = false, direct_ = false;
  uint64_t offset_ = 0;  // of the file, where the held bytes go
  size_t used_ = 0;
  std::unique_ptr<unsigned char[], Free> buf_;
};

}  // namespace shodo::evidence

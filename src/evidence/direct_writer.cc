#include "evidence/direct_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>

namespace shodo::evidence {
namespace {

// Offsets, lengths and the buffer aligned to 4 KiB suit every logical block
// size in use (512 B and 4 KiB).
constexpr size_t kAlign = 4096;
constexpr size_t kRun = 4u << 20;  // bytes per write

bool set_direct(int fd, bool on) {
  const int flags = ::fcntl(fd, F_GETFL);
  return flags >= 0 && ::fcntl(fd, F_SETFL, on ? flags | O_DIRECT : flags & ~O_DIRECT) == 0;
}

}  // namespace

void DirectWriter::Free::operator()(unsigned char* p) const {
  std::free(p);
}

DirectWriter::DirectWriter(int fd, size_t most_per_reserve)
    : fd_(fd),
      buf_(static_cast<unsigned char*>(
          std::aligned_alloc(kAlign, (kRun + most_per_reserve + kAlign) / kAlign * kAlign))) {
  if (!buf_) throw std::bad_alloc();
  const off_t at = ::lseek(fd_, 0, SEEK_CUR);
  offset_ = at > 0 ? static_cast<uint64_t>(at) : 0;
}

bool DirectWriter::commit(size_t n, std::string& error) {
  used_ += n;
  return used_ < kRun || write_aligned(error);
}

bool DirectWriter::finish(std::string& error) {
  if (!write_aligned(error)) return false;
  // The tail is not a whole block: through the cache.
  if (direct_ && !set_direct(fd_, false)) {
    error = std::string("writing the vault: ") + std::strerror(errno);
    return false;
  }
  direct_ = false;
  return write_out(used_, error);
}

bool DirectWriter::write_aligned(std::string& error) {
  if (!started_) {
    // Up to the first block boundary through the cache (the file may start
    // with a header written before); from there on past it.
    started_ = true;
    const size_t head = std::min<size_t>((kAlign - offset_ % kAlign) % kAlign, used_);
    if (!write_out(head, error)) return false;
    direct_ = set_direct(fd_, true);
  }
  return write_out(used_ / kAlign * kAlign, error);
}

bool DirectWriter::write_out(size_t n, std::string& error) {
  const unsigned char* p = buf_.get();
  size_t left = n;
  while (left > 0) {
    const ssize_t w = ::write(fd_, p, left);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno == EINVAL && direct_ && set_direct(fd_, false)) {
      direct_ = false;  // refused here after all: through the cache
      continue;
    }
    if (w < 0) {
      error = std::string("writing the vault: ") + std::strerror(errno);
      return false;
    }
    p += w;
    left -= static_cast<size_t>(w);
  }
  // What is left moves to the front, where the buffer is aligned.
  std::memmove(buf_.get(), buf_.get() + n, used_ - n);
  used_ -= n;
  offset_ += n;
  return true;
}

}  // namespace shodo::evidence

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
      flush_at_(kRun),
      buf_(static_cast<unsigned char*>(
          std::aligned_alloc(kAlign, (kRun + most_per_reserve + kAlign) / kAlign * kAlign))) {
  if (!buf_) throw std::bad_alloc();
  direct_ = set_direct(fd_, true);
}

bool DirectWriter::commit(size_t n, std::string& error) {
  used_ += n;
  if (used_ < flush_at_) return true;
  const size_t aligned = used_ / kAlign * kAlign;
  if (!write_out(aligned, error)) return false;
  std::memmove(buf_.get(), buf_.get() + aligned, used_ - aligned);
  used_ -= aligned;
  return true;
}

bool DirectWriter::finish(std::string& error) {
  const size_t aligned = used_ / kAlign * kAlign;
  if (aligned > 0 && !write_out(aligned, error)) return false;
  // The tail is not a whole block: through the cache.
  if (direct_ && !set_direct(fd_, false)) {
    error = std::string("writing the vault: ") + std::strerror(errno);
    return false;
  }
  direct_ = false;
  const size_t rest = used_ - aligned;
  std::memmove(buf_.get(), buf_.get() + aligned, rest);
  used_ = rest;
  return write_out(rest, error);
}

bool DirectWriter::write_out(size_t n, std::string& error) {
  const unsigned char* p = buf_.get();
  while (n > 0) {
    const ssize_t w = ::write(fd_, p, n);
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
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace shodo::evidence

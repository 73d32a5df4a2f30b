#include "evidence/source_fd.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace shodo::evidence {
namespace {

class FdReader final : public fsview::Reader {
 public:
  explicit FdReader(int fd) : fd_(fd) {}
  ~FdReader() override { ::close(fd_); }
  size_t read(char* buf, size_t n) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return 0;
    }
  }

 private:
  int fd_;
};

}  // namespace

int open_source_fd(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  return fd;
}

std::unique_ptr<fsview::Reader> reader_for_fd(int fd) {
  return std::make_unique<FdReader>(fd);
}

}  // namespace shodo::evidence

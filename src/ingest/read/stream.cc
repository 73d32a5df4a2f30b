#include "ingest/read/stream.h"

#include <bzlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "util/expansion_limit.h"

namespace shodo::ingest {
namespace {

constexpr size_t kRawChunk = 1u << 20;

std::string errno_text(int e) {
  return std::strerror(e);
}

// A host file's bytes.
class FdReader final : public fsview::Reader {
 public:
  explicit FdReader(int fd) : fd_(fd) {}
  ~FdReader() override { close(fd_); }
  size_t read(char* buf, size_t n) override {
    for (;;) {
      const ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      error_ = errno_text(errno);
      return 0;
    }
  }
  uint64_t skip_hole() override {
    const off_t at = lseek(fd_, 0, SEEK_CUR);
    if (at < 0) return 0;
    off_t data = lseek(fd_, at, SEEK_DATA);
    if (data < 0 && errno == ENXIO) data = lseek(fd_, 0, SEEK_END);  // a hole up to the end
    if (data <= at) {
      lseek(fd_, at, SEEK_SET);  // no hole here, or no SEEK_DATA on this file system
      return 0;
    }
    return static_cast<uint64_t>(data - at);
  }

 private:
  int fd_;
};

using RawPtr = std::unique_ptr<fsview::Reader>;

class PlainStream final : public ByteStream {
 public:
  PlainStream(RawPtr raw, std::string peeked) : ByteStream(std::move(raw), std::move(peeked)) {}
  size_t read(char* buf, size_t n) override {
    size_t got = 0;
    read_raw(buf, n, got);
    return got;
  }
  std::string_view compression() const override { return "none"; }
  uint64_t skip_hole() override {
    if (peeked_used_ < peeked_.size()) return 0;
    const uint64_t skipped = source_->skip_hole();
    raw_consumed_ += skipped;
    return skipped;
  }
};

// Compressed streams share the input buffer handling and the check that
// the data does not expand like a compression bomb.
class CompressedStream : public ByteStream {
 public:
  size_t read(char* buf, size_t n) final {
    if (bomb_) return 0;
    const size_t got = decompress(buf, n);
    expanded_ += got;
    if (limit_.exceeded(raw_consumed_, expanded_)) {
      error_ = limit_.reason(raw_consumed_, expanded_);
      bomb_ = true;
    }
    return got;
  }
  void set_limit(const util::ExpansionLimit& limit) { limit_ = limit; }

 protected:
  CompressedStream(RawPtr raw, std::string peeked)
      : ByteStream(std::move(raw), std::move(peeked)), in_(kRawChunk) {}
  // Up to n decompressed bytes; 0 at the end or on an error (see error()).
  virtual size_t decompress(char* buf, size_t n) = 0;
  // Refills the input buffer when it is empty; false at the end of the file.
  bool refill(const char*& next, size_t& avail) {
    if (avail > 0) return true;
    size_t got = 0;
    if (!read_raw(in_.data(), in_.size(), got) || got == 0) return false;
    next = in_.data();
    avail = got;
    return true;
  }
  std::vector<char> in_;

 private:
  util::ExpansionLimit limit_;
  uint64_t expanded_ = 0;
  bool bomb_ = false;
};

class GzipStream final : public CompressedStream {
 public:
  GzipStream(RawPtr raw, std::string peeked) : CompressedStream(std::move(raw), std::move(peeked)) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
    if (!ok_) error_ = "zlib could not start";
  }
  ~GzipStream() override { inflateEnd(&z_); }
  std::string_view compression() const override { return "gzip"; }

  size_t decompress(char* buf, size_t n) override {
    if (!ok_ || done_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out > 0) {
      const char* next = reinterpret_cast<const char*>(z_.next_in);
      size_t avail = z_.avail_in;
      if (!refill(next, avail)) {
        if (error_.empty() && in_member_)
          error_ = "gzip data truncated (the file ends inside a compressed stream)";
        done_ = true;
        break;
      }
      z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(next));
      z_.avail_in = static_cast<uInt>(avail);
      in_member_ = true;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        // Concatenated members (pigz, appended rotations) continue; anything
        // else after the stream is reported, not read as data.
        if (!next_member()) {
          done_ = true;
          break;
        }
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        error_ = std::string("gzip data corrupt: ") + (z_.msg ? z_.msg : "inflate error");
        done_ = true;
        break;
      }
    }
    return n - z_.avail_out;
  }

 private:
  bool next_member() {
    const char* next = reinterpret_cast<const char*>(z_.next_in);
    size_t avail = z_.avail_in;
    if (!refill(next, avail)) return false;
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(next));
    z_.avail_in = static_cast<uInt>(avail);
    if (avail >= 1 && static_cast<unsigned char>(next[0]) != 0x1f) {
      bool zeros = true;
      for (size_t i = 0; i < avail; ++i) zeros = zeros && next[i] == 0;
      if (!zeros) error_ = "data after the end of the gzip stream was not read";
      return false;
    }
    inflateReset(&z_);
    return true;
  }

  z_stream z_;
  bool ok_ = false, done_ = false, in_member_ = false;
};

class Bzip2Stream final : public CompressedStream {
 public:
  Bzip2Stream(RawPtr raw, std::string peeked)
      : CompressedStream(std::move(raw), std::move(peeked)) {
    std::memset(&bz_, 0, sizeof bz_);
  }
  ~Bzip2Stream() override {
    if (in_stream_) BZ2_bzDecompressEnd(&bz_);
  }
  std::string_view compression() const override { return "bzip2"; }

  size_t decompress(char* buf, size_t n) override {
    size_t produced = 0;
    while (!done_ && produced < n) {
      if (!refill(next_, avail_)) {
        if (error_.empty() && in_stream_)
          error_ = "bzip2 data truncated (the file ends inside a compressed stream)";
        done_ = true;
        break;
      }
      if (!in_stream_ && !start_stream()) break;
      bz_.next_in = const_cast<char*>(next_);
      bz_.avail_in = static_cast<unsigned>(avail_);
      bz_.next_out = buf + produced;
      bz_.avail_out = static_cast<unsigned>(n - produced);
      const int rc = BZ2_bzDecompress(&bz_);
      produced = static_cast<size_t>(bz_.next_out - buf);
      next_ = bz_.next_in;
      avail_ = bz_.avail_in;
      if (rc == BZ_STREAM_END) {
        // Concatenated streams (pbzip2) continue with the next one.
        BZ2_bzDecompressEnd(&bz_);
        in_stream_ = false;
        ++streams_;
      } else if (rc != BZ_OK) {
        error_ = "bzip2 data corrupt (error " + std::to_string(rc) + ")";
        done_ = true;
      }
    }
    return produced;
  }

 private:
  bool start_stream() {
    if (streams_ > 0 && next_[0] != 'B') {
      bool zeros = true;
      for (size_t i = 0; i < avail_; ++i) zeros = zeros && next_[i] == 0;
      if (!zeros) error_ = "data after the end of the bzip2 stream was not read";
      done_ = true;
      return false;
    }
    if (BZ2_bzDecompressInit(&bz_, 0, 0) != BZ_OK) {
      error_ = "bzip2 could not start";
      done_ = true;
      return false;
    }
    in_stream_ = true;
    return true;
  }

  bz_stream bz_;
  const char* next_ = nullptr;
  size_t avail_ = 0;
  size_t streams_ = 0;
  bool done_ = false, in_stream_ = false;
};

class ZstdStream final : public CompressedStream {
 public:
  ZstdStream(RawPtr raw, std::string peeked)
      : CompressedStream(std::move(raw), std::move(peeked)), dctx_(ZSTD_createDCtx()) {
    // A frame may ask for a huge window: keep the limit at 128 MiB (zstd's
    // default, stated so that a library change cannot raise it silently).
    ZSTD_DCtx_setParameter(dctx_, ZSTD_d_windowLogMax, 27);
  }
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }
  std::string_view compression() const override { return "zstd"; }

  size_t decompress(char* buf, size_t n) override {
    if (done_) return 0;
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos < out.size) {
      if (in_.pos == in_.size) {
        size_t got = 0;
        if (!read_raw(raw_.data(), raw_.size(), got) || got == 0) {
          if (error_.empty() && last_ != 0)
            error_ = "zstd data truncated (the file ends inside a frame)";
          done_ = true;
          break;
        }
        in_ = {raw_.data(), got, 0};
      }
      const size_t in_before = in_.pos;
      const bool between_frames = last_ == 0;
      last_ = ZSTD_decompressStream(dctx_, &out, &in_);
      if (ZSTD_isError(last_)) {
        // Zero padding after the last frame (block-device copies) is not
        // data, as gzip and bzip2 treat it too; anything else is corrupt.
        const char* rest = static_cast<const char*>(in_.src) + in_before;
        const size_t rest_n = in_.size - in_before;
        bool zeros = between_frames && rest_n > 0;
        for (size_t i = 0; zeros && i < rest_n; ++i) zeros = rest[i] == 0;
        if (!zeros) error_ = std::string("zstd data corrupt: ") + ZSTD_getErrorName(last_);
        done_ = true;
        break;
      }
    }
    return out.pos;
  }

 private:
  ZSTD_DCtx* dctx_;
  std::vector<char> raw_ = std::vector<char>(kRawChunk);
  ZSTD_inBuffer in_{nullptr, 0, 0};
  size_t last_ = 0;
  bool done_ = false;
};

}  // namespace

ByteStream::~ByteStream() = default;

bool ByteStream::read_raw(char* buf, size_t n, size_t& got) {
  got = std::min(n, peeked_.size() - peeked_used_);
  std::memcpy(buf, peeked_.data() + peeked_used_, got);
  peeked_used_ += got;
  while (got < n) {
    const size_t r = source_->read(buf + got, n - got);
    if (r == 0) {
      if (!source_->error().empty()) {
        error_ = "read error: " + source_->error();
        raw_consumed_ += got;
        return false;
      }
      break;
    }
    got += r;
  }
  raw_consumed_ += got;
  return true;
}

std::unique_ptr<ByteStream> ByteStream::open(const std::string& path, std::string& error,
                                             const util::ExpansionLimit& limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME | O_NONBLOCK);
  if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = errno_text(errno);
    return nullptr;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "not a regular file";
    close(fd);
    return nullptr;
  }
  // O_NONBLOCK only guarded the open against FIFOs; regular reads block.
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return open(std::make_unique<FdReader>(fd), error, limit);
}

std::unique_ptr<ByteStream> ByteStream::open(RawPtr raw, std::string& error,
                                             const util::ExpansionLimit& limit) {
  if (!raw) return nullptr;
  std::string peeked(6, '\0');
  size_t m = 0;
  while (m < peeked.size()) {
    const size_t r = raw->read(peeked.data() + m, peeked.size() - m);
    if (r == 0) break;
    m += r;
  }
  if (!raw->error().empty()) {
    error = "read error: " + raw->error();
    return nullptr;
  }
  peeked.resize(m);
  const auto* magic = reinterpret_cast<const unsigned char*>(peeked.data());
  std::unique_ptr<CompressedStream> compressed;
  if (m >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
    compressed = std::make_unique<GzipStream>(std::move(raw), std::move(peeked));
  else if (m >= 3 && std::memcmp(magic, "BZh", 3) == 0)
    compressed = std::make_unique<Bzip2Stream>(std::move(raw), std::move(peeked));
  else if (m >= 4 && magic[0] == 0x28 && magic[1] == 0xB5 && magic[2] == 0x2F && magic[3] == 0xFD)
    compressed = std::make_unique<ZstdStream>(std::move(raw), std::move(peeked));
  if (compressed) {
    compressed->set_limit(limit);
    return compressed;
  }
  if (m >= 6 && std::memcmp(magic,
                            "\xFD"
                            "7zXZ\0",
                            6) == 0) {
    error = "xz-compressed, which is not supported yet (decompress a copy first: xz -dk FILE)";
    return nullptr;
  }
  return std::make_unique<PlainStream>(std::move(raw), std::move(peeked));
}

}  // namespace shodo::ingest

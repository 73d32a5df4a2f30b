// Large vault files are written past the page cache in aligned runs.
#include "evidence/direct_writer.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>

#include "support/temp_dir.h"

namespace {

using shodo::evidence::DirectWriter;

TEST(DirectWriter, WritesEveryByteInOrderWhateverThePieceSizes) {
  shodo::testing::TempDir tmp;
  const std::string path = (tmp.path() / "out.bin").string();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  // A header written before, so the file does not start on a block.
  std::string expected(48, 'H');
  ASSERT_EQ(::write(fd, expected.data(), expected.size()), 48);
  {
    constexpr size_t kMost = (1 << 20) + 16;
    DirectWriter w(fd, kMost);
    std::string error;
    // Pieces that never fill a block exactly and cross the 4 MiB run
    // several times.
    for (size_t piece : {kMost, kMost, size_t{1}, kMost, size_t{4095}, kMost, kMost, size_t{4097},
                         kMost, size_t{777}}) {
      unsigned char* p = w.reserve();
      for (size_t i = 0; i < piece; ++i)
        p[i] = static_cast<unsigned char>(expected.size() + i * 31);
      expected.append(reinterpret_cast<const char*>(p), piece);
      ASSERT_TRUE(w.commit(piece, error)) << error;
    }
    ASSERT_TRUE(w.finish(error)) << error;
  }
  ::close(fd);
  EXPECT_EQ(shodo::testing::read_file(path), expected);
}

TEST(DirectWriter, ATailShorterThanABlockIsWritten) {
  shodo::testing::TempDir tmp;
  const std::string path = (tmp.path() / "small.bin").string();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  {
    DirectWriter w(fd, 64);
    std::string error;
    std::memcpy(w.reserve(), "short tail", 10);
    ASSERT_TRUE(w.commit(10, error));
    ASSERT_TRUE(w.finish(error)) << error;
  }
  ::close(fd);
  EXPECT_EQ(shodo::testing::read_file(path), "short tail");
}

}  // namespace

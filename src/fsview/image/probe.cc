#include <fcntl.h>
#include <unistd.h>

#include <string_view>

#include "fsview/fsview.h"

namespace shodo::fsview {

bool looks_like_disk_image(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  char buf[2048] = {};
  const ssize_t got = ::pread(fd, buf, sizeof buf, 0);
  ::close(fd);
  if (got < 8) return false;
  const std::string_view head(buf, static_cast<size_t>(got));
  auto at = [&](size_t offset, std::string_view magic) {
    return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
  };
  return at(0, std::string_view("EVF\x09\x0d\x0a\xff\x00", 8)) ||  // E01
         at(0, "EVF2\r\n") || at(0, "KDMV") || at(0, "conectix") || at(0, "AFF10\r\n") ||
         at(510, "\x55\xaa") ||   // MBR, FAT and NTFS boot sectors
         at(512, "EFI PART") ||   // GPT
         at(1080, "\x53\xef") ||  // ext2/3/4
         at(1024, "H+") || at(1024, "HX") || at(0, "XFSB") || at(0, "LUKS\xba\xbe") ||
         at(536, "LVM2 001");
}

}  // namespace shodo::fsview

// Naming what sits where libtsk found no file system, by its magic bytes,
// with what the analyst can do instead: the partition is not silently lost.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "fsview/image/image.h"

namespace shodo::fsview::image {
namespace {

struct Magic {
  uint64_t at;
  std::string_view bytes;
  std::string_view what;
};

// Ordered: the first match wins.
constexpr Magic kMagics[] = {
    {0, "XFSB",
     "an XFS file system, which libtsk cannot read; mount a copy read-only "
     "(mount -o ro,norecovery,loop,offset=OFFSET) and run shodo on the folder"},
    {65600, "_BHRfS_M",
     "a Btrfs file system, which libtsk cannot read; mount a copy read-only "
     "(mount -o ro,loop,offset=OFFSET) or copy files out with `btrfs restore`"},
    {536, "LVM2 001",
     "an LVM2 physical volume; attach it read-only (losetup -r -o OFFSET), activate the volume "
     "group (vgchange -ay) and image each logical volume, then give shodo those images"},
    {0, "LUKS\xba\xbe",
     "a LUKS encrypted volume; it needs the passphrase or key: open it read-only "
     "(cryptsetup open --readonly) and image the mapped device"},
    {3, "-FVE-FS-",
     "a BitLocker encrypted volume; it needs the recovery key (dislocker), then image the "
     "decrypted volume"},
    {4086, "SWAPSPACE2",
     "Linux swap space (no files); search it for text (strings -a) such as commands or "
     "credentials"},
    {4086, "SWAP-SPACE", "Linux swap space (no files); search it for text (strings -a)"},
    {131072, std::string_view("\x0c\xb1\xba\x00\x00\x00\x00\x00", 8),
     "a ZFS pool member, which libtsk cannot read; import a copy read-only "
     "(zpool import -o readonly=on) and run shodo on the mounted folder"},
    {4096, "\xfc\x4e\x2b\xa9",
     "a Linux software RAID (md) member; assemble the set read-only (mdadm --assemble "
     "--readonly) and image the md device"},
    {1080, "\x53\xef",
     "an ext2/3/4 superblock that libtsk could not read (damaged or truncated); check a copy "
     "with `e2fsck -n` or `debugfs -c`"},
    {3, "NTFS    ",
     "an NTFS boot sector that libtsk could not read (damaged or truncated); try the backup "
     "boot sector at the end of the partition (ntfsfix on a copy)"},
    {82, "FAT32   ", "a FAT32 boot sector that libtsk could not read (damaged or truncated)"},
    {54, "FAT1", "a FAT12/16 boot sector that libtsk could not read (damaged or truncated)"},
};

}  // namespace

std::string identify_unreadable(TSK_IMG_INFO* img, uint64_t offset, uint64_t length) {
  constexpr size_t kProbe = 135168;  // covers every magic above
  std::vector<char> buf(static_cast<size_t>(std::min<uint64_t>(kProbe, length)));
  ssize_t got =
      buf.empty() ? 0 : tsk_img_read(img, static_cast<TSK_OFF_T>(offset), buf.data(), buf.size());
  if (got <= 0) {
    tsk_error_reset();
    return "the bytes there cannot be read (the image is shorter than its partition table says)";
  }
  std::string_view data(buf.data(), static_cast<size_t>(got));
  for (const Magic& m : kMagics) {
    if (m.at + m.bytes.size() <= data.size() && data.substr(m.at, m.bytes.size()) == m.bytes) {
      std::string what = "appears to be " + std::string(m.what);
      if (size_t at = what.find("OFFSET"); at != std::string::npos)
        what.replace(at, 6, std::to_string(offset));
      return what;
    }
  }
  if (std::all_of(data.begin(), data.end(), [](char c) { return c == 0; }))
    return fmt::format("the first {} bytes are zeros: unformatted, wiped or never written",
                       data.size());
  std::string hex;
  for (size_t i = 0; i < std::min<size_t>(16, data.size()); ++i)
    hex += fmt::format("{:02x}", static_cast<unsigned char>(data[i]));
  return fmt::format(
      "unknown content (first bytes {}); identify it with `file -s` or `blkid` on a copy "
      "(dd skip={} bs=1 of the partition)",
      hex, offset);
}

}  // namespace shodo::fsview::image

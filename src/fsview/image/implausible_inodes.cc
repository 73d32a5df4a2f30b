// ext2/3/4 inodes whose claimed size libtsk would act on at a cost the
// image cannot justify, found by fuzz_disk_image:
// - the inline-data flag with a size no inode can hold: libtsk 4.11
//   allocates, then copies, the claimed size whenever it loads the inode
//   (3.3 GB of memory from a 20 KB image);
// - a folder bigger than its file system (or than 64 MiB): libtsk reads it
//   whole, building a block list as long as the claim, in time that grows
//   faster than the claim (32 s for 127 MB claimed in a 39 KB image);
// - a block-mapped file bigger than its file system: the same block list
//   when its content is read (a sparse file can be that big; it is reported
//   too, not read).
// libtsk's orphan search loads every unallocated inode and reads every
// folder, named or deleted. The inode tables are read here the way libtsk
// locates them (group descriptor stride, 64-bit table addresses), so the
// check sees the bytes libtsk would.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

#include "fsview/image/image.h"
// After libtsk.h, which it needs.
#include <tsk/fs/tsk_ext2fs.h>

namespace shodo::fsview::image {
namespace {

// Inode tables are read this many bytes at a time.
constexpr size_t kChunk = 256 * 1024;
// No real folder comes near this: 64 MiB of entries is over a million names.
constexpr uint64_t kMaxFolderBytes = 64u << 20;

// An unsigned on-disk field in the file system's byte order (libtsk's own
// readers are internal).
template <size_t N>
uint64_t field(const TSK_FS_INFO* fs, const uint8_t (&bytes)[N]) {
  uint64_t value = 0;
  for (size_t i = 0; i < N; ++i) {
    const size_t at = fs->endian == TSK_LIT_ENDIAN ? N - 1 - i : i;
    value = value << 8 | bytes[at];
  }
  return value;
}

// What reading inodes needs from the superblock, derived once.
struct Layout {
  const EXT2FS_INFO* ext = nullptr;
  uint64_t per_group = 0, inode_size = 0, last = 0;
  uint64_t holds = 0, fs_bytes = 0, folder_limit = 0;
  bool large_file = false;
  bool wide = false;       // 64-bit group descriptors (ext4fs_gd)
  size_t desc_stride = 0;  // bytes from one group descriptor to the next
};

// False for other file systems and for superblocks libtsk reads no inode of.
bool layout_of(TSK_FS_INFO* fs, Layout& l) {
  if (!TSK_FS_TYPE_ISEXT(fs->ftype)) return false;
  l.ext = reinterpret_cast<const EXT2FS_INFO*>(fs);
  const ext2fs_sb& sb = *l.ext->fs;
  l.per_group = field(fs, sb.s_inodes_per_group);
  l.inode_size = l.ext->inode_size;
  if (l.per_group == 0 || l.inode_size < offsetof(ext2fs_inode, i_size_high) + 4) return false;
  l.large_file = (field(fs, sb.s_feature_ro_compat) & EXT2FS_FEATURE_RO_COMPAT_LARGE_FILE) != 0;
  l.holds = l.inode_size + EXT2_INLINE_MAX_DATA_LEN;
  l.fs_bytes = static_cast<uint64_t>(fs->block_count) * fs->block_size;
  l.folder_limit = std::min(l.fs_bytes, kMaxFolderBytes);
  // The last inode number is libtsk's virtual $OrphanFiles folder.
  l.last = fs->last_inum > 0 ? fs->last_inum - 1 : 0;
  const size_t desc_size = field(fs, sb.s_desc_size);
  l.wide = fs->ftype == TSK_FS_TYPE_EXT4 &&
           (field(fs, sb.s_feature_incompat) & EXT2FS_FEATURE_INCOMPAT_64BIT) != 0 &&
           desc_size >= 64;
  l.desc_stride = std::max(desc_size, l.wide ? sizeof(ext4fs_gd) : sizeof(ext2fs_gd));
  return true;
}

// Where group `group`'s inode table starts (a block number), or 0 when its
// descriptor cannot be read or points past the file system: libtsk loads
// no inode of that group either.
uint64_t inode_table_block(TSK_FS_INFO* fs, const Layout& l, uint64_t group) {
  ext4fs_gd gd{};
  const size_t want = l.wide ? sizeof(ext4fs_gd) : sizeof(ext2fs_gd);
  const TSK_OFF_T at = l.ext->groups_offset + static_cast<TSK_OFF_T>(group * l.desc_stride);
  if (tsk_fs_read(fs, at, reinterpret_cast<char*>(&gd), want) != static_cast<ssize_t>(want))
    return 0;
  // The low half sits where ext2's 32-bit descriptor keeps the whole address.
  const uint64_t table =
      l.wide ? field(fs, gd.bg_inode_table_hi) << 32 | field(fs, gd.bg_inode_table_lo)
             : field(fs, gd.bg_inode_table_lo);
  return table > fs->last_block ? 0 : table;
}

std::optional<ImplausibleInode> judge(const TSK_FS_INFO* fs, const Layout& l,
                                      const ext2fs_inode& inode, uint64_t number) {
  const uint64_t flags = field(fs, inode.i_flags);
  const uint64_t type = field(fs, inode.i_mode) & EXT2_IN_FMT;
  uint64_t size = field(fs, inode.i_size);
  if (type == EXT2_IN_REG && l.large_file) size += field(fs, inode.i_size_high) << 32;
  if (flags & EXT2_INLINE_DATA) {
    if (size > l.holds)
      return ImplausibleInode{number, size, l.holds, ImplausibleInode::inline_data};
  } else if (type == EXT2_IN_DIR && size > l.folder_limit) {
    return ImplausibleInode{number, size, l.folder_limit, ImplausibleInode::folder};
  } else if (type == EXT2_IN_REG && !(flags & EXT2_IN_EXTENTS) && size > l.fs_bytes) {
    return ImplausibleInode{number, size, l.fs_bytes, ImplausibleInode::file};
  }
  return std::nullopt;
}

}  // namespace

std::vector<ImplausibleInode> find_implausible_inodes(TSK_FS_INFO* fs) {
  std::vector<ImplausibleInode> found;
  Layout l;
  if (!layout_of(fs, l)) return found;
  std::vector<char> buf(std::max(kChunk - kChunk % l.inode_size, l.inode_size));
  for (uint64_t first = 1, group = 0; first <= l.last; first += l.per_group, ++group) {
    const uint64_t table = inode_table_block(fs, l, group);
    if (table == 0) continue;
    const uint64_t count = std::min(l.per_group, l.last - first + 1);
    for (uint64_t done = 0; done < count;) {
      const uint64_t n = std::min<uint64_t>(count - done, buf.size() / l.inode_size);
      const TSK_OFF_T at = static_cast<TSK_OFF_T>(table * fs->block_size + done * l.inode_size);
      const ssize_t got = tsk_fs_read(fs, at, buf.data(), n * l.inode_size);
      const uint64_t whole = got > 0 ? static_cast<uint64_t>(got) / l.inode_size : 0;
      for (uint64_t i = 0; i < whole; ++i) {
        const auto& inode = *reinterpret_cast<const ext2fs_inode*>(buf.data() + i * l.inode_size);
        if (auto bad = judge(fs, l, inode, first + done + i)) found.push_back(*bad);
      }
      if (whole < n) break;  // past the image's end: libtsk fails to load the rest
      done += n;
    }
  }
  return found;
}

std::optional<ImplausibleInode> check_inode(TSK_FS_INFO* fs, uint64_t number) {
  Layout l;
  if (!layout_of(fs, l) || number < 1 || number > l.last) return std::nullopt;
  const uint64_t group = (number - 1) / l.per_group;
  const uint64_t table = inode_table_block(fs, l, group);
  if (table == 0) return std::nullopt;
  std::vector<char> buf(std::max<size_t>(l.inode_size, sizeof(ext2fs_inode)));
  const TSK_OFF_T at = static_cast<TSK_OFF_T>(table * fs->block_size +
                                              (number - 1 - group * l.per_group) * l.inode_size);
  if (tsk_fs_read(fs, at, buf.data(), l.inode_size) != static_cast<ssize_t>(l.inode_size))
    return std::nullopt;  // libtsk cannot load it either
  return judge(fs, l, *reinterpret_cast<const ext2fs_inode*>(buf.data()), number);
}

}  // namespace shodo::fsview::image

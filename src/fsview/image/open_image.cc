// Opening an image: its volume system (or none), then one file system per
// allocated partition; what cannot be read becomes a Problem that says where
// it is and what it appears to be.
#include <fmt/format.h>

#include "fsview/image/image.h"

namespace shodo::fsview::image {
namespace {

std::string where(const std::string& path, int partition) {
  return partition < 0 ? path : fmt::format("{} partition {}", path, partition);
}

// Opens the file system at `offset`; a view, or a problem when there is none.
void add_file_system(Source& source, const std::shared_ptr<Image>& image, TSK_FS_INFO* fs,
                     int partition, uint64_t offset, uint64_t length) {
  if (!fs) {
    tsk_error_reset();
    source.problems.push_back(
        {where(source.path, partition),
         fmt::format("no file system libtsk reads at byte {} ({} bytes): {}", offset, length,
                     identify_unreadable(image->img, offset, length))});
    return;
  }
  // A corrupt or forged superblock can claim billions of inodes, and libtsk
  // allocates per inode (the orphan search) before reading any: no file
  // system holds more than one inode or directory entry per 32 bytes.
  if (fs->inum_count > length / 32 + 1024) {
    source.problems.push_back(
        {where(source.path, partition),
         fmt::format("the {} file system at byte {} claims {} inodes, more than its {} bytes can "
                     "hold (corrupt or forged): not read",
                     tsk_fs_type_toname(fs->ftype), offset, fs->inum_count, length)});
    tsk_fs_close(fs);
    return;
  }
  Volume volume;
  volume.partition = partition;
  volume.offset = offset;
  volume.length = length;
  volume.label = read_label(fs);
  volume.block_size = fs->block_size;
  volume.block_count = fs->block_count;
  std::string description = fmt::format("{} ({} at byte {})", where(source.path, partition),
                                        tsk_fs_type_toname(fs->ftype), offset);
  source.views.push_back(make_tsk_view(image, fs, std::move(volume), std::move(description)));
}

}  // namespace

Source open_image(const std::string& path) {
  Source source;
  source.path = path;
  source.is_image = true;
  auto image = std::make_shared<Image>();
  image->path = path;
  // Split raw (.001...) and E01 segment sets are found by libtsk from the
  // first segment's name.
  image->img = tsk_img_open_utf8_sing(path.c_str(), TSK_IMG_TYPE_DETECT, 0);
  if (!image->img) {
    source.problems.push_back({path, "not a disk image libtsk can open: " + tsk_error_text()});
    return source;
  }
  TSK_IMG_INFO* img = image->img;
  ImageInfo& info = source.image;
  info.format = tsk_img_type_toname(img->itype);
  info.size = img->size > 0 ? static_cast<uint64_t>(img->size) : 0;
  for (int i = 0; i < img->num_img; ++i) info.files.emplace_back(img->images[i]);
  if (img->itype == TSK_IMG_TYPE_EWF_EWF) read_ewf_hashes(path, info);

  image->vs = tsk_vs_open(img, 0, TSK_VS_TYPE_DETECT);
  if (!image->vs) {
    tsk_error_reset();
    add_file_system(source, image, tsk_fs_open_img(img, 0, TSK_FS_TYPE_DETECT), -1, 0, info.size);
    return source;
  }
  TSK_VS_INFO* vs = image->vs;
  info.volume_system = tsk_vs_type_toname(vs->vstype);
  for (TSK_PNUM_T i = 0; i < vs->part_count; ++i) {
    const TSK_VS_PART_INFO* part = tsk_vs_part_get(vs, i);
    // Tables, extended-partition containers and free space hold no file system.
    if (!part || !(part->flags & TSK_VS_PART_FLAG_ALLOC)) continue;
    // Numbered 1, 2... in table order, as Linux names them (sda1...), not
    // by libtsk's slot address (which counts the table itself).
    Partition p;
    p.index = static_cast<int>(info.partitions.size()) + 1;
    p.offset = static_cast<uint64_t>(part->start) * vs->block_size;
    p.length = static_cast<uint64_t>(part->len) * vs->block_size;
    p.description = part->desc ? part->desc : "";
    info.partitions.push_back(p);
    add_file_system(source, image, tsk_fs_open_vol(part, TSK_FS_TYPE_DETECT), p.index, p.offset,
                    p.length);
  }
  if (info.partitions.empty())
    source.problems.push_back({path, "the " + info.volume_system + " table lists no partitions"});
  return source;
}

}  // namespace shodo::fsview::image

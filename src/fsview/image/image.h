// The disk-image back end of fsview (internal): libtsk reads images (raw,
// split raw, E01 through its libewf support), volume systems and file
// systems; libewf directly only for what TSK does not expose (stored hashes).
#pragma once

#include <tsk/libtsk.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fsview/fsview.h"

namespace shodo::fsview::image {

// One opened image, shared by the views of its file systems. libtsk keeps
// per-handle state (block caches, loaded inodes, directory buffers) that is
// not safe for concurrent calls, so every libtsk call on this image or on
// its file systems holds `lock`: one mutex per image, held only for the
// duration of a single call (never while calling back into the analysis).
struct Image {
  ~Image();
  TSK_IMG_INFO* img = nullptr;
  TSK_VS_INFO* vs = nullptr;
  std::string path;
  std::mutex lock;
};

// The last libtsk error of this thread, in one line.
std::string tsk_error_text();

// Opens every file system of the image at `path` (see open_source()).
Source open_image(const std::string& path);

// A view of one file system of `image`; takes ownership of `fs`.
std::unique_ptr<View> make_tsk_view(std::shared_ptr<Image> image, TSK_FS_INFO* fs, Volume volume,
                                    std::string description);

// What the bytes at `offset` appear to be when no file system libtsk reads
// is there, and what the analyst can do instead, in words.
std::string identify_unreadable(TSK_IMG_INFO* img, uint64_t offset, uint64_t length);

// An ext2/3/4 inode whose claimed size (`claimed`, over `limit`) libtsk
// would act on at a cost the image cannot justify (implausible_inodes.cc):
// corrupt or forged.
struct ImplausibleInode {
  enum Kind {
    inline_data,  // never loaded: libtsk allocates and copies the claim
    folder,       // never listed: libtsk reads the claim as a block list
    file,         // content never read, for the same reason
  };
  uint64_t inode, claimed, limit;
  Kind kind;
};

// Every such inode of `fs` (none for other file system types), found by
// reading the inode tables. The caller holds the image's lock.
std::vector<ImplausibleInode> find_implausible_inodes(TSK_FS_INFO* fs);

// The same judgement of one inode, read alone (for a single look-up, where
// reading every inode table would cost more than the look-up).
std::optional<ImplausibleInode> check_inode(TSK_FS_INFO* fs, uint64_t inode);

// The file system's label ("" when none or unknown).
std::string read_label(TSK_FS_INFO* fs);

// E01: the MD5 and SHA-1 recorded at acquisition, as lowercase hex.
void read_ewf_hashes(const std::string& path, ImageInfo& info);

}  // namespace shodo::fsview::image

// File system labels: libtsk has no call for them, so they are read where
// each file system keeps them.
#include <cstring>
#include <string_view>

#include "fsview/image/image.h"

namespace shodo::fsview::image {
namespace {

std::string trimmed(const char* data, size_t n) {
  std::string_view s(data, strnlen(data, n));
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.remove_suffix(1);
  return std::string(s);
}

// The volume's own bytes at `at` (relative to the file system's start).
bool read_fs_bytes(TSK_FS_INFO* fs, uint64_t at, char* buf, size_t n) {
  return tsk_fs_read(fs, static_cast<TSK_OFF_T>(at), buf, n) == static_cast<ssize_t>(n);
}

// NTFS keeps the label as UTF-16LE in $Volume's $VOLUME_NAME attribute.
std::string ntfs_label(TSK_FS_INFO* fs) {
  std::string label;
  TSK_FS_FILE* vol = tsk_fs_file_open_meta(fs, nullptr, 3);
  if (!vol) return label;
  const TSK_FS_ATTR* attr = tsk_fs_file_attr_get_type(vol, TSK_FS_ATTR_TYPE_NTFS_VNAME, 0, 0);
  if (attr && attr->size > 0 && attr->size <= 256) {
    char buf[256];
    ssize_t got =
        tsk_fs_attr_read(attr, 0, buf, static_cast<size_t>(attr->size), TSK_FS_FILE_READ_FLAG_NONE);
    for (ssize_t i = 0; i + 1 < got; i += 2) {
      unsigned c = static_cast<unsigned char>(buf[i]) | static_cast<unsigned char>(buf[i + 1]) << 8;
      // Labels outside the BMP or with surrogates are rare: shown as '?'.
      if (c < 0x80) {
        label += static_cast<char>(c);
      } else if (c < 0x800) {
        label += static_cast<char>(0xC0 | c >> 6);
        label += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0xD800 || c > 0xDFFF) {
        label += static_cast<char>(0xE0 | c >> 12);
        label += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        label += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        label += '?';
      }
    }
  }
  tsk_fs_file_close(vol);
  return label;
}

}  // namespace

std::string read_label(TSK_FS_INFO* fs) {
  char buf[16];
  std::string label;
  if (TSK_FS_TYPE_ISEXT(fs->ftype)) {
    if (read_fs_bytes(fs, 1024 + 120, buf, 16)) label = trimmed(buf, 16);  // s_volume_name
  } else if (TSK_FS_TYPE_ISFAT(fs->ftype) && fs->ftype != TSK_FS_TYPE_EXFAT) {
    const uint64_t at = fs->ftype == TSK_FS_TYPE_FAT32 ? 71 : 43;  // BS_VolLab
    if (read_fs_bytes(fs, at, buf, 11)) label = trimmed(buf, 11);
    if (label == "NO NAME") label.clear();
  } else if (TSK_FS_TYPE_ISNTFS(fs->ftype)) {
    label = ntfs_label(fs);
  }
  tsk_error_reset();
  return label;
}

}  // namespace shodo::fsview::image

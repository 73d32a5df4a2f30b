#include "fsview/fsview.h"

namespace shodo::fsview {

std::string_view file_type_name(FileType type) {
  switch (type) {
    case FileType::regular: return "file";
    case FileType::directory: return "directory";
    case FileType::symlink: return "symlink";
    case FileType::fifo: return "fifo";
    case FileType::socket: return "socket";
    case FileType::char_device: return "char-device";
    case FileType::block_device: return "block-device";
    case FileType::other: break;
  }
  return "other";
}

std::string_view FileInfo::name() const {
  std::string_view p = path;
  size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

}  // namespace shodo::fsview

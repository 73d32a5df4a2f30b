// What the installed libtsk can open, read from the library itself.
#include <fmt/format.h>

#include "fsview/image/image.h"

namespace shodo::fsview {

Support image_support() {
  Support s;
  const auto img = static_cast<uint32_t>(tsk_img_type_supported());
  for (uint32_t bit = 1; bit != 0; bit <<= 1) {
    if (!(img & bit)) continue;
    const auto type = static_cast<TSK_IMG_TYPE_ENUM>(bit);
    const char* name = tsk_img_type_toname(type);
    const char* desc = tsk_img_type_todesc(type);
    if (name) s.image_formats.push_back(desc ? fmt::format("{} ({})", name, desc) : name);
  }
  // Some bits have no name of their own (detection masks): left out.
  const auto vs = static_cast<uint32_t>(tsk_vs_type_supported());
  for (uint32_t bit = 1; bit != 0; bit <<= 1) {
    const char* name = vs & bit ? tsk_vs_type_toname(static_cast<TSK_VS_TYPE_ENUM>(bit)) : nullptr;
    if (name) s.volume_systems.emplace_back(name);
  }
  const auto fs = static_cast<uint32_t>(tsk_fs_type_supported());
  for (uint32_t bit = 1; bit != 0; bit <<= 1) {
    const char* name = fs & bit ? tsk_fs_type_toname(static_cast<TSK_FS_TYPE_ENUM>(bit)) : nullptr;
    if (name) s.file_systems.emplace_back(name);
  }
  return s;
}

}  // namespace shodo::fsview

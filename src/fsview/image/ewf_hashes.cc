// The hashes an E01 stores from acquisition, read with libewf: libtsk opens
// E01 images but does not expose them.
#include <fmt/format.h>
#include <libewf.h>

#include <cstdint>
#include <string>

#include "fsview/image/image.h"

namespace shodo::fsview::image {
namespace {

std::string hex(const uint8_t* data, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += fmt::format("{:02x}", data[i]);
  return out;
}

}  // namespace

void read_ewf_hashes(const std::string& path, ImageInfo& info) {
  libewf_error_t* error = nullptr;
  char** names = nullptr;
  int count = 0;
  if (libewf_glob(path.c_str(), path.size(), LIBEWF_FORMAT_UNKNOWN, &names, &count, &error) != 1) {
    libewf_error_free(&error);
    return;
  }
  libewf_handle_t* handle = nullptr;
  if (libewf_handle_initialize(&handle, &error) == 1 &&
      libewf_handle_open(handle, names, count, LIBEWF_OPEN_READ, &error) == 1) {
    uint8_t md5[16], sha1[20];
    if (libewf_handle_get_md5_hash(handle, md5, sizeof md5, &error) == 1)
      info.stored_hashes.emplace_back("MD5", hex(md5, sizeof md5));
    if (libewf_handle_get_sha1_hash(handle, sha1, sizeof sha1, &error) == 1)
      info.stored_hashes.emplace_back("SHA-1", hex(sha1, sizeof sha1));
    libewf_handle_close(handle, &error);
  }
  libewf_error_free(&error);
  libewf_handle_free(&handle, nullptr);
  libewf_glob_free(names, count, nullptr);
}

}  // namespace shodo::fsview::image

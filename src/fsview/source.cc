#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "fsview/fsview.h"
#include "fsview/image/image.h"

namespace shodo::fsview {

Source open_source(const std::string& path) {
  Source source;
  source.path = path;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    source.problems.push_back({path, std::strerror(errno)});
    return source;
  }
  if (S_ISDIR(st.st_mode)) {
    std::string error;
    if (auto view = open_directory(path, error)) {
      source.views.push_back(std::move(view));
    } else {
      source.problems.push_back({path, error});
    }
    return source;
  }
  return image::open_image(path);
}

}  // namespace shodo::fsview

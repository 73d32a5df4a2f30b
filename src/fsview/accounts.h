// User names as the evidence's own system knew them: a uid means nothing
// without the /etc/passwd of the machine it came from (never the analyst's).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "fsview/fsview.h"

namespace shodo::fsview {

class UserNames {
 public:
  UserNames() = default;
  // Reads /etc/passwd of the view, when it has one (a system tree or image).
  explicit UserNames(const View& view);
  // The name, or the uid in decimal when unknown.
  std::string name(uint32_t uid) const;
  bool empty() const { return names_.empty(); }

 private:
  std::unordered_map<uint32_t, std::string> names_;
};

// Reads a whole small file of a view (at most max_bytes; false and the reason
// when it cannot be read or is larger).
bool read_small_file(const View& view, std::string_view path, size_t max_bytes, std::string& out,
                     std::string& error);

}  // namespace shodo::fsview

#include "fsview/accounts.h"

#include <charconv>

namespace shodo::fsview {

bool read_small_file(const View& view, std::string_view path, size_t max_bytes, std::string& out,
                     std::string& error) {
  FileInfo info;
  if (!view.stat(path, info, error)) return false;
  if (info.size > max_bytes) {
    error = "larger than " + std::to_string(max_bytes) + " bytes";
    return false;
  }
  auto reader = view.open(info, error);
  if (!reader) return false;
  out.clear();
  char buf[16384];
  while (size_t n = reader->read(buf, sizeof buf)) {
    out.append(buf, n);
    if (out.size() > max_bytes) {
      error = "larger than " + std::to_string(max_bytes) + " bytes";
      return false;
    }
  }
  error = reader->error();
  return error.empty();
}

UserNames::UserNames(const View& view) {
  std::string passwd, error;
  if (!read_small_file(view, "/etc/passwd", 4u << 20, passwd, error)) return;
  size_t start = 0;
  while (start < passwd.size()) {
    size_t end = passwd.find('\n', start);
    if (end == std::string::npos) end = passwd.size();
    std::string_view line(passwd.data() + start, end - start);
    start = end + 1;
    // name:password:uid:...
    size_t c1 = line.find(':');
    size_t c2 = c1 == std::string_view::npos ? c1 : line.find(':', c1 + 1);
    size_t c3 = c2 == std::string_view::npos ? c2 : line.find(':', c2 + 1);
    if (c3 == std::string_view::npos || c1 == 0) continue;
    uint32_t uid = 0;
    auto uid_text = line.substr(c2 + 1, c3 - c2 - 1);
    auto [p, ec] = std::from_chars(uid_text.data(), uid_text.data() + uid_text.size(), uid);
    if (ec != std::errc() || p != uid_text.data() + uid_text.size()) continue;
    names_.emplace(uid, std::string(line.substr(0, c1)));  // the first entry wins, as in getpwuid
  }
}

std::string UserNames::name(uint32_t uid) const {
  auto it = names_.find(uid);
  return it == names_.end() ? std::to_string(uid) : it->second;
}

}  // namespace shodo::fsview

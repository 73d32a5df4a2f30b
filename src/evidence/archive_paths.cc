// Archive entry paths are attacker-chosen: "../" or "/" prefixes and links
// pointing out are the classic traversal tricks. Entries are only ever
// stored by content, but their names are flagged so no later export or
// analysis trusts them.
#include <vector>

#include "evidence/acquire_steps.h"

namespace shodo::evidence {
namespace {

// Depth reached by `path`'s components starting from `depth`; -1 when ".."
// climbs above the archive's root at any point.
int walk_depth(std::string_view path, int depth) {
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (--depth < 0) return -1;
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    i = j + 1;
  }
  return depth;
}

}  // namespace

std::string unsafe_entry_path(const std::string& path) {
  if (path.empty()) return "entry without a name";
  if (path[0] == '/') return "absolute path";
  if (path.size() >= 2 && path[1] == ':') return "absolute path (drive letter)";
  if (path.find('\\') != std::string::npos && path.find("..\\") != std::string::npos)
    return "path climbs out of the archive (..\\)";
  if (walk_depth(path, 0) < 0) return "path climbs out of the archive (../)";
  if (path.find('\0') != std::string::npos) return "NUL byte in the path";
  return "";
}

std::string unsafe_link_target(const std::string& entry_path, const std::string& target) {
  if (!target.empty() && target[0] == '/') return "link to an absolute path: " + target;
  // The link's own folder depth, then the target from there.
  size_t slash = entry_path.rfind('/');
  int depth = slash == std::string::npos ? 0 : walk_depth(entry_path.substr(0, slash), 0);
  if (depth < 0 || walk_depth(target, depth) < 0)
    return "link points out of the archive: " + target;
  return "";
}

}  // namespace shodo::evidence

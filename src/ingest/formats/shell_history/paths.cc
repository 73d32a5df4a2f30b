// Names and places of shell-history files.
#include <initializer_list>

#include "ingest/formats/shell_history/shell_history.h"

namespace shodo::ingest::history {
namespace {

bool separator(char c) {
  return c == '/' || c == '\\';
}

// The file name without folders and without a compression or copy suffix
// (".bash_history.gz", ".zsh_history.txt" as collection tools save them).
std::string_view base_name(std::string_view path) {
  size_t slash = path.size();
  while (slash > 0 && !separator(path[slash - 1])) --slash;
  std::string_view name = path.substr(slash);
  for (std::string_view suffix : {".gz", ".bz2", ".zst", ".xz", ".txt"})
    if (name.ends_with(suffix)) name.remove_suffix(suffix.size());
  return name;
}

// Exactly one of `names`, or ending in one after a prefix that names its
// owner ("alice.bash_history", "root_.bash_history").
bool name_is(std::string_view path, std::initializer_list<std::string_view> names) {
  const std::string_view name = base_name(path);
  for (std::string_view n : names) {
    if (name == n) return true;
    if (n.starts_with('.') && name.ends_with(n)) return true;
  }
  return false;
}

}  // namespace

bool named_bash_history(std::string_view path) {
  return name_is(path, {".bash_history", ".sh_history", ".ash_history", ".history", "bash_history",
                        "sh_history"});
}

bool named_zsh_history(std::string_view path) {
  return name_is(path, {".zsh_history", ".zhistory", "zsh_history"});
}

bool named_fish_history(std::string_view path) {
  // fish keeps ~/.local/share/fish/fish_history (or NAME_history there when
  // $fish_history is set).
  const std::string_view name = base_name(path);
  if (name == "fish_history") return true;
  const size_t dir = path.size() - name.size();
  return name.ends_with("_history") && dir >= 5 && path.substr(0, dir).ends_with("fish/");
}

std::string_view user_from_path(std::string_view path) {
  // The last "home/USER/", "Users/USER/" or "root/" with something after it.
  std::string_view user;
  size_t start = 0;
  std::string_view previous;
  while (start < path.size()) {
    size_t end = start;
    while (end < path.size() && !separator(path[end])) ++end;
    const std::string_view part = path.substr(start, end - start);
    const bool more = end < path.size();  // a file or folder follows
    if (more && (previous == "home" || previous == "Users") && !part.empty()) user = part;
    if (more && part == "root") user = "root";
    previous = part;
    start = end + 1;
  }
  return user;
}

}  // namespace shodo::ingest::history

// Internal: what a shell command sent to a webshell does to files, read from
// its words as a shell would split them: which files it reads, creates,
// appends to, changes or deletes, and which URLs it fetches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leak/leak.h"

namespace shodo::leak {

struct ShellEffects {
  std::vector<std::string> programs;
  std::vector<FileUse> files;
  std::vector<std::string> urls;
};

// `folder` is the URL path of the folder the command starts in (the
// webshell's); relative paths, and `cd`, resolve against it. Paths outside
// the web root (absolute ones, or climbing above it) get no URL path.
ShellEffects read_shell_command(std::string_view command, std::string_view folder);

}  // namespace shodo::leak

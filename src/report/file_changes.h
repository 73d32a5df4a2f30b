// Rendering what changed in a web tree (shodo diff): text for a terminal,
// jsonl for other tools. Evidence-derived text (paths, diffs) is escaped.
#pragma once

#include <string>
#include <string_view>

#include "files/files.h"

namespace shodo::report {

// format: text | jsonl
std::string render_file_changes(const files::DiffResult& r, std::string_view format);

}  // namespace shodo::report

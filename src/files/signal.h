// What one heuristic saw in one file, before signals are combined into a
// finding (scoring.cc). Heuristics only read a FileContext and add signals.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"

namespace shodo::files {

enum class Language { php, asp, jsp, js, html, htaccess, image, other };
std::string_view language_name(Language l);

// Per folder, from the walk: what "newer than its siblings" is measured against.
struct FolderStats {
  size_t files = 0;
  size_t scripts = 0;  // server-side scripts among them
  fsview::TimeNs median_mtime = fsview::kNoTime;
  // The two latest birth times, so a file is compared with the others only.
  fsview::TimeNs max_btime = fsview::kNoTime, second_btime = fsview::kNoTime;
  double share_whole_second_mtime = 0;  // share of siblings whose mtime has no nanoseconds
};

class Trigger;  // heuristics/trigger.h

// One file as the heuristics read it. The code view and the triggers found
// are made on first use: most files need neither.
class FileContext {
 public:
  FileContext(const fsview::FileInfo& info, std::string_view data) : info(info), data(data) {}

  const fsview::FileInfo& info;
  std::string_view data;  // the bytes held (the start of a huge file)
  Language lang = Language::other;
  bool binary = false;       // NUL bytes near the start
  bool has_content = false;  // false when the file could not be read
  const FolderStats* folder = nullptr;
  fsview::TimeNs since = fsview::kNoTime, until = fsview::kNoTime;

  // data with comments blanked (same offsets) for code, else data (code_view.cc).
  std::string_view code() const;
  // Whether the trigger occurs in data (trigger.cc).
  bool has(const Trigger& t) const;

 private:
  mutable std::optional<std::string> code_;
  mutable std::optional<std::vector<bool>> found_;
};

struct Signal {
  std::string id;  // "php.input_to_sink": the finding's rule id is shodo.scan.<id>
  int points = 0;  // added up per file, capped at 100
  std::string title, title_ja;
  std::string reason, reason_ja;
  size_t offset = std::string_view::npos;  // where in data, for line and excerpt
  std::vector<std::string> techniques;
};

}  // namespace shodo::files

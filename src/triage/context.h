// Internal to triage: what every check shares — the view, the options, the
// evidence's own user names, and where findings and problems go.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/accounts.h"
#include "triage/etc_files.h"
#include "triage/triage.h"

namespace shodo::triage {

class CommandScanner;

// A user's home as the evidence's passwd (or /home, /root) says.
struct Home {
  std::string user;
  uint32_t uid = 0;
  bool known_uid = false;  // false for /home/NAME folders passwd does not list
  std::string path;
};

class Context {
 public:
  Context(const fsview::View& view, const TriageOptions& options, TriageResult& result);

  const fsview::View& view;
  const TriageOptions& options;
  TriageResult& result;
  const fsview::UserNames users;
  const std::vector<PasswdEntry> passwd;  // empty when the view has no /etc/passwd
  const CommandScanner* commands = nullptr;

  // A new finding of check `check` (rule id shodo.triage.<check>) about
  // `file`, with the view and owner filled in; the caller adds the words.
  detect::FileFinding& add(const fsview::FileInfo& file, std::string_view check,
                           detect::Level level, int score, std::vector<std::string> techniques);
  void problem(std::string path, std::string reason);

  bool has_window() const;
  bool in_window(fsview::TimeNs t) const;
  // Content, metadata or birth time in the window (access alone is not a change).
  bool changed_in_window(const fsview::FileInfo& f) const;

  // Metadata of a path; false when it is not there (absence is normal here)
  // or a folder on the way is a symlink (never followed).
  bool stat(std::string_view path, fsview::FileInfo& out) const;
  // A small text file's content; false and a problem when it cannot be read.
  bool read_text(const fsview::FileInfo& file, std::string& out, size_t max_bytes = 4u << 20);
  // Everything below `root` (not `root` itself), problems recorded.
  void walk(std::string_view root, const std::function<void(const fsview::FileInfo&)>& on_entry);
  // What is directly inside `dir` (nothing when it is not a folder).
  std::vector<fsview::FileInfo> entries_in(std::string_view dir);
  // Every home: passwd's, /root, and folders in /home; each path once.
  std::vector<Home> homes();
};

// Calls fn(line, 1-based number, byte offset) for each line of `text`
// (without the newline or a trailing CR).
void for_each_line(std::string_view text,
                   const std::function<void(std::string_view, uint64_t, uint64_t)>& fn);

// "2024-03-10 03:04:05 UTC" (or "-" for kNoTime), for reasons.
std::string time_text(fsview::TimeNs t);
// "3.2 days", "5 hours": a duration for reasons.
std::string duration_text(fsview::TimeNs d);
std::string duration_text_ja(fsview::TimeNs d);

}  // namespace shodo::triage

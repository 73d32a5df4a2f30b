// A finding about a file rather than a log line: system triage and webroot
// scans produce these, from a live folder or from inside a disk image alike.
// Renderers (src/report/file_findings.h) only read them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detect/finding.h"
#include "fsview/fsview.h"

namespace shodo::detect {

struct FileFinding {
  // "shodo.triage.<check>", "shodo.scan.<heuristic>" or "yara.<rule>".
  std::string rule_id;
  std::string title, title_ja;
  Level level = Level::medium;
  std::vector<std::string> techniques;  // ATT&CK ids, upper case
  int score = 0;                        // 0-100: how sure, for ranking

  // Why it fired, in words (en, ja): what was seen, never a bare rule name.
  std::string reason, reason_ja;

  // Where: the view (fsview::View::description()), the file as found, and
  // the position of the supporting text when there is one.
  std::string source;
  fsview::FileInfo file;
  std::string owner;   // user name when the evidence's passwd knows it, else the uid
  std::string sha256;  // lower-case hex; empty when the content was not read
  uint64_t line = 0;   // 1-based line of the excerpt; 0 when not a text position
  uint64_t offset = 0;
  std::string excerpt;   // raw evidence bytes, short (escape before display)
  std::string url_path;  // the file's URL when the docroot is known
};

}  // namespace shodo::detect

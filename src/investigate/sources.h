// What each evidence argument holds. A folder, an archive or a disk image is
// opened as file-system views; in each view shodo looks for logs (the usual
// places, shell histories), webroots (folders served by a web server) and a
// system tree (/etc/passwd) to triage. Archives found inside a folder (a
// collected webroot.tar.gz) are opened as views too; a plain file is a log.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "fsview/fsview.h"
#include "ingest/ingest.h"
#include "util/expansion_limit.h"

namespace shodo::investigate {

struct WebrootRef {
  const fsview::View* view = nullptr;
  std::string dir;     // view path of the document root
  std::string origin;  // the evidence argument (or archive) it came from, for citations
};

struct Sources {
  // Everything opened; views below point into these (keep them alive).
  std::deque<fsview::Source> opened;
  ingest::InputSet logs;  // in reading order (rotated sets oldest first)
  std::vector<WebrootRef> webroots;
  std::vector<const fsview::View*> systems;  // views with /etc/passwd
  std::vector<const fsview::Source*> images;
  // Per argument: logs, webroot, system, disk-image, archive, baseline, other (joined with +).
  std::vector<std::string> roles;
  std::vector<fsview::Problem> problems;
};

// `webroots` (--webroot): view paths or host paths to treat as document
// roots, in addition to the ones found. Archives expanding beyond
// `archive_limit` (--max-expansion) are read up to there and reported.
Sources find_sources(const std::vector<std::string>& evidence,
                     const std::vector<std::string>& webroots,
                     const util::ExpansionLimit& archive_limit);

// Citation prefix for a file in a view: "<origin>:<view path>".
std::string view_citation(const std::string& origin, const std::string& path);

}  // namespace shodo::investigate

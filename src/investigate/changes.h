// What a difference from the known-good release most likely is: the
// attacker's webshell or data dump, a defaced page, injected code, or an
// ordinary upload. Judged from the file findings about the same file, its
// name and the head of its content.
#pragma once

#include <string>
#include <vector>

#include "investigate/correlate.h"

namespace shodo::investigate {

struct ChangeAssessment {
  std::string
      assessment;  // webshell, data-dump, defacement, injected-code, suspicious, benign, unknown
  Level level = Level::informational;
  Text title, note;
  std::vector<std::string> techniques;
};

// `flagged`: the file findings about the changed file.
ChangeAssessment assess_change(const ChangeIn& c, const std::vector<const FileFindingIn*>& flagged);

// The file findings about the file at `path` (a full view path).
std::vector<const FileFindingIn*> findings_for(const std::vector<FileFindingIn>& all,
                                               const std::string& path);

bool is_webshell_finding(const detect::FileFinding& f);
// URL of a view path under a document root ("/var/www/html/a.php" under
// "/var/www/html" -> "/a.php"); "" when outside it.
std::string url_under(const std::string& docroot, const std::string& path);

}  // namespace shodo::investigate

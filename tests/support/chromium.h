// Opens an HTML file in headless Chromium (Debian's `chromium`) the way a
// reader would: offline, its own profile, console messages logged.
#pragma once

#include <string>

#include "support/temp_dir.h"

namespace shodo::testing {

struct BrowserPage {
  int status = -1;
  std::string dom;  // the document after parsing, as serialized by the browser
  std::string log;  // the browser's stderr, console messages included
};

bool chromium_available();

// Writes `html` into `dir` and loads it.
BrowserPage open_in_chromium(const TempDir& dir, const std::string& html);

// The console lines of the browser log (Chromium logs every console message,
// any level, as "...:CONSOLE(...)" or "...:CONSOLE:..."), and CSP refusals.
std::string console_lines(const std::string& log);

}  // namespace shodo::testing

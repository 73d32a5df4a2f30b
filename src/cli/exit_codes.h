// Exit codes of every shodo command (README "Exit codes").
#pragma once

namespace shodo::cli {

enum ExitCode : int {
  kExitClean = 0,     // ran to the end; nothing found
  kExitFindings = 1,  // ran to the end; findings reported
  kExitUsage = 2,     // bad flags or arguments
  kExitInput = 3,     // some input could not be read (missing, unreadable, corrupt)
  kExitInternal = 4,  // a bug or an environment failure
};

}  // namespace shodo::cli

// Runs the shodo binary as a user would, for end-to-end tests.
#pragma once

#include <string>

namespace shodo::testing {

struct CliRun {
  int code = -1;
  std::string out;  // standard output and error together
};

// `args` is passed to the shell as written (quote paths with spaces).
// `peak_kib`: the run's peak resident memory (its own processes only).
CliRun run_shodo(const std::string& args, long* peak_kib = nullptr);

// The bundled sample incident (samples/ of the source tree).
std::string samples_dir();

}  // namespace shodo::testing

#include "support/shodo_cli.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace shodo::testing {

CliRun run_shodo(const std::string& args) {
  const std::string cmd = std::string(SHODO_BINARY) + " " + args + " 2>&1";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int rc = pclose(p);
  r.code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return r;
}

std::string samples_dir() {
  return std::string(SHODO_TEST_DATA) + "/../../samples";
}

}  // namespace shodo::testing

#include "support/shodo_cli.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>

namespace shodo::testing {

CliRun run_shodo(const std::string& args, long* peak_kib) {
  const std::string cmd = std::string(SHODO_BINARY) + " " + args + " 2>&1";
  CliRun r;
  int fds[2];
  if (pipe(fds) != 0) return r;
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return r;
  }
  if (pid == 0) {  // only async-signal-safe calls until exec
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::array<char, 4096> buf;
  for (ssize_t n; (n = read(fds[0], buf.data(), buf.size())) != 0;) {
    if (n > 0)
      r.out.append(buf.data(), static_cast<size_t>(n));
    else if (errno != EINTR)
      break;
  }
  close(fds[0]);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (peak_kib) *peak_kib = usage.ru_maxrss;
  return r;
}

std::string samples_dir() {
  return std::string(SHODO_TEST_DATA) + "/../../samples";
}

}  // namespace shodo::testing

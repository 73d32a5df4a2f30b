// A progress bar on stderr: bytes done / total, rate and time left. Shown
// only when stderr is a terminal and the work lasts long enough to matter.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace shodo::util {

class Progress {
 public:
  // `enabled` false (--quiet, or stderr not a terminal) makes every call a no-op.
  Progress(std::string label, bool enabled);
  ~Progress();

  // Thread-safe; redraws at most ten times a second, and not during the
  // first second (short runs stay silent).
  void update(uint64_t done, uint64_t total);
  // Clears the bar's line.
  void finish();

  static bool stderr_is_terminal();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::mutex mu_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// "1.2 GiB", "340 MiB/s" style sizes.
std::string human_bytes(double bytes);

}  // namespace shodo::util

#include "util/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace shodo::util {

std::string human_bytes(double b) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (b >= 1024 && u < 4) {
    b /= 1024;
    ++u;
  }
  return u == 0 ? fmt::format("{:.0f} {}", b, kUnits[u]) : fmt::format("{:.1f} {}", b, kUnits[u]);
}

bool Progress::stderr_is_terminal() {
  return isatty(STDERR_FILENO) == 1;
}

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled && stderr_is_terminal()) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

Progress::~Progress() {
  finish();
}

void Progress::update(uint64_t done, uint64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(100))
    return;
  last_draw_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
  const double frac = total ? static_cast<double>(done) / static_cast<double>(total) : 0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '-');
  std::string eta = "--";
  if (rate > 0 && total >= done) {
    const auto left = static_cast<int64_t>(static_cast<double>(total - done) / rate);
    eta = left >= 3600 ? fmt::format("{}h{:02}m", left / 3600, left / 60 % 60)
                       : fmt::format("{}m{:02}s", left / 60, left % 60);
  }
  const std::string line =
      fmt::format("\r{} [{}] {:3.0f}% {} / {}  {}/s  ETA {}\x1b[K", label_, bar, frac * 100,
                  human_bytes(static_cast<double>(done)), human_bytes(static_cast<double>(total)),
                  human_bytes(rate), eta);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  std::lock_guard lock(mu_);
  if (drawn_) {
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace shodo::util

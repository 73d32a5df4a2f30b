// A triage test case is a folder under tests/data/triage/: tree/ (a system's
// files) and case.txt, which says what git cannot keep and what to expect:
//   mtime PATH TIME     content time: -3h, +30d (from the test's start) or 2024-03-10
//   mode PATH OCTAL     permission bits (setuid...)
//   since TIME / until TIME / forged_threshold DURATION / max_window N
//   expect LEVEL RULE_ID PATH[:LINE]
//   changes N           files changed in the window, listed or not
// Every other entry gets mtime -1h, so that a tree copied now has times as
// consistent as a freshly installed system. Findings at low and above must
// be exactly those expected; expected informational ones must be present.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "triage/triage.h"

namespace shodo::testing {

namespace triage_case {
namespace fs = std::filesystem;

inline int64_t now_ns() {
  static const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
  return now;
}

inline int64_t duration_ns(const std::string& text) {
  const int64_t n = std::stoll(text.substr(0, text.size() - 1));
  const char unit = text.back();
  const int64_t s = unit == 'd' ? 86400 : unit == 'h' ? 3600 : unit == 'm' ? 60 : 1;
  return n * s * 1'000'000'000;
}

// "-3h", "+30d" from now, or "2024-03-10" (UTC midnight).
inline int64_t time_ns(const std::string& text) {
  if (text[0] == '-' || text[0] == '+') return now_ns() + duration_ns(text);
  std::tm tm{};
  std::istringstream(text) >> std::get_time(&tm, "%Y-%m-%d");
  return static_cast<int64_t>(timegm(&tm)) * 1'000'000'000;
}

inline void set_mtime(const fs::path& p, int64_t ns) {
  timespec ts[2];
  ts[0].tv_sec = ts[1].tv_sec = ns / 1'000'000'000;
  ts[0].tv_nsec = ts[1].tv_nsec = ns % 1'000'000'000;
  ASSERT_EQ(::utimensat(AT_FDCWD, p.c_str(), ts, AT_SYMLINK_NOFOLLOW), 0) << p;
}

// "high shodo.triage.suid /usr/local/bin/x" (":LINE" when the finding has one).
inline std::string key(const detect::FileFinding& f) {
  std::string k = std::string(detect::level_name(f.level)) + " " + f.rule_id + " " + f.file.path;
  if (f.line) k += ":" + std::to_string(f.line);
  return k;
}

}  // namespace triage_case

struct TriageCase {
  std::vector<std::string> expected;  // keys, sorted
  triage::TriageOptions options;
  int64_t window_changes = -1;  // -1: not checked

  // Copies the case's tree to `root` and applies case.txt.
  void prepare(const std::string& name, const std::filesystem::path& root) {
    namespace tc = triage_case;
    const auto dir = std::filesystem::path(SHODO_TEST_DATA) / "triage" / name;
    std::filesystem::copy(
        dir / "tree", root,
        std::filesystem::copy_options::recursive | std::filesystem::copy_options::copy_symlinks);
    std::vector<std::filesystem::path> entries{root};
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
      entries.push_back(e.path());
    for (const auto& p : entries) tc::set_mtime(p, tc::now_ns() - tc::duration_ns("1h"));
    std::ifstream in(dir / "case.txt");
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream words(line);
      std::string verb, a, b, c;
      words >> verb >> a >> b >> c;
      if (verb == "mtime") tc::set_mtime(root.string() + a, tc::time_ns(b));
      if (verb == "mode") {
        ASSERT_EQ(::chmod((root.string() + a).c_str(), std::stoi(b, nullptr, 8)), 0);
      }
      if (verb == "since") options.since = tc::time_ns(a);
      if (verb == "until") options.until = tc::time_ns(a);
      if (verb == "forged_threshold") options.forged_threshold_ns = tc::duration_ns(a);
      if (verb == "max_window") options.max_window_findings = std::stoul(a);
      if (verb == "changes") window_changes = std::stoll(a);
      if (verb == "expect") expected.push_back(a + " " + b + " " + c);
    }
    std::sort(expected.begin(), expected.end());
  }
};

}  // namespace shodo::testing

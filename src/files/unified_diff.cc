#include "files/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace shodo::files {
namespace {

constexpr size_t kContext = 3;
constexpr size_t kMaxLcsCells = 4'000'000;  // beyond this, the middle is shown as replaced

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start < s.size();) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& name,
                         size_t max_lines, std::string& note) {
  const auto a = lines_of(before), b = lines_of(after);
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n == 0 && m == 0) return "";
  // Edit script of the middle: LCS when small enough, else all replaced.
  std::vector<std::pair<char, std::string_view>> ops;
  if (n * m <= kMaxLcsCells) {
    std::vector<uint32_t> t((n + 1) * (m + 1), 0);
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        t[i * (m + 1) + j] = a[pre + i] == b[pre + j]
                                 ? t[(i + 1) * (m + 1) + j + 1] + 1
                                 : std::max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        ops.push_back({' ', a[pre + i++]});
        ++j;
      } else if (j < m && (i == n || t[i * (m + 1) + j + 1] >= t[(i + 1) * (m + 1) + j])) {
        ops.push_back({'+', b[pre + j++]});
      } else {
        ops.push_back({'-', a[pre + i++]});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', a[pre + i]});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', b[pre + j]});
  }
  const size_t ctx_before = std::min(pre, kContext), ctx_after = std::min(suf, kContext);
  std::string out = "--- a" + name + "\n+++ b" + name + "\n";
  out += "@@ -" + std::to_string(pre - ctx_before + 1) + "," +
         std::to_string(n + ctx_before + ctx_after) + " +" + std::to_string(pre - ctx_before + 1) +
         "," + std::to_string(m + ctx_before + ctx_after) + " @@\n";
  size_t written = 0;
  auto emit = [&](char op, std::string_view line) {
    if (written++ >= max_lines) return;
    out += op;
    out += line;
    out += '\n';
  };
  for (size_t i = pre - ctx_before; i < pre; ++i) emit(' ', a[i]);
  for (const auto& [op, line] : ops) emit(op, line);
  for (size_t i = 0; i < ctx_after; ++i) emit(' ', a[a.size() - suf + i]);
  if (written > max_lines)
    note = "diff cut at " + std::to_string(max_lines) + " of " + std::to_string(written) + " lines";
  return out;
}

}  // namespace shodo::files

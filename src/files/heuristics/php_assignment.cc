#include "files/heuristics/php_assignment.h"

#include <algorithm>

namespace shodo::files {
namespace {

constexpr size_t kMaxIndex = 80;

// The regex classes, as RE2 reads them (ASCII only).
bool is_word(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
         ch == '_';
}

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
}

size_t skip_space(std::string_view t, size_t i) {
  while (i < t.size() && is_space(t[i])) ++i;
  return i;
}

// After the variable's `[index]` parts (each at most kMaxIndex bytes, on one
// line), or at the first '[' that is not one.
size_t skip_indexes(std::string_view t, size_t i) {
  while (i < t.size() && t[i] == '[') {
    const size_t open = i + 1, limit = std::min(t.size(), open + kMaxIndex + 1);
    size_t close = open;
    while (close < limit && t[close] != ']' && t[close] != '\n') ++close;
    if (close == limit || t[close] != ']') return i;
    i = skip_space(t, close + 1);
  }
  return i;
}

// The end of the assignment whose variable starts at `at` ('$'), or 0 when
// none starts there.
size_t assignment_at(std::string_view t, size_t at, PhpAssignmentSyntax syntax,
                     std::string_view& variable, std::string_view& value) {
  size_t i = at + 1;
  if (i >= t.size() || !is_word(t[i]) || (t[i] >= '0' && t[i] <= '9')) return 0;
  while (i < t.size() && is_word(t[i])) ++i;
  variable = t.substr(at, i - at);
  i = skip_space(t, i);
  if (syntax.indexed) {
    i = skip_indexes(t, i);
    if (i < t.size() && t[i] == '.') ++i;
  }
  if (i >= t.size() || t[i] != '=') return 0;
  if (++i >= t.size() || t[i] == '=' || t[i] == '>') return 0;
  const size_t start = i++, limit = std::min(t.size(), start + 1 + syntax.max_value);
  while (i < limit && t[i] != ';') ++i;
  value = t.substr(start, i - start);
  return i;
}

}  // namespace

void each_php_assignment(
    std::string_view text, PhpAssignmentSyntax syntax,
    const std::function<bool(std::string_view variable, std::string_view value)>& fn) {
  std::string_view variable, value;
  for (size_t at = text.find('$'); at != std::string_view::npos;) {
    const size_t end = assignment_at(text, at, syntax, variable, value);
    if (end && !fn(variable, value)) return;
    at = text.find('$', end ? end : at + 1);
  }
}

}  // namespace shodo::files

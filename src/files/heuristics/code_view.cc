// Code with its comments blanked out, byte for byte at the same offsets:
// docblocks quote code (`$_POST['x']`, @param $callback) that never runs.
#include <cstring>

#include "files/heuristics/heuristics.h"

namespace shodo::files {
namespace {

// The first byte at or after `i` that is one of `set`, else s.size().
// strcspn looks at 16 bytes a step; it also stops at the NULs evidence may
// hold, which are stepped over.
size_t next_of(const std::string& s, size_t i, const char* set) {
  while (i < s.size()) {
    i += std::strcspn(s.c_str() + i, set);
    if (i >= s.size() || s[i] != '\0') return i;
    ++i;
  }
  return s.size();
}

// Spaces over [from, to), its newlines kept.
void blank(std::string& s, size_t from, size_t to) {
  while (from < to) {
    const void* nl = std::memchr(s.data() + from, '\n', to - from);
    const size_t stop = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s.data()) : to;
    std::memset(s.data() + from, ' ', stop - from);
    from = stop + 1;
  }
}

// After the string that opens at `open`: past its closing quote, or in JS
// (not a template) at the end of its line; a backslash escapes a byte.
size_t after_string(const std::string& s, size_t open, Language lang) {
  const char quote = s[open];
  const char stops[] = {'\\', quote, '\n', '\0'};
  for (size_t i = next_of(s, open + 1, stops); i < s.size(); i = next_of(s, i, stops)) {
    if (s[i] == '\\')
      i += 2;
    else if (s[i] == quote || (lang == Language::js && quote != '`'))
      return i + 1;
    else
      ++i;  // a newline inside the string
  }
  return s.size();
}

// Where a line comment starting at `i` ends: at its newline, or in PHP at a
// closing tag.
size_t end_of_line_comment(const std::string& s, size_t i, Language lang) {
  if (lang != Language::php) return next_of(s, i, "\n");
  for (i = next_of(s, i, "\n?"); i < s.size() && s[i] == '?'; i = next_of(s, i + 1, "\n?"))
    if (i + 1 < s.size() && s[i + 1] == '>') return i;
  return i;
}

}  // namespace

std::string blank_comments(std::string_view text, Language lang) {
  std::string out(text);
  const bool php = lang == Language::php;
  // What opens a string or a comment: ` is a shell command in PHP, # a
  // comment only there.
  const char* const openers = php ? "'\"/#" : "'\"`/";
  for (size_t i = next_of(out, 0, openers); i < out.size(); i = next_of(out, i, openers)) {
    const char ch = out[i];
    const char next = i + 1 < out.size() ? out[i + 1] : '\0';
    if (ch == '\'' && lang == Language::asp) {  // VBScript ' starts a comment
      const size_t end = next_of(out, i, "\n");
      blank(out, i, end);
      i = end;
    } else if (ch == '\'' || ch == '"' || ch == '`') {
      i = after_string(out, i, lang);
    } else if ((ch == '/' && next == '/') || (ch == '#' && next != '[')) {
      const size_t end = end_of_line_comment(out, i, lang);
      blank(out, i, end);
      i = end;
    } else if (ch == '/' && next == '*') {
      size_t end = out.find("*/", i + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      blank(out, i, end);
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

std::string_view FileContext::code() const {
  const bool code_language = lang == Language::php || lang == Language::js ||
                             lang == Language::asp || lang == Language::jsp;
  if (binary || !code_language) return data;
  if (!code_) code_ = blank_comments(data, lang);
  return *code_;
}

}  // namespace shodo::files

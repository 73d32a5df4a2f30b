// Code with its comments blanked out, byte for byte at the same offsets:
// docblocks quote code (`$_POST['x']`, @param $callback) that never runs.
#include "files/heuristics/heuristics.h"

namespace shodo::files {

std::string blank_comments(std::string_view text, Language lang) {
  std::string out(text);
  const bool hash_comments = lang == Language::php;
  char quote = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    char ch = out[i];
    if (quote) {
      if (ch == '\\')
        ++i;
      else if (ch == quote || (ch == '\n' && quote != '`' && lang == Language::js))
        quote = 0;
      continue;
    }
    const char next = i + 1 < out.size() ? out[i + 1] : '\0';
    if (ch == '\'' || ch == '"' || (ch == '`' && lang != Language::php)) {
      if (!(lang == Language::asp && ch == '\''))
        quote = ch;  // VBScript ' starts a comment
      else
        while (i < out.size() && out[i] != '\n') out[i++] = ' ';
      continue;
    }
    if ((ch == '/' && next == '/') || (hash_comments && ch == '#' && next != '[')) {
      // A PHP line comment ends at the line or at a closing tag.
      while (i < out.size() && out[i] != '\n' &&
             !(lang == Language::php && out[i] == '?' && i + 1 < out.size() && out[i + 1] == '>'))
        out[i++] = ' ';
      --i;
    } else if (ch == '/' && next == '*') {
      size_t end = out.find("*/", i + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      for (; i < end; ++i)
        if (out[i] != '\n') out[i] = ' ';
      --i;
    }
  }
  return out;
}

}  // namespace shodo::files

#include <algorithm>
#include <cctype>

#include "files/heuristics/heuristics.h"

namespace shodo::files {

std::string_view call_arguments(std::string_view text, size_t open, size_t max) {
  if (open >= text.size() || text[open] != '(') return {};
  int depth = 0;
  char quote = 0;
  size_t end = std::min(text.size(), open + max);
  for (size_t i = open; i < end; ++i) {
    char ch = text[i];
    if (quote) {
      if (ch == '\\')
        ++i;
      else if (ch == quote)
        quote = 0;
      continue;
    }
    if (ch == '\'' || ch == '"')
      quote = ch;
    else if (ch == '(')
      ++depth;
    else if (ch == ')' && --depth == 0)
      return text.substr(open + 1, i - open - 1);
  }
  return text.substr(open + 1, end - open - 1);
}

std::vector<std::string_view> split_arguments(std::string_view args) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    char ch = args[i];
    if (quote) {
      if (ch == '\\')
        ++i;
      else if (ch == quote)
        quote = 0;
      continue;
    }
    if (ch == '\'' || ch == '"')
      quote = ch;
    else if (ch == '(' || ch == '[' || ch == '{')
      ++depth;
    else if (ch == ')' || ch == ']' || ch == '}')
      --depth;
    else if (ch == ',' && depth == 0) {
      out.push_back(args.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(args.substr(start));
  return out;
}

bool is_member_or_definition(std::string_view text, size_t at) {
  size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == 0) return false;
  char p = text[i - 1];
  if (p == '$') return true;  // $exec: a variable
  // obj.exec( is a method call; 'a' . exec( and 'a'.exec( are PHP concatenation.
  if (p == '.' && i == at && i >= 2 &&
      (std::isalnum(static_cast<unsigned char>(text[i - 2])) || text[i - 2] == '_' ||
       text[i - 2] == ')' || text[i - 2] == ']'))
    return true;
  if (i >= 2 && ((p == '>' && text[i - 2] == '-') || (p == ':' && text[i - 2] == ':'))) return true;
  std::string_view before = text.substr(i >= 9 ? i - 9 : 0, i >= 9 ? 9 : i);
  return before.size() >= 8 && lower(before.substr(before.size() - 8)) == "function";
}

bool is_script_extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view ext = name.substr(dot + 1);
  static constexpr std::string_view kExts[] = {"php",  "php3",  "php4", "php5", "php7", "php8",
                                               "pht",  "phtml", "phar", "asp",  "aspx", "ashx",
                                               "asmx", "jsp",   "jspx", "cfm",  "cgi"};
  return std::find(std::begin(kExts), std::end(kExts), ext) != std::end(kExts);
}

std::string lower(std::string_view s) {
  std::string out(s);
  // ASCII only, as tolower() in the "C" locale, without a call per byte.
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

}  // namespace shodo::files

#include "util/escape.h"

#include <algorithm>
#include <cctype>

namespace shodo::util {
namespace {
constexpr char kHex[] = "0123456789abcdef";

// The escapes terminal and JSON text share.
const char* named_escape(unsigned char c) {
  switch (c) {
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\r': return "\\r";
    default: return nullptr;
  }
}

// Printable ASCII other than the backslash: shown as it is everywhere.
bool plain_ascii(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c >= 0x20 && c < 0x7F && c != '\\';
}

void append_hex_byte(std::string& out, unsigned char c) {
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
}
}  // namespace

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

void append_escaped_terminal(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      out += "\\\\";
      ++i;
      continue;
    }
    if (c >= 0x20 && c < 0x7F) {
      // Runs of printable ASCII are the common case: appended at once.
      size_t j = i + 1;
      while (j < s.size() && plain_ascii(s[j])) ++j;
      out.append(s.substr(i, j - i));
      i = j;
      continue;
    }
    if (const char* e = c == 0x1B ? "\\e" : named_escape(c)) {
      out += e;
      ++i;
      continue;
    }
    size_t n = c >= 0x80 ? utf8_sequence_length(s, i) : 0;
    // C1 controls (U+0080..U+009F) are encoded as C2 80..C2 9F and act on
    // some terminals just like ESC sequences.
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) n = 0;
    if (n == 0) {
      append_hex_byte(out, c);
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
}

std::string escape_terminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped_terminal(out, s);
  return out;
}

void append_json_string(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      // Runs of plain ASCII are the common case.
      size_t j = i + 1;
      while (j < s.size()) {
        const unsigned char d = static_cast<unsigned char>(s[j]);
        if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
        ++j;
      }
      out.append(s.substr(i, j - i));
      i = j;
      continue;
    }
    if (const char* e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : named_escape(c)) {
      out += e;
      ++i;
      continue;
    }
    if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(s, i);
    // C1 controls (U+0080..U+009F) escaped too, so JSON shown in a terminal
    // is as inert as the text output.
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += "\\u00";
      out += kHex[static_cast<unsigned char>(s[i + 1]) >> 4];
      out += kHex[s[i + 1] & 15];
      i += 2;
      continue;
    }
    if (n == 0) {
      out += "\\udc";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
}

void append_html(std::string& out, std::string_view s) {
  for (char c : escape_terminal(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

void append_script_json_string(std::string& out, std::string_view s) {
  std::string json;
  append_json_string(json, s);
  // JSON escapes never contain these bytes, so each one is the character.
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xe2' && json.compare(i + 1, 2, "\x80\xa8") == 0) {
      out += "\\u2028";
      i += 2;
    } else if (c == '\xe2' && json.compare(i + 1, 2, "\x80\xa9") == 0) {
      out += "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
}

std::string_view safe_url(std::string_view url) {
  // Browsers drop leading spaces and controls and every tab and newline
  // before reading the scheme; so does this check.
  std::string scheme;
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  for (; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') {
      return scheme == "http" || scheme == "https" || scheme == "mailto" ? url : kUnsafeUrl;
    }
    if (c == '/' || c == '?' || c == '#') break;
    // Anything else before a ':' makes it a relative URL, in browsers too.
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') break;
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return url;
}

void append_csv_cell(std::string& out, std::string_view s) {
  // Full-width = + - @ too: Japanese spreadsheets read them as the ASCII ones.
  const bool formula = !s.empty() && (std::string_view("=+-@\t\r").find(s[0]) != s.npos ||
                                      s.starts_with("\xef\xbc\x9d") ||  // U+FF1D ＝
                                      s.starts_with("\xef\xbc\x8b") ||  // U+FF0B ＋
                                      s.starts_with("\xef\xbc\x8d") ||  // U+FF0D －
                                      s.starts_with("\xef\xbc\xa0"));   // U+FF20 ＠
  // Most cells need nothing: no formula, quote, comma or escape.
  if (!formula && std::all_of(s.begin(), s.end(),
                              [](char c) { return plain_ascii(c) && c != ',' && c != '"'; })) {
    out.append(s);
    return;
  }
  // CSV gets printed to terminals too: control bytes are escaped as there.
  std::string safe;
  append_escaped_terminal(safe, s);
  const bool quote = formula || safe.find_first_of(",\"") != std::string::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
}

bool is_text(std::string_view s, std::string_view allowed) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 || c == 0x7f) && allowed.find(static_cast<char>(c)) == std::string_view::npos)
        return false;
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace shodo::util

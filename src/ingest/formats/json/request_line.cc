#include "ingest/formats/json/request_line.h"

namespace shodo::ingest::mapping {
namespace {

// RFC 9110 token characters, which is what a method is made of.
bool is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
  }
  return false;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

bool split_request_line(std::string_view s, RequestLine& out) {
  s = trim_spaces(s);
  const size_t sp = s.find(' ');
  if (sp == 0 || sp == std::string_view::npos) return false;
  for (size_t i = 0; i < sp; ++i)
    if (!is_tchar(s[i])) return false;
  out.method = s.substr(0, sp);
  std::string_view rest = trim_spaces(s.substr(sp + 1));
  const size_t last = rest.rfind(' ');
  if (last == std::string_view::npos) {
    out.target = rest;
    out.protocol = {};
  } else {
    out.target = trim_spaces(rest.substr(0, last));
    out.protocol = rest.substr(last + 1);
  }
  return true;
}

void split_url(std::string_view s, UrlParts& out) {
  out = {};
  out.target = s;
  const size_t scheme_end = s.find("://");
  if (scheme_end != std::string_view::npos && scheme_end > 0 && s.front() != '/') {
    bool scheme = true;
    for (size_t i = 0; i < scheme_end && scheme; ++i) {
      const char c = s[i];
      scheme = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    }
    if (scheme) {
      std::string_view rest = s.substr(scheme_end + 3);
      const size_t auth_end = rest.find_first_of("/?#");
      std::string_view authority = rest.substr(0, auth_end);
      out.target = auth_end == std::string_view::npos ? std::string_view{} : rest.substr(auth_end);
      if (const size_t at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
      if (!authority.empty() && authority.front() == '[') {
        const size_t close = authority.find(']');
        out.host = authority.substr(1, close == std::string_view::npos ? close : close - 1);
        if (close != std::string_view::npos && close + 1 < authority.size() &&
            authority[close + 1] == ':')
          out.port = authority.substr(close + 2);
      } else {
        // The port as written, even malformed ("host:80-"): the caller checks it.
        const size_t colon = authority.find(':');
        out.host = authority.substr(0, colon);
        if (colon != std::string_view::npos) out.port = authority.substr(colon + 1);
      }
    }
  }
  const size_t q = out.target.find('?');
  out.path = out.target.substr(0, q);
  if (q != std::string_view::npos) out.query = out.target.substr(q + 1);
}

bool split_host_port(std::string_view s, std::string_view& host, std::string_view& port) {
  if (!s.empty() && s.front() == '[') {
    const size_t close = s.find(']');
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':')
      return false;
    host = s.substr(1, close - 1);
    port = s.substr(close + 2);
    return all_digits(port);
  }
  const size_t colon = s.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!all_digits(s.substr(colon + 1))) return false;
  host = s.substr(0, colon);
  port = s.substr(colon + 1);
  return true;
}

}  // namespace shodo::ingest::mapping

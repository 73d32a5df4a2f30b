#include "ingest/formats/error_log/error_log.h"
#include "ingest/formats/syslog/scan.h"

namespace shodo::ingest::error_log {

bool is_continuation(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t') return true;
  if (line[0] == '#') {
    size_t i = 1;
    while (i < line.size() && scan::is_digit(line[i])) ++i;
    return i > 1 && i < line.size() && line[i] == ' ';
  }
  return line.starts_with("Stack trace:") || line.starts_with("Next ") ||
         line.starts_with("thrown in ");
}

bool split_request(std::string_view request, Event& ev) {
  std::string_view s = request;
  const std::string_view method = scan::word(s);
  const std::string_view target = scan::word(s);
  const std::string_view protocol = s;
  if (method.empty() || target.empty()) return false;
  for (char c : method)
    if (c < 'A' || c > 'Z') return false;
  if (!protocol.empty() &&
      (!protocol.starts_with("HTTP/") || protocol.find(' ') != std::string_view::npos))
    return false;
  ev.method = method;
  ev.request_target = target;
  ev.protocol = protocol;
  const size_t q = target.find('?');
  ev.path = target.substr(0, q);
  if (q != std::string_view::npos) ev.query = target.substr(q + 1);
  return true;
}

void php_location(std::string_view message, Event& ev) {
  std::string_view file, line;
  if (const size_t on = message.rfind(" on line "); on != std::string_view::npos) {
    line = message.substr(on + 9);
    const size_t in = message.rfind(" in ", on);
    if (in != std::string_view::npos) file = message.substr(in + 4, on - in - 4);
  } else if (const size_t in = message.rfind(" in "); in != std::string_view::npos) {
    // Uncaught exceptions: "... in /var/www/a.php:12"
    const std::string_view where = message.substr(in + 4);
    const size_t colon = where.rfind(':');
    // Only a path: "in list:3" in prose is not a location.
    if (colon != std::string_view::npos && where.find_first_of("/\\") < colon) {
      file = where.substr(0, colon);
      line = where.substr(colon + 1);
    }
  }
  if (file.empty() || !scan::all_digits(line)) return;
  ev.extra.emplace_back("php.file", file);
  ev.extra.emplace_back("php.line", line);
}

}  // namespace shodo::ingest::error_log

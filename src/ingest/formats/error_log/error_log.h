// Internal to the web-server and PHP error-log formats.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ingest/parser.h"

namespace shodo::ingest::error_log {

// Lines that continue the entry above them (stack traces, wrapped text):
// leading whitespace, "#3 ...", "Stack trace:", "Next ...", "thrown in ...".
bool is_continuation(std::string_view line);
// "GET /x?y=1 HTTP/1.1" into method, request_target, path, query, protocol.
// False (event untouched) when the text is not a request line.
bool split_request(std::string_view request, Event& ev);
// PHP's " in /var/www/x.php on line 3" or " in /var/www/x.php:3" at the end
// of a message: extras php.file and php.line.
void php_location(std::string_view message, Event& ev);

// Apache 2.2 and 2.4 error logs:
//   [Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 1:tid 2] [client 192.0.2.1:5432] AH00124:
//   msg
LineResult parse_apache(std::string_view line, Event& ev, ParseContext& ctx);
// Nginx: 2024/01/02 03:04:05 [error] 1234#5678: *9 msg, client: 192.0.2.1, server: ...
LineResult parse_nginx(std::string_view line, Event& ev, ParseContext& ctx);
// PHP-FPM's own log: [02-Jan-2024 03:04:05] WARNING: [pool www] child 123 said ...
LineResult parse_php_fpm(std::string_view line, Event& ev, ParseContext& ctx);

// PHP's error_log: [02-Jan-2024 03:04:05 Europe/Berlin] PHP Warning:  msg in /x.php on line 3
// Each line names its zone (date.timezone), so the parser keeps the zone it
// last looked up.
class PhpErrorParser final : public LineParser {
 public:
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override;
  std::unique_ptr<LineParser> clone() const override;

 private:
  // Looks the zone up when the name changes; nullptr for an unknown name.
  const Zone* zone_named(std::string_view name);

  std::string zone_name_;
  std::shared_ptr<const Zone> zone_;
  ZoneCache zone_cache_;
};

}  // namespace shodo::ingest::error_log

// Web-server and PHP error logs; the grammars live in error_log/.
#include "ingest/formats/error_log/error_log.h"
#include "ingest/formats/registry.h"

namespace shodo::ingest {
namespace {

// A format whose lines stand alone: one parsing function, no state.
class FunctionParser final : public LineParser {
 public:
  using Fn = LineResult (*)(std::string_view, Event&, ParseContext&);
  explicit FunctionParser(Fn fn) : fn_(fn) {}
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    return fn_(line, ev, ctx);
  }
  std::unique_ptr<LineParser> clone() const override {
    return std::make_unique<FunctionParser>(fn_);
  }

 private:
  Fn fn_;
};

}  // namespace

void register_error_log_formats(FormatRegistry& r) {
  r.add(
      "apache_error", LogKind::web_error,
      "Apache httpd 2.2/2.4 error log ([Wed Oct 11 14:32:52 2000] [core:error] [pid N] "
      "[client IP:port] AH00124: ...)",
      [] { return std::make_unique<FunctionParser>(error_log::parse_apache); }, 0);
  r.add(
      "nginx_error", LogKind::web_error,
      "Nginx error log (2024/01/02 03:04:05 [error] 1234#5678: *9 ..., client: IP, ...)",
      [] { return std::make_unique<FunctionParser>(error_log::parse_nginx); }, 0);
  r.add(
      "php_error", LogKind::web_error,
      "PHP error_log ([02-Jan-2024 03:04:05 UTC] PHP Warning:  ... in FILE on line N)",
      [] { return std::make_unique<error_log::PhpErrorParser>(); }, 0);
  // FPM lines also fit the PHP error_log form (no zone, free text): the
  // level word after the time makes them FPM's.
  r.add(
      "php_fpm", LogKind::web_error,
      "PHP-FPM log ([02-Jan-2024 03:04:05] WARNING: [pool www] child 123 ...)",
      [] { return std::make_unique<FunctionParser>(error_log::parse_php_fpm); }, 5);
}

}  // namespace shodo::ingest

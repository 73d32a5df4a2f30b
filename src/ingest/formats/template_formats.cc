// Apache and Nginx access logs: user format strings and the common presets,
// all compiled into templates (formats/template/).
#include "ingest/formats/registry.h"
#include "ingest/formats/template/template.h"

namespace shodo::ingest {
namespace {

constexpr std::string_view kCombined = R"(%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i")";

struct Preset {
  std::string_view name;
  bool nginx;  // the format is an Nginx log_format, else an Apache LogFormat
  std::string format;
  std::string_view description;
  int specificity;
};

// Specificity breaks ties between layouts that parse a sample equally: the
// richer layout wins (no preset's lines parse under another, except that
// xff_combined reads every combined line too, and should lose those).
std::vector<Preset> presets() {
  const std::string combined(kCombined);
  return {
      {"common", false, R"(%h %l %u %t "%r" %>s %b)", "Common Log Format (Apache common, NCSA)",
       10},
      {"combined", false, combined,
       "Combined Log Format: common plus referer and user agent (Apache combined, Nginx default)",
       20},
      {"xff_combined", false,
       R"(%{X-Forwarded-For}i %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i")",
       "combined with X-Forwarded-For in place of the client address (behind a load balancer)", 15},
      {"combined_duration", false, combined + " %D",
       "combined plus the time taken in microseconds (%D)", 30},
      {"combinedio", false, combined + " %I %O",
       "Apache combinedio: combined plus bytes received and sent with headers (%I %O)", 30},
      {"nginx_main", true,
       R"($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent )"
       R"("$http_referer" "$http_user_agent" "$http_x_forwarded_for")",
       "Nginx's sample main format: combined plus \"$http_x_forwarded_for\"", 30},
      {"vhost_combined", false, R"(%v:%p %h %l %u %t "%r" %>s %O "%{Referer}i" "%{User-Agent}i")",
       "Debian/Ubuntu vhost_combined: virtual host and port, then combined (%O for bytes)", 40},
  };
}

}  // namespace

void register_template_formats(FormatRegistry& r) {
  for (const Preset& p : presets()) {
    std::string error;
    std::shared_ptr<const tpl::Template> t =
        p.nginx ? tpl::compile_nginx(p.format, error) : tpl::compile_apache(p.format, error);
    r.add(
        std::string(p.name), LogKind::web_access, std::string(p.description),
        [t] { return tpl::make_template_parser(t); }, p.specificity);
  }
}

std::unique_ptr<LineParser> make_apache_format_parser(std::string_view log_format,
                                                      std::string& error) {
  auto t = tpl::compile_apache(log_format, error);
  return t ? tpl::make_template_parser(std::move(t)) : nullptr;
}

std::unique_ptr<LineParser> make_nginx_format_parser(std::string_view log_format,
                                                     std::string& error) {
  auto t = tpl::compile_nginx(log_format, error);
  return t ? tpl::make_template_parser(std::move(t)) : nullptr;
}

}  // namespace shodo::ingest

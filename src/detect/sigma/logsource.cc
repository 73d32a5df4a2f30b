// Sigma log sources mapped onto ingest::LogKind. Syslog lines are split into
// kinds by program (ingest/formats/syslog/classify.cc): sshd, sudo, su and
// account changes are `auth`, Postfix/Sendmail/Exim are `mail`, and cron
// lines stay `syslog` (cron's PAM session lines are `auth`).
#include "detect/sigma/logsource.h"

namespace shodo::detect::sigma {
namespace {

using ingest::LogKind;

bool is_one_of(const std::string& s, std::initializer_list<std::string_view> names) {
  for (const std::string_view n : names)
    if (s == n) return true;
  return false;
}

std::optional<SourceFilter> web_source(const LogSource& s) {
  if (s.category == "webserver" || s.category == "proxy")
    return SourceFilter{{LogKind::web_access}, {}};
  if (s.category == "webserver_error") return SourceFilter{{LogKind::web_error}, {}};
  if (!is_one_of(s.product, {"apache", "nginx", "iis"}) || !s.category.empty()) return std::nullopt;
  if (s.service == "error") return SourceFilter{{LogKind::web_error}, {}};
  if (s.service.empty() || s.service == "access") return SourceFilter{{LogKind::web_access}, {}};
  return std::nullopt;
}

// Linux logs; the product may be left out for the services only Linux has.
std::optional<SourceFilter> linux_source(const LogSource& s) {
  const bool is_linux = s.product == "linux";
  if (!is_linux && !s.product.empty()) return std::nullopt;
  const std::string& what = s.service.empty() ? s.category : s.service;
  if (!s.service.empty() && !s.category.empty() && s.service != s.category) return std::nullopt;
  if (what == "mail") return SourceFilter{{LogKind::mail}, {}};
  if (what == "shell_history") return SourceFilter{{LogKind::shell_history}, {}};
  if (what == "auth") return SourceFilter{{LogKind::auth}, {}};
  if (what == "sshd") return SourceFilter{{LogKind::auth}, {"sshd"}};
  if (what == "sudo") return SourceFilter{{LogKind::auth}, {"sudo"}};
  if (what == "cron")
    return SourceFilter{{LogKind::syslog, LogKind::auth},
                        {"CRON", "cron", "crond", "CROND", "crontab"}};
  if (what == "syslog" || (what.empty() && is_linux))
    return SourceFilter{{LogKind::syslog, LogKind::auth, LogKind::mail}, {}};
  return std::nullopt;
}

}  // namespace

std::optional<SourceFilter> source_filter(const LogSource& source) {
  if (auto web = web_source(source)) return web;
  return linux_source(source);
}

std::string default_example_format(const LogSource& source, const SourceFilter& filter) {
  switch (filter.kinds.front()) {
    case LogKind::web_access: return "combined";
    case LogKind::web_error: return source.product == "nginx" ? "nginx_error" : "apache_error";
    case LogKind::shell_history: return "bash_history";
    default: return "syslog";
  }
}

std::string describe(const LogSource& source) {
  std::string out;
  const auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(key) + "=" + value;
  };
  add("product", source.product);
  add("category", source.category);
  add("service", source.service);
  return out.empty() ? "(empty)" : out;
}

}  // namespace shodo::detect::sigma

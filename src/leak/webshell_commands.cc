#include "leak/webshell_commands.h"

#include "detect/decode/http_decode.h"
#include "leak/query_params.h"
#include "leak/shell_command.h"
#include "util/base64.h"
#include "util/escape.h"

namespace shodo::leak {

namespace {

constexpr size_t kMinBase64 = 8;  // shorter values are words ("id", "ls") as often as base64

// Base64 that decodes to text (valid UTF-8 without control characters other
// than whitespace) is the command; anything else stays as sent.
bool base64_text(std::string_view value, std::string& out) {
  if (value.size() < kMinBase64 || !util::decode_base64(value, out) || out.empty()) return false;
  return util::is_text(out, "\t\n\r");
}

std::string_view folder_of(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view("/") : path.substr(0, slash);
}

}  // namespace

WebshellTracker::WebshellTracker(const std::vector<std::string>& urls) : urls_(urls) {}

std::string_view WebshellTracker::webshell_of(std::string_view path) const {
  for (const std::string& u : urls_) {
    if (path == u) return u;
  }
  return {};
}

void WebshellTracker::observe(const WebRequest& r, std::string_view webshell,
                              std::string_view query, const Config& config) {
  std::string decoded, unpacked;
  for (QueryParam p; next_param(query, p);) {
    const std::string_view name = p.name;
    std::string_view value = p.value;
    if (detect::decode::decode_request(value, decoded)) value = decoded;
    if (value.empty()) continue;
    WebshellCommand c;
    c.base64 = base64_text(value, unpacked);
    c.command = c.base64 ? unpacked : std::string(value);
    ShellEffects fx = read_shell_command(c.command, folder_of(webshell));
    c.time = r.time;
    c.ip = r.ip;
    c.webshell = webshell;
    c.parameter = name;
    c.programs = std::move(fx.programs);
    c.files = std::move(fx.files);
    c.urls = std::move(fx.urls);
    c.status = r.status;
    c.bytes = r.bytes;
    c.cite = r.cite;
    records_.add(std::move(c), config.max_records);
  }
}

void WebshellTracker::merge(WebshellTracker&& other, const Config& config) {
  records_.merge(std::move(other.records_), config.max_records);
}

std::vector<WebshellCommand> WebshellTracker::finish(const Config& config, uint64_t& dropped) && {
  return std::move(records_).take(config.max_records, dropped);
}

}  // namespace shodo::leak

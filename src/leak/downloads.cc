// Archive and dump extensions are the detect component's (the exfiltration
// detector's list); added here are what a leak assessment also asks about:
// logs, configuration and editor leftovers, and export endpoints.
#include "leak/downloads.h"

#include <array>

#include "detect/stateful/web_paths.h"
#include "leak/ascii.h"

namespace shodo::leak {

namespace {

using namespace std::string_view_literals;

std::string_view last_segment(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool icontains(std::string_view s, std::string_view lower) {
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (iequals(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

// Secrets by name: .env and its copies, a configuration script's copies
// (config.php.bak: the server sends those as text), credential files.
bool config_name(std::string_view name) {
  static constexpr std::array kNames = {".htpasswd"sv,   ".pgpass"sv,     ".my.cnf"sv,
                                        "id_rsa"sv,      "id_ed25519"sv,  "database.yml"sv,
                                        "secrets.yml"sv, "credentials"sv, "credentials.json"sv};
  static constexpr std::array kScriptCopies = {"config.php."sv,   "config.inc.php."sv,
                                               "settings.php."sv, "configuration.php."sv,
                                               "web.config."sv,   "config.php~"sv};
  if (iequals(name, ".env") || istarts_with(name, ".env.")) return true;
  for (std::string_view n : kNames) {
    if (iequals(name, n)) return true;
  }
  for (std::string_view c : kScriptCopies) {
    for (size_t at = 0; at + c.size() <= name.size(); ++at) {
      if (iequals(name.substr(at, c.size()), c) &&
          (at == 0 || name[at - 1] == '-' || name[at - 1] == '_' || name[at - 1] == '.'))
        return true;
    }
  }
  return false;
}

bool log_name(std::string_view name) {
  if (iends_with(name, ".log")) return true;
  const size_t at = name.rfind(".log.");
  if (at == std::string_view::npos) return false;
  const std::string_view rest = name.substr(at + 5);
  return !rest.empty() && (is_digit(rest[0]) || iequals(rest, "gz") || iequals(rest, "bz2") ||
                           iequals(rest, "zst") || iequals(rest, "xz"));
}

bool export_query(std::string_view query) {
  static constexpr std::array kFormats = {"format=csv"sv, "format=xlsx"sv, "format=xls"sv,
                                          "format=tsv"sv, "export=csv"sv,  "export=xlsx"sv,
                                          "type=csv"sv,   "output=csv"sv};
  for (std::string_view f : kFormats) {
    if (icontains(query, f)) return true;
  }
  return false;
}

// Pages, scripts and assets: most requests, and never a file handed out as
// it is stored (a script runs; its copies have other extensions).
bool served_page(std::string_view name) {
  static constexpr std::array kExtensions = {".php"sv,  ".html"sv, ".htm"sv,  ".css"sv,   ".js"sv,
                                             ".png"sv,  ".jpg"sv,  ".jpeg"sv, ".gif"sv,   ".svg"sv,
                                             ".ico"sv,  ".webp"sv, ".woff"sv, ".woff2"sv, ".asp"sv,
                                             ".aspx"sv, ".jsp"sv};
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  for (std::string_view e : kExtensions) {
    if (iequals(name.substr(dot), e)) return true;
  }
  return false;
}

}  // namespace

std::string_view download_kind(std::string_view path, std::string_view query) {
  const std::string_view name = last_segment(path);
  if (served_page(name)) {
    return !query.empty() && icontains(path, "export") && export_query(query) ? "export" : "";
  }
  if (config_name(name) || iends_with(path, "/.git/config")) return "config";
  if (log_name(name)) return "log";
  if (iends_with(name, "~") || iends_with(name, ".swp") || iends_with(name, ".orig") ||
      iends_with(name, ".save"))
    return "backup";
  if (iends_with(name, ".xlsx") || iends_with(name, ".xls") || iends_with(name, ".tsv") ||
      iends_with(name, ".ods"))
    return "export";
  const detect::ArchiveKind archive = detect::archive_kind(path);
  if (!archive.extension.empty()) {
    const std::string_view e = archive.extension;
    if (istarts_with(e, ".sql") || e == ".dump" || e == ".db" || e == ".sqlite" || e == ".mdb")
      return "database-dump";
    if (e == ".bak" || e == ".backup" || e == ".old") return "backup";
    if (e == ".csv") return "export";
    return "archive";
  }
  if (icontains(path, "export") && export_query(query)) return "export";
  if (icontains(path, "/backup/") || icontains(path, "/backups/") || icontains(path, "/dump/"))
    return "backup";
  return {};
}

void DownloadTracker::observe(const WebRequest& r, std::string_view path, std::string_view query,
                              const Config& config) {
  if (r.status < 200 || r.status > 299 || iequals(r.method, "head")) return;
  const std::string_view kind = download_kind(path, query);
  if (kind.empty()) return;
  Download d;
  d.time = r.time;
  d.ip = r.ip;
  d.method = r.method;
  d.path = path;
  d.kind = kind;
  d.status = r.status;
  d.bytes = r.bytes;
  d.cite = r.cite;
  records_.add(std::move(d), config.max_records);
}

void DownloadTracker::merge(DownloadTracker&& other, const Config& config) {
  records_.merge(std::move(other.records_), config.max_records);
}

std::vector<Download> DownloadTracker::finish(const Config& config, uint64_t& dropped) && {
  std::vector<Download> out = std::move(records_).take(config.max_records, dropped);
  for (Download& d : out) {
    if (config.file_size) d.file_size = config.file_size(d.path);
    d.matches_file = d.file_size && d.bytes >= 0 && static_cast<uint64_t>(d.bytes) == *d.file_size;
    d.complete = d.status == 200 &&
                 (!d.file_size || (d.bytes >= 0 && static_cast<uint64_t>(d.bytes) >= *d.file_size));
  }
  return out;
}

}  // namespace shodo::leak

// The parts of a syslog line every form shares: PRI and the "tag[pid]:" lead.
#include <array>

#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {
namespace {

// Facility codes as RFC 5424 numbers them, under the names syslog.conf uses.
constexpr std::array<std::string_view, 24> kFacilities = {
    "kern",   "user",   "mail",     "daemon", "auth",   "syslog",   "lpr",     "news",
    "uucp",   "cron",   "authpriv", "ftp",    "ntp",    "security", "console", "solaris-cron",
    "local0", "local1", "local2",   "local3", "local4", "local5",   "local6",  "local7"};
constexpr std::array<std::string_view, 8> kSeverities = {"emerg",   "alert",  "crit", "err",
                                                         "warning", "notice", "info", "debug"};
// log.level spells "err" out, as the other formats write it.
constexpr std::array<std::string_view, 8> kLevels = {"emerg",   "alert",  "crit", "error",
                                                     "warning", "notice", "info", "debug"};

}  // namespace

size_t read_pri(std::string_view s, int& pri) {
  if (s.size() < 3 || s[0] != '<') return 0;
  size_t i = 1;
  int v = 0;
  while (i < s.size() && scan::is_digit(s[i]) && i < 4) v = v * 10 + (s[i++] - '0');
  if (i == 1 || i >= s.size() || s[i] != '>' || v > 191) return 0;
  // RFC 5424 forbids leading zeros except for "<0>".
  if (s[1] == '0' && i > 2) return 0;
  pri = v;
  return i + 1;
}

void add_pri(int pri, Event& ev) {
  ev.extra.emplace_back("syslog.facility", kFacilities[static_cast<size_t>(pri / 8)]);
  ev.extra.emplace_back("syslog.severity", kSeverities[static_cast<size_t>(pri % 8)]);
  ev.level = kLevels[static_cast<size_t>(pri % 8)];
}

std::string_view split_tag(std::string_view s, Event& ev) {
  // Tags are short program names ("postfix/smtpd", "systemd-logind"); a
  // longer run before ':' is message text.
  constexpr size_t kMaxTag = 64;
  size_t i = 0;
  while (i < s.size() && i <= kMaxTag && s[i] != '[' && s[i] != ':' && s[i] != ' ' &&
         static_cast<unsigned char>(s[i]) > 0x20)
    ++i;
  if (i == 0 || i > kMaxTag || i == s.size()) return s;
  const std::string_view tag = s.substr(0, i);
  int64_t pid = -1;
  if (s[i] == '[') {
    const size_t close = s.find(']', i);
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') return s;
    int64_t v = 0;
    if (scan::number(s.substr(i + 1, close - i - 1), v)) pid = v;
    i = close + 1;
  }
  if (s[i] != ':') return s;
  ++i;
  if (i < s.size() && s[i] != ' ') return s;  // "word:text" is message text, not a tag
  if (i < s.size()) ++i;
  ev.process = tag;
  ev.pid = pid;
  return s.substr(i);
}

}  // namespace shodo::ingest::syslog

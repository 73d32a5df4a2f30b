// PHP's error_log and PHP-FPM's own log. Both start "[02-Jan-2024 03:04:05";
// PHP adds the zone name (date.timezone) before the ']', FPM a level word after.
#include "ingest/formats/error_log/error_log.h"
#include "ingest/formats/syslog/scan.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::error_log {
namespace {

struct Level {
  std::string_view written, level;
};
// PHP's error types as its log spells them, and as log.level.
constexpr Level kPhpLevels[] = {
    {"Fatal error", "fatal"},
    {"Parse error", "parse"},
    {"Warning", "warning"},
    {"Notice", "notice"},
    {"Deprecated", "deprecated"},
    {"Strict Standards", "strict"},
    {"Catchable fatal error", "fatal"},
    {"Recoverable fatal error", "fatal"},
    {"Core warning", "warning"},
    {"Core error", "fatal"},
    {"Compile error", "fatal"},
    {"Compile warning", "warning"},
    {"User error", "error"},
    {"User warning", "warning"},
    {"User notice", "notice"},
    {"User deprecated", "deprecated"},
};

constexpr Level kFpmLevels[] = {
    {"DEBUG", "debug"}, {"NOTICE", "notice"}, {"WARNING", "warning"},
    {"ERROR", "error"}, {"ALERT", "alert"},
};

// "[02-Jan-2024 03:04:05" and what follows up to the ']': the zone name.
bool stamp(std::string_view line, CivilTime& t, std::string_view& zone, std::string_view& rest) {
  size_t used = 0;
  if (!line.starts_with('[') || !parse_dmy_dash_time(line.substr(1), t, used)) return false;
  std::string_view s = line.substr(1 + used);
  if (scan::eat(s, " ")) {
    if (!scan::until(s, "]", zone) || zone.empty() || zone.size() > 64) return false;
  } else if (!scan::eat(s, "]")) {
    return false;
  }
  scan::eat(s, " ");
  rest = s;
  return true;
}

}  // namespace

const Zone* PhpErrorParser::zone_named(std::string_view name) {
  // Only names the tz database could hold are looked up: a failed lookup
  // costs an exception, and a hostile file could change the name every line.
  for (char c : name)
    if (!scan::is_alnum(c) && c != '/' && c != '_' && c != '-' && c != '+' && c != ':')
      return nullptr;
  if (name != zone_name_) {
    zone_name_.assign(name);
    std::string error;
    zone_ = Zone::locate(name, error);
    zone_cache_.set_zone(zone_.get());
  }
  return zone_.get();
}

LineResult PhpErrorParser::parse(std::string_view line, Event& ev, ParseContext& ctx) {
  if (is_continuation(line)) return LineResult::meta;
  CivilTime t;
  std::string_view zone, s;
  if (!stamp(line, t, zone, s)) {
    ctx.error = "bad PHP error-log timestamp";
    return LineResult::bad;
  }
  if (!zone.empty() && zone_named(zone)) {
    zone_cache_.apply(t, ev);
    ev.offset_assumed = false;  // the line named its zone
  } else {
    ctx.zone.apply(t, ev);
  }
  std::string_view type;
  if (std::string_view rest = s; scan::eat(rest, "PHP ") && scan::until(rest, ":", type)) {
    for (const Level& l : kPhpLevels) {
      if (type == l.written) {
        ev.level = l.level;
        s = scan::trim(rest);
        break;
      }
    }
  }
  ev.message = s;
  php_location(s, ev);
  return LineResult::event;
}

std::unique_ptr<LineParser> PhpErrorParser::clone() const {
  return std::make_unique<PhpErrorParser>();
}

LineResult parse_php_fpm(std::string_view line, Event& ev, ParseContext& ctx) {
  if (is_continuation(line)) return LineResult::meta;
  CivilTime t;
  std::string_view zone, s, word;
  if (!stamp(line, t, zone, s) || !zone.empty()) {
    ctx.error = "bad PHP-FPM timestamp";
    return LineResult::bad;
  }
  if (!scan::until(s, ": ", word)) {
    ctx.error = "no PHP-FPM level";
    return LineResult::bad;
  }
  for (const Level& l : kFpmLevels)
    if (word == l.written) ev.level = l.level;
  if (ev.level.empty()) {
    ctx.error = "no PHP-FPM level";
    return LineResult::bad;
  }
  ctx.zone.apply(t, ev);
  ev.message = s;
  // "[pool www] child 123 said into stderr: ..."
  std::string_view rest = s, pool;
  if (scan::eat(rest, "[pool ") && scan::until(rest, "] ", pool)) {
    ev.extra.emplace_back("php_fpm.pool", pool);
    std::string_view pid;
    if (scan::eat(rest, "child ")) {
      pid = scan::word(rest);
      scan::number(pid, ev.pid);
    }
  }
  return LineResult::event;
}

}  // namespace shodo::ingest::error_log

// fish history (~/.local/share/fish/fish_history).
#include "ingest/formats/shell_history/shell_history.h"
#include "ingest/formats/syslog/scan.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::history {
namespace {

// fish escapes the command: "\\" for a backslash, "\n" for a newline.
void unescape(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '\\' || s[i + 1] == 'n')) {
      out += s[++i] == 'n' ? '\n' : '\\';
    } else {
      out += s[i];
    }
  }
}

}  // namespace

void FishHistoryParser::emit(Event& ev, ParseContext& ctx) const {
  ev.line = line_;
  ev.offset = offset_;
  ev.raw = ctx.arena->store(raw_);
  ev.command = ctx.arena->store(cmd_);
  ev.message = ev.command;
  if (ctx.file) ev.user = user_from_path(ctx.file->path);
}

LineResult FishHistoryParser::parse(std::string_view line, Event& ev, ParseContext& ctx) {
  std::string_view s = line;
  bool cmd_line = scan::eat(s, "- cmd: ");
  if (!cmd_line && line == "- cmd:") {
    cmd_line = true;  // an empty command
    s = {};
  }
  if (cmd_line) {
    const uint64_t here = ev.line, here_offset = ev.offset;
    // A command left without its "when:" (a cut or hand-edited file) is
    // still reported, untimed, before the next one is taken.
    const bool flush = pending_;
    if (flush) emit(ev, ctx);
    unescape(s, cmd_);
    raw_.assign(line);
    line_ = here;
    offset_ = here_offset;
    pending_ = true;
    return flush ? LineResult::event : LineResult::meta;
  }
  if (scan::eat(s, "  when: ")) {
    if (!pending_) return LineResult::meta;
    emit(ev, ctx);
    pending_ = false;
    TimeUs time = kNoTime;
    size_t used = 0;
    if (parse_epoch(s, time, used) && used == s.size()) {
      ev.time = time;
      ev.utc_offset_s = 0;
      ev.offset_assumed = false;
    }
    return LineResult::event;
  }
  // "  paths:", "    - /tmp/x" and any other key of the entry.
  if (s.starts_with("  ")) return LineResult::meta;
  ctx.error = "not a fish history line";
  return LineResult::bad;
}

std::unique_ptr<LineParser> FishHistoryParser::clone() const {
  return std::make_unique<FishHistoryParser>(*this);
}

}  // namespace shodo::ingest::history

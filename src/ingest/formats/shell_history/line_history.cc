// bash / sh / zsh history files.
#include "ingest/formats/shell_history/shell_history.h"
#include "ingest/formats/syslog/scan.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::history {
namespace {

// bash's "#1700000000" (tcsh writes "#+1700000000"): the time of the next command.
bool bash_stamp(std::string_view line, TimeUs& time) {
  if (!scan::eat(line, "#")) return false;
  scan::eat(line, "+");
  size_t used = 0;
  return scan::all_digits(line) && parse_epoch(line, time, used) && used == line.size();
}

// zsh's extended history ": START:ELAPSED;command".
bool zsh_extended(std::string_view& line, TimeUs& time, int64_t& elapsed) {
  std::string_view s = line, start, secs;
  if (!scan::eat(s, ": ") || !scan::until(s, ":", start) || !scan::until(s, ";", secs) ||
      !scan::all_digits(start) || !scan::number(secs, elapsed))
    return false;
  size_t used = 0;
  if (!parse_epoch(start, time, used)) return false;
  line = s;
  return true;
}

// zsh stores some bytes "metafied": 0x83 then the byte XOR 0x20.
std::string_view unmetafy(std::string_view s, Arena& arena) {
  constexpr char kMeta = static_cast<char>(0x83);
  if (s.find(kMeta) == std::string_view::npos) return s;
  char* out = arena.reserve(s.size());
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == kMeta && i + 1 < s.size()) {
      out[n++] = static_cast<char>(s[++i] ^ 0x20);
    } else {
      out[n++] = s[i];
    }
  }
  return arena.commit(n);
}

}  // namespace

LineResult LineHistoryParser::parse(std::string_view line, Event& ev, ParseContext& ctx) {
  const bool continuation = continued_;
  continued_ = false;
  if (!continuation) {
    if (bash_stamp(line, time_)) {
      elapsed_s_ = -1;
      return LineResult::meta;
    }
    // A line without its own time keeps the last one known: in bash the
    // lines after a stamp belong to the command it timed.
    if (!zsh_extended(line, time_, elapsed_s_)) elapsed_s_ = -1;
  }
  std::string_view command = line;
  if (zsh_ && command.ends_with('\\')) {
    command.remove_suffix(1);
    continued_ = true;
  }
  if (zsh_) command = unmetafy(command, *ctx.arena);
  ev.command = command;
  ev.message = command;
  if (time_ != kNoTime) {
    ev.time = time_;
    ev.utc_offset_s = 0;
    ev.offset_assumed = false;
    // zsh writes whole seconds; anything past ~30,000 years is not a duration.
    if (elapsed_s_ >= 0 && elapsed_s_ < 1000000000000 && !continuation)
      ev.duration_us = elapsed_s_ * 1000000;
  }
  if (ctx.file) ev.user = user_from_path(ctx.file->path);
  return LineResult::event;
}

std::unique_ptr<LineParser> LineHistoryParser::clone() const {
  return std::make_unique<LineHistoryParser>(*this);
}

}  // namespace shodo::ingest::history

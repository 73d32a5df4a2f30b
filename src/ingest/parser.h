// What a log-format parser implements. Internal to ingest: formats register
// themselves in formats/registry.cc and the pipeline drives them.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ingest/arena.h"
#include "ingest/event.h"
#include "ingest/time/zone.h"

namespace shodo::ingest {

// What a parser knows of the file it reads.
struct FileContext {
  std::string_view path;       // as given or found (for names like .bash_history)
  int64_t mtime_s = 0;         // modification time, seconds since epoch (syslog years)
  const Zone* zone = nullptr;  // for local times without an offset
};

// Per-thread state a parser may use while parsing a batch.
struct ParseContext {
  const FileContext* file = nullptr;
  Arena* arena = nullptr;  // for decoded text that must outlive the call
  ZoneCache zone;
  // Why the last line was bad: a short static text, e.g. "bad status".
  std::string_view error;
  // Set by a parser that wrote no field after Event::raw for this line (and
  // knows it): the event's slot is then reused without resetting them
  // (Event::reuse). False before each line.
  bool rest_untouched = false;
};

enum class LineResult : uint8_t {
  event,  // `ev` holds a parsed event
  meta,   // a header or comment line (IIS #Fields, blank line): counted, no event
  bad,    // malformed for this format; ctx.error says why
};

class LineParser {
 public:
  virtual ~LineParser() = default;
  // Parses one line (no trailing newline or CR). `ev` arrives cleared with
  // its citation, raw and kind already set.
  virtual LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) = 0;
  // True when a line's meaning depends on earlier lines (IIS #Fields headers,
  // shell-history time stamps): such files are parsed in order on one thread.
  virtual bool sequential() const { return false; }
  // An independent copy for another thread (including any learned state).
  virtual std::unique_ptr<LineParser> clone() const = 0;
};

}  // namespace shodo::ingest

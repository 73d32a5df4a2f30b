// Internal to the shell-history formats (bash, zsh, fish).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ingest/parser.h"

namespace shodo::ingest::history {

// The account a history file belongs to, from its path: /home/USER/...,
// /Users/USER/..., /root/... (also inside collected copies such as
// case/host1/home/USER/.bash_history). Empty when the path does not say.
std::string_view user_from_path(std::string_view path);

// What a file name says about a history file, compression suffix aside.
bool named_bash_history(std::string_view path);
bool named_zsh_history(std::string_view path);
bool named_fish_history(std::string_view path);

// bash, sh and zsh histories: one command per line, optionally timed by
// bash's "#1700000000" lines (applying to the lines after them) or zsh's
// extended ": 1700000000:0;command" form. In zsh mode a line ending in '\'
// continues on the next, and zsh's "metafied" bytes are decoded.
class LineHistoryParser final : public LineParser {
 public:
  explicit LineHistoryParser(bool zsh) : zsh_(zsh) {}
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override;
  bool sequential() const override { return true; }
  std::unique_ptr<LineParser> clone() const override;

 private:
  bool zsh_;
  TimeUs time_ = kNoTime;  // from the last stamp; later lines share it
  int64_t elapsed_s_ = -1;
  bool continued_ = false;  // the last line ended in a continuation
};

// fish's YAML-like history:
//   - cmd: ls -la
//     when: 1700000000
//     paths:
//       - /tmp
// The event comes with the "when:" line and cites the "- cmd:" line.
class FishHistoryParser final : public LineParser {
 public:
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override;
  bool sequential() const override { return true; }
  std::unique_ptr<LineParser> clone() const override;

 private:
  // Fills ev with the pending command (and its citation) from the arena.
  void emit(Event& ev, ParseContext& ctx) const;

  bool pending_ = false;
  std::string cmd_;  // decoded
  std::string raw_;  // the "- cmd:" line as written
  uint64_t line_ = 0, offset_ = 0;
};

}  // namespace shodo::ingest::history

// A compiled regular expression over evidence bytes (RE2, Latin-1: never
// rejects invalid UTF-8, linear time on hostile input).
#pragma once

#include <re2/re2.h>

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace shodo::files {

class Pattern {
 public:
  // fn(whole match, capture groups); returns false to stop.
  using MatchFn = std::function<bool(std::string_view, const std::vector<std::string_view>&)>;

  explicit Pattern(const char* re, bool case_insensitive = false);
  // Every non-overlapping match in order.
  void each(std::string_view text, const MatchFn& fn) const;
  // The same matches as each(), for a regex that never matches empty text,
  // trying it only at `starts` (ascending): where the words its every match
  // begins with begin (AnchoredPattern). Null starts: each().
  void each_from(std::string_view text, const std::vector<size_t>* starts, const MatchFn& fn) const;
  // The first match, or an empty view with data() == nullptr.
  std::string_view find(std::string_view text) const;
  size_t count(std::string_view text, size_t stop_at) const;

 private:
  std::unique_ptr<re2::RE2> re_;  // movable, so patterns can live in tables
};

}  // namespace shodo::files

// A regex whose every match begins with one of a few literal words. Hyperscan
// finds the words (a fast literal search) and RE2 is tried only where one
// begins: the matches of a regex pass over the whole text, for a fraction of
// the work on code that seldom holds the words.
#pragma once

#include <hs/hs.h>

#include <memory>
#include <string_view>
#include <vector>

#include "files/heuristics/pattern.h"

namespace shodo::files {

class AnchoredPattern {
 public:
  // `words` in the regex's case sense; none: a match may begin anywhere.
  AnchoredPattern(const std::vector<std::string_view>& words, const char* re,
                  bool case_insensitive = false);
  // As Pattern::each and Pattern::find.
  void each(std::string_view text, const Pattern::MatchFn& fn) const;
  std::string_view find(std::string_view text) const;

 private:
  static constexpr size_t kBlock = 64 << 10;  // bytes looked at a time (see each())

  // Where the words begin in the block of `text` at `from`, ascending, none
  // before `after`.
  std::vector<size_t> starts(std::string_view text, size_t from, size_t after) const;

  std::vector<size_t> lengths_;  // of the words, by Hyperscan id
  size_t max_length_ = 0;
  std::unique_ptr<hs_database_t, decltype(&hs_free_database)> db_;
  Pattern pattern_;
};

}  // namespace shodo::files

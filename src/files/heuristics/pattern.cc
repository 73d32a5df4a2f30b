#include "files/heuristics/pattern.h"

namespace shodo::files {
namespace {

re2::RE2::Options options(bool case_insensitive) {
  re2::RE2::Options o;
  o.set_encoding(re2::RE2::Options::EncodingLatin1);
  o.set_case_sensitive(!case_insensitive);
  o.set_log_errors(false);
  o.set_max_mem(32 << 20);
  return o;
}

}  // namespace

Pattern::Pattern(const char* re, bool case_insensitive)
    : re_(std::make_unique<re2::RE2>(re, options(case_insensitive))) {}

namespace {

// The groups of a match, kept across the matches of one search.
struct Groups {
  explicit Groups(int n) : sub(static_cast<size_t>(n) + 1), out(static_cast<size_t>(n)) {}
  std::vector<re2::StringPiece> sub;
  std::vector<std::string_view> out;
};

enum class Step { no_match, matched, stop };

// One RE2 match from `pos` (at exactly `pos` when anchored), handed to fn;
// `end` is set past it. The whole text stays the context of \b and ^.
Step step(const re2::RE2& re, std::string_view text, size_t pos, re2::RE2::Anchor anchor, Groups& g,
          const Pattern::MatchFn& fn, size_t& end) {
  const int n = static_cast<int>(g.sub.size());
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), anchor, g.sub.data(),
                n))
    return Step::no_match;
  for (int i = 1; i < n; ++i)
    g.out[static_cast<size_t>(i - 1)] = std::string_view(g.sub[i].data(), g.sub[i].size());
  end = static_cast<size_t>(g.sub[0].data() - text.data()) + g.sub[0].size();
  return fn(std::string_view(g.sub[0].data(), g.sub[0].size()), g.out) ? Step::matched : Step::stop;
}

}  // namespace

void Pattern::each(std::string_view text, const MatchFn& fn) const {
  Groups g(re_->NumberOfCapturingGroups());
  size_t pos = 0, end = 0;
  while (pos <= text.size() &&
         step(*re_, text, pos, re2::RE2::UNANCHORED, g, fn, end) == Step::matched)
    pos = end > pos ? end : pos + 1;
}

void Pattern::each_from(std::string_view text, const std::vector<size_t>* starts,
                        const MatchFn& fn) const {
  if (!starts) return each(text, fn);
  Groups g(re_->NumberOfCapturingGroups());
  size_t pos = 0, end = 0;
  for (size_t s : *starts) {
    if (s < pos || s > text.size()) continue;
    const Step r = step(*re_, text, s, re2::RE2::ANCHOR_START, g, fn, end);
    if (r == Step::stop) return;
    if (r == Step::matched) pos = end;
  }
}

std::string_view Pattern::find(std::string_view text) const {
  // Straight to RE2 without the groups: callers use find on every match of
  // another pattern, where each()'s buffers would cost more than the search.
  re2::StringPiece m;
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), re2::RE2::UNANCHORED,
                  &m, 1))
    return {};
  return m.data() ? std::string_view(m.data(), m.size()) : std::string_view(text.data(), 0);
}

size_t Pattern::count(std::string_view text, size_t stop_at) const {
  size_t n = 0;
  each(text, [&](std::string_view, const std::vector<std::string_view>&) { return ++n < stop_at; });
  return n;
}

}  // namespace shodo::files

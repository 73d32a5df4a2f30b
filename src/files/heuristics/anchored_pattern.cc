#include "files/heuristics/anchored_pattern.h"

#include <algorithm>

#include "files/heuristics/hs_scratch.h"

namespace shodo::files {
namespace {

hs_database_t* compile_words(const std::vector<std::string_view>& words, bool case_insensitive) {
  if (words.empty()) return nullptr;
  std::vector<const char*> exprs;
  std::vector<size_t> lengths;
  std::vector<unsigned> ids;
  for (std::string_view w : words) {
    ids.push_back(static_cast<unsigned>(exprs.size()));
    exprs.push_back(w.data());
    lengths.push_back(w.size());
  }
  const std::vector<unsigned> flags(words.size(), case_insensitive ? HS_FLAG_CASELESS : 0u);
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                           &err) != HS_SUCCESS) {
    hs_free_compile_error(err);
    return nullptr;  // the regex then runs over the whole text
  }
  return db;
}

}  // namespace

AnchoredPattern::AnchoredPattern(const std::vector<std::string_view>& words, const char* re,
                                 bool case_insensitive)
    : db_(compile_words(words, case_insensitive), hs_free_database),
      pattern_(re, case_insensitive) {
  for (std::string_view w : words) {
    lengths_.push_back(w.size());
    max_length_ = std::max(max_length_, w.size());
  }
}

std::vector<size_t> AnchoredPattern::starts(std::string_view text, size_t from,
                                            size_t after) const {
  const size_t block_end = std::min(text.size(), from + kBlock);
  // Words that begin in the block end before this.
  const size_t scan_end = std::min(text.size(), block_end + max_length_ - 1);
  struct Context {
    const std::vector<size_t>& lengths;
    size_t from, after, block_end;
    std::vector<size_t> starts;
  } ctx{lengths_, from, after, block_end, {}};
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned,
                     void* p) -> int {
    auto* c = static_cast<Context*>(p);
    const size_t start = c->from + static_cast<size_t>(to) - c->lengths[id];
    if (start >= c->after && start < c->block_end) c->starts.push_back(start);
    return 0;
  };
  // Fetched for each scan: a check run on a match may have grown the
  // thread's scratch for another database since the last block.
  hs_scratch_t* scratch = thread_scratch(db_.get());
  if (!scratch || hs_scan(db_.get(), text.data() + from, static_cast<unsigned>(scan_end - from), 0,
                          scratch, on_match, &ctx) != HS_SUCCESS) {
    // Not expected; every offset of the block may then begin a match.
    ctx.starts.clear();
    for (size_t i = std::max(from, after); i < block_end; ++i) ctx.starts.push_back(i);
  }
  // Reported by end: words of different lengths, or one a prefix of another,
  // start out of order or twice.
  std::sort(ctx.starts.begin(), ctx.starts.end());
  ctx.starts.erase(std::unique(ctx.starts.begin(), ctx.starts.end()), ctx.starts.end());
  return std::move(ctx.starts);
}

void AnchoredPattern::each(std::string_view text, const Pattern::MatchFn& fn) const {
  if (!db_) return pattern_.each(text, fn);
  // A block at a time, so that few offsets are held whatever the file (a
  // hostile one may be nothing but words); a match may run past its block.
  size_t resume = 0;  // after the last match
  bool stopped = false;
  const Pattern::MatchFn note = [&](std::string_view m, const std::vector<std::string_view>& g) {
    resume = static_cast<size_t>(m.data() - text.data()) + m.size();
    stopped = !fn(m, g);
    return !stopped;
  };
  for (size_t from = 0; from < text.size() && !stopped; from += kBlock) {
    const std::vector<size_t> at = starts(text, from, resume);
    pattern_.each_from(text, &at, note);
  }
}

std::string_view AnchoredPattern::find(std::string_view text) const {
  std::string_view found;
  each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
    found = m;
    return false;
  });
  return found;
}

}  // namespace shodo::files

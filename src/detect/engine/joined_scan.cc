#include "detect/engine/joined_scan.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace shodo::detect::engine {

bool joinable(const HsPattern& p) {
  const std::string_view r = p.regex;
  for (size_t i = 0; i + 1 < r.size(); ++i) {
    // \A \z \Z (\G for good measure) hold only at the ends of the whole
    // input. An escaped backslash before the letter is refused as well.
    if (r[i] == '\\' && std::string_view("AzZG").find(r[i + 1]) != std::string_view::npos)
      return false;
    // A control verb, as (*UTF8): on bytes that are not UTF-8 its matching
    // is undefined, and could then differ between a value alone and joined.
    if (r[i] == '(' && r[i + 1] == '*') return false;
    // A flag group that turns a flag off, as (?-m) or (?i-m).
    if (r[i] == '(' && r[i + 1] == '?') {
      size_t j = i + 2;
      while (j < r.size() && std::isalpha(static_cast<unsigned char>(r[j]))) ++j;
      if (j < r.size() && r[j] == '-') return false;
    }
  }
  return true;
}

JoinedDatabase::JoinedDatabase(std::vector<HsPattern> patterns, std::vector<bool> in_database) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!in_database[i]) continue;
    if (!joinable(patterns[i])) {
      patterns_.clear();
      return;
    }
    patterns[i].flags |= HS_FLAG_MULTILINE;
    patterns_.push_back(std::move(patterns[i]));
  }
}

const HsDatabase* JoinedDatabase::get() const {
  std::call_once(once_, [&] {
    if (patterns_.empty()) return;
    std::vector<HsRejected> rejected;
    auto db = HsDatabase::compile(patterns_, rejected, true);
    // A pattern left out would let a value it matches pass unscanned.
    if (rejected.empty()) db_ = std::move(db);
  });
  return spent_.load(std::memory_order_relaxed) ? nullptr : db_.get();
}

void JoinedDatabase::tally(size_t values, size_t hit) const {
  const uint64_t all = values_.fetch_add(values, std::memory_order_relaxed) + values;
  const uint64_t hits = hits_.fetch_add(hit, std::memory_order_relaxed) + hit;
  if (all >= kJudgedAfter && hits * 2 > all) spent_.store(true, std::memory_order_relaxed);
}

bool JoinedValues::add(std::string_view value) {
  // Hyperscan takes an unsigned length.
  if (text_.size() + value.size() + 1 > std::numeric_limits<unsigned>::max()) return false;
  starts_.push_back(static_cast<uint32_t>(text_.size()));
  text_.append(value);
  text_ += '\n';
  return true;
}

namespace {

struct HitContext {
  const std::vector<uint32_t>& starts;
  std::vector<uint8_t>& hit;
};

// A match ending at `to` ends in the value that starts at or before it
// (including a match that ends with the value, before its newline).
int on_joined_match(unsigned, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  auto& c = *static_cast<HitContext*>(ctx);
  const auto it = std::upper_bound(c.starts.begin(), c.starts.end(), to);
  if (it != c.starts.begin()) c.hit[static_cast<size_t>(it - c.starts.begin() - 1)] = 1;
  return 0;
}

}  // namespace

bool JoinedValues::scan(const HsDatabase& db, hs_scratch_t* scratch,
                        std::vector<uint8_t>& hit) const {
  hit.assign(starts_.size(), 0);
  if (starts_.empty()) return true;
  HitContext ctx{starts_, hit};
  return hs_scan(db.get(), text_.data(), static_cast<unsigned>(text_.size()), 0, scratch,
                 on_joined_match, &ctx) == HS_SUCCESS;
}

}  // namespace shodo::detect::engine

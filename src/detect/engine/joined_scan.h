// Scanning many short values in one Hyperscan call. A scan has a fixed cost
// several times that of reading a request target, so the values a batch of
// events brings that no cache knows are joined by newlines and scanned at
// once, by the same patterns compiled to report every match and to take the
// newlines for the ends of a value (`^` and `$` as in multiline mode). Every
// match a pattern has in a value alone it has in the joined text too, so a
// value without a hit there needs no scan of its own; the few hit (some by
// matches that run across values) are scanned alone, which decides exactly
// what they match.
#pragma once

#include <hs/hs.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "detect/engine/hs_database.h"

namespace shodo::detect::engine {

// Whether every match of `p` in a value alone is also a match in the value
// joined with others by newlines: not when the pattern is anchored to the
// whole input (\A, \z, \Z), turns multiline mode off or sets a control
// verb such as (*UTF8). Judged on the text, conservatively.
bool joinable(const HsPattern& p);

// The joined form of a per-value database, compiled on first use (most
// runs bring too few values for it to pay back its compile), by whichever
// thread needs it first.
class JoinedDatabase {
 public:
  // `patterns` as given to the per-value database, and which of them it
  // holds (the others were set aside and run elsewhere).
  JoinedDatabase(std::vector<HsPattern> patterns, std::vector<bool> in_database);
  // nullptr when the joined scan cannot stand for the per-value scans (a
  // pattern that is not joinable, or one Hyperscan rejects in joined form),
  // or no longer spares them (see tally).
  const HsDatabase* get() const;
  // How many of `values` scanned joined were hit. Once more than half of
  // them are, the database spares too few scans to pay for itself (a
  // pattern that matches nearly anything, or the empty string at every
  // byte) and get() gives nullptr from then on.
  void tally(size_t values, size_t hit) const;

 private:
  static constexpr uint64_t kJudgedAfter = 1000;  // values
  mutable std::once_flag once_;
  mutable std::unique_ptr<HsDatabase> db_;
  mutable std::atomic<uint64_t> values_{0}, hits_{0};
  mutable std::atomic<bool> spent_{false};
  std::vector<HsPattern> patterns_;
};

// The values to scan together; one per thread.
class JoinedValues {
 public:
  void clear() {
    text_.clear();
    starts_.clear();
  }
  // False when the joined text would outgrow what one scan takes.
  bool add(std::string_view value);
  size_t size() const { return starts_.size(); }
  // Sets hit[i] (sized to size()) for every value i that a pattern of `db`
  // matches alone, and for some others; false when the scan failed.
  // `scratch` must fit `db`.
  bool scan(const HsDatabase& db, hs_scratch_t* scratch, std::vector<uint8_t>& hit) const;

 private:
  std::string text_;
  std::vector<uint32_t> starts_;  // of each value in text_
};

}  // namespace shodo::detect::engine

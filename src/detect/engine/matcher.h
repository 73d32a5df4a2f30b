// The compiled form of all loaded Sigma rules. Each field the rules read has
// one Hyperscan database with every pattern of every rule on it, and exact
// values are looked up in tables; what a field's value makes true (raw and
// decoded) is remembered per value, so the repeated paths, user agents and
// referers of a web log are scanned once, not on every line. Only the rules
// whose patterns were seen are evaluated; rules that could match without
// any pattern hit (`not ...`, numeric or CIDR tests) are evaluated on every
// event of their log source.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/sigma/rule.h"
#include "ingest/event.h"
#include "ingest/ingest.h"

namespace shodo::detect::engine {

// Something `shodo rules lint` should say about how a rule runs.
struct EngineNote {
  uint32_t rule = 0;
  std::string text;
  bool unsupported = false;  // the rule cannot run at all
};

class Matcher {
 public:
  // `rules` must outlive the matcher.
  explicit Matcher(const std::vector<sigma::Rule>& rules);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  const std::vector<EngineNote>& notes() const { return notes_; }
  // The rule runs on some log source shodo reads and compiled.
  bool runs(uint32_t rule) const;
  size_t running_rules() const;

  // Per-thread working memory.
  class Scratch;
  std::unique_ptr<Scratch, void (*)(Scratch*)> make_scratch() const;

  // Optional, before match() on `events` in their order: runs the keyword
  // searches over `text`, the block their lines were cut from (or the part
  // of it that holds them), at once instead of line by line, and scans the
  // field values new to the caches joined (a scan has a fixed cost that
  // values of a few dozen bytes feel). Once used on a scratch, call it
  // before every run of events that scratch matches.
  void scan_events(std::span<const ingest::Event> events, std::string_view text, Scratch& s) const;

  // Appends the indices of the rules `ev` matches, ascending.
  void match(const ingest::Event& ev, Scratch& s, std::vector<uint32_t>& out) const;

  // What made `rule` match `ev`, right after match() on the same event: the
  // field's display name and its text (a view into the event, or into `s`
  // until its next use).
  struct Evidence {
    std::string_view field;
    std::string_view value;
  };
  Evidence explain(const ingest::Event& ev, uint32_t rule, Scratch& s) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  std::vector<EngineNote> notes_;
};

}  // namespace shodo::detect::engine

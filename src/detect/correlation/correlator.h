// One correlation rule at work: its groups, their sliding windows, and the
// findings of windows that fired.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "detect/correlation/window.h"
#include "detect/finding.h"
#include "detect/sigma/rule.h"
#include "detect/stateful/string_map.h"
#include "ingest/event.h"

namespace shodo::detect::correlation {

class Correlator {
 public:
  // fields[position][i]: the field read for group_by[i] from events of the
  // rule at `position` in the correlation's rule list (aliases resolved).
  Correlator(const sigma::Correlation& c, std::vector<std::vector<std::string>> fields,
             size_t max_related);

  // An event (with a time) matched the rule at `position`.
  void observe(const ingest::Event& ev, uint32_t position);
  void finish(std::vector<Finding>& out);

 private:
  // The web context of the event that completed a window, copied.
  struct Context {
    std::string client_ip, user, method, path;
    int32_t status = -1;
    int64_t bytes = -1;
    void capture(const ingest::Event& ev);
    void apply(Finding& f) const;
  };
  // A window that fired and still takes the group's events until `end`.
  struct Firing {
    Finding finding;
    ingest::TimeUs end = 0;
    std::vector<uint64_t> values;  // value_count: distinct values seen
  };
  struct Group {
    std::vector<Hit> hits;  // sliding: time-sorted; tumbling: the window's first ones
    std::optional<Firing> firing;
    // Tumbling windows (conditions with an upper bound), judged when closed.
    ingest::TimeUs window_start = ingest::kNoTime;
    uint64_t window_events = 0;
    std::vector<uint64_t> window_values;  // distinct, up to the bound + 1
    Context last;
  };

  bool upper_bounded() const;
  bool holds(uint64_t n) const;
  uint64_t counted(uint64_t events, size_t values) const;
  void observe_sliding(Group& g, const std::string& key, const Hit& hit, const ingest::Event& ev,
                       uint32_t position);
  void observe_tumbling(Group& g, const std::string& key, const Hit& hit, const ingest::Event& ev);
  void fire(Group& g, const std::string& key, Range r, const Hit& hit, const ingest::Event& ev);
  void absorb(Firing& firing, const Hit& hit) const;
  void close_tumbling(Group& g, const std::string& key);
  void emit(Firing& firing, const std::string& key);
  void sweep(ingest::TimeUs now);
  Finding base_finding() const;

  sigma::Correlation c_;
  std::vector<std::vector<std::string>> fields_;
  size_t max_related_;
  size_t cap_;  // hits kept per group
  StringMap<Group> groups_;
  std::string key_, scratch_;
  uint64_t observed_ = 0;
  std::vector<Finding> done_;
};

}  // namespace shodo::detect::correlation

// Internal: SQL injection per attacker, path and parameter, from the injected
// requests and the pages that show what "no data" looks like on that path.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "leak/earliest.h"
#include "leak/leak.h"

namespace shodo::leak {

class InjectionTracker {
 public:
  // A request whose target may_hold_sql; `path` is the target before '?'.
  void observe(const WebRequest& r, std::string_view path, const Config& config);
  void merge(InjectionTracker&& other, const Config& config);
  std::vector<SqlInjection> finish() &&;

 private:
  struct Response {
    int32_t status = 0;
    int64_t bytes = 0;
    auto operator<=>(const Response&) const = default;
  };
  // What was seen of the requests addressing one row range of one table.
  struct RowProbe {
    uint64_t requests = 0;
    bool direct = false;           // UNION, error-based or stacked: the data is in the response
    bool boolean = false;          // inferred from true/false pages
    bool timed = false;            // inferred from delays
    bool slow = false;             // a timed probe answered after the delay
    std::set<Response> responses;  // the smallest few, distinct
  };
  // Where a column was first named, so columns list in the order written.
  struct Position {
    TimeUs time = ingest::kNoTime;
    Cite cite;
    size_t index = 0;
    auto key() const { return std::make_tuple(time, cite.file_index, cite.line, index); }
  };
  struct TableState {
    std::string database;
    std::map<std::string, Position> columns;
    std::map<std::pair<uint64_t, uint64_t>, RowProbe> rows;  // (first, count)
    uint64_t requests = 0, inference_probes = 0;
  };
  struct Group {
    uint8_t techniques = 0;
    std::set<std::string> databases, tables_named;
    bool schema_enumeration = false;
    std::map<std::string, TableState> tables;
    uint64_t true_probes = 0, false_probes = 0, inference_probes = 0;
    uint64_t time_probes = 0, slow = 0, fast = 0;
    bool durations_known = false;
    std::set<int64_t> inference_sizes;  // distinct 2xx sizes of boolean probes
    std::set<int64_t> direct_sizes;     // distinct 2xx sizes of UNION/error probes
    Span span;
    uint64_t dropped = 0;
  };
  // One client on one path: the pages that show no data, and the injected
  // parameters.
  struct PathState {
    std::set<int64_t> error_sizes, false_sizes, true_sizes;
    std::map<std::string, Group> groups;
  };

  static void merge_group(Group& into, Group&& from, const Config& config);
  static SqlInjection result(const std::string& ip, const std::string& path,
                             const std::string& parameter, const PathState& ps, const Group& g);

  std::map<std::string, std::map<std::string, PathState, std::less<>>, std::less<>> clients_;
};

}  // namespace shodo::leak

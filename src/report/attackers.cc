#include "report/attackers.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace shodo::report {
namespace {

struct Building {
  Attacker a;
  std::set<std::string> techniques;
  std::set<std::pair<std::string_view, std::string_view>> rules;  // id, title
};

void add(Building& b, const detect::Finding& f) {
  Attacker& a = b.a;
  ++a.findings;
  a.events += f.count;
  a.max_level = std::max(a.max_level, f.level);
  a.outcomes.add(f.outcome);
  b.techniques.insert(f.techniques.begin(), f.techniques.end());
  if (b.rules.insert({f.rule_id, f.title}).second) a.rules.push_back(&f);
  if (f.time == ingest::kNoTime) return;
  if (a.first_time == ingest::kNoTime || f.time < a.first_time) {
    a.first_time = f.time;
    a.first_offset_s = f.utc_offset_s;
  }
  const ingest::TimeUs last = f.last_time == ingest::kNoTime ? f.time : f.last_time;
  if (last > a.last_time) {
    a.last_time = last;
    a.last_offset_s = f.utc_offset_s;
  }
}

}  // namespace

std::vector<Attacker> group_by_attacker(const std::vector<detect::Finding>& findings) {
  std::map<std::string_view, Building> by_ip;
  for (const auto& f : findings)
    if (!f.client_ip.empty()) add(by_ip[f.client_ip], f);
  std::vector<Attacker> out;
  out.reserve(by_ip.size());
  for (auto& [ip, b] : by_ip) {
    b.a.ip = ip;
    b.a.techniques.assign(b.techniques.begin(), b.techniques.end());
    out.push_back(std::move(b.a));
  }
  // by_ip is ordered by address, so ties keep that order.
  std::stable_sort(out.begin(), out.end(), [](const Attacker& x, const Attacker& y) {
    if (x.findings != y.findings) return x.findings > y.findings;
    return x.max_level > y.max_level;
  });
  return out;
}

}  // namespace shodo::report

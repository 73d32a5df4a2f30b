#include "detect/correlation/correlator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <tuple>

#include "detect/correlation/group_key.h"
#include "detect/stateful/evidence.h"
#include "util/hash.h"

namespace shodo::detect::correlation {

namespace {

using Type = sigma::Correlation::Type;
using Op = sigma::Atom::Op;

constexpr uint64_t kSweepEvery = 4096;  // observations between sweeps of idle groups
constexpr size_t kMaxHitsPerGroup = 100'000;
constexpr size_t kTemporalHitsPerRule = 16;

// Distinct values are told apart by hash alone: keyed, so that no one can
// write values that count as one.
uint64_t value_hash(std::string_view v) {
  return util::table_hash<5>(v);
}

}  // namespace

void Correlator::Context::capture(const ingest::Event& ev) {
  client_ip.assign(ev.client_ip);
  user.assign(ev.user);
  method.assign(ev.method);
  path.assign(ev.path);
  status = ev.status;
  bytes = ev.bytes_sent;
}

void Correlator::Context::apply(Finding& f) const {
  f.client_ip = client_ip;
  f.user = user;
  f.method = method;
  f.path = path;
  f.status = status;
  f.bytes = bytes;
}

Correlator::Correlator(const sigma::Correlation& c, std::vector<std::vector<std::string>> fields,
                       size_t max_related)
    : c_(c), fields_(std::move(fields)), max_related_(max_related) {
  // A window that already holds what the condition needs decides nothing
  // more with extra hits: keep twice that, for out-of-order arrivals.
  double needed = 1;
  for (const auto& b : c_.condition) {
    if (b.op == Op::gte) needed = std::max(needed, std::ceil(b.value));
    if (b.op == Op::gt) needed = std::max(needed, std::floor(b.value) + 1);
  }
  cap_ = c_.type == Type::temporal || c_.type == Type::temporal_ordered
             ? kTemporalHitsPerRule * std::max<size_t>(c_.rules.size(), 1)
             : static_cast<size_t>(std::min(2 * needed + 8, static_cast<double>(kMaxHitsPerGroup)));
}

bool Correlator::upper_bounded() const {
  if (c_.type == Type::temporal || c_.type == Type::temporal_ordered) return false;
  return std::any_of(c_.condition.begin(), c_.condition.end(), [](const auto& b) {
    return b.op == Op::lt || b.op == Op::lte || b.op == Op::eq;
  });
}

bool Correlator::holds(uint64_t n) const {
  const auto x = static_cast<double>(n);
  for (const auto& b : c_.condition) {
    const bool ok = b.op == Op::gte   ? x >= b.value
                    : b.op == Op::gt  ? x > b.value
                    : b.op == Op::lte ? x <= b.value
                    : b.op == Op::lt  ? x < b.value
                                      : x == b.value;
    if (!ok) return false;
  }
  return n > 0;
}

uint64_t Correlator::counted(uint64_t events, size_t values) const {
  return c_.type == Type::value_count ? values : events;
}

void Correlator::observe(const ingest::Event& ev, uint32_t position) {
  if (!ev.has_time()) return;
  if (++observed_ % kSweepEvery == 0) sweep(ev.time);
  Hit hit{ev.time, position, citation_of(ev), ev.utc_offset_s};
  if (c_.type == Type::value_count) {
    const auto v = ev.get(c_.value_field, scratch_);
    if (!v || v->empty()) return;  // events without the field count no value
    hit.value = value_hash(*v);
  }
  key_.clear();
  for (const std::string& field : fields_[position]) {
    append_group_value(key_, ev.get(field, scratch_).value_or(std::string_view{}));
  }
  Group& g = entry(groups_, key_);
  if (g.firing) {
    if (ev.time >= g.firing->finding.time && ev.time <= g.firing->end) {
      absorb(*g.firing, hit);
      return;
    }
    if (ev.time > g.firing->end) {
      emit(*g.firing, key_);
      g.firing.reset();
    }
  }
  if (upper_bounded()) {
    observe_tumbling(g, key_, hit, ev);
  } else {
    observe_sliding(g, key_, hit, ev, position);
  }
}

void Correlator::observe_sliding(Group& g, const std::string& key, const Hit& hit,
                                 const ingest::Event& ev, uint32_t position) {
  if (c_.type == Type::value_count) {
    if (!upsert_value(g.hits, hit)) return;
  } else {
    insert_sorted(g.hits, hit);
  }
  evict(g.hits, hit.time, c_.timespan_us, cap_);
  const auto positions = static_cast<uint32_t>(c_.rules.size());
  std::optional<Range> r;
  switch (c_.type) {
    case Type::event_count:
    case Type::value_count: {
      const Range densest = densest_window(g.hits, hit.time, c_.timespan_us);
      if (holds(densest.size())) r = densest;
      break;
    }
    case Type::temporal: r = window_with_all(g.hits, hit.time, c_.timespan_us, positions); break;
    case Type::temporal_ordered:
      r = window_in_order(g.hits, hit.time, position, c_.timespan_us, positions);
      break;
  }
  if (r) fire(g, key, *r, hit, ev);
}

void Correlator::fire(Group& g, const std::string& key, Range r, const Hit& hit,
                      const ingest::Event& ev) {
  if (g.firing) emit(*g.firing, key);
  Firing firing;
  Finding& f = firing.finding;
  f = base_finding();
  f.time = g.hits[r.begin].time;
  f.utc_offset_s = g.hits[r.begin].utc_offset_s;
  f.last_time = f.time;
  f.count = r.size();
  f.cite = hit.cite;
  for (size_t i = r.begin; i < r.end; ++i) {
    const Hit& h = g.hits[i];
    f.last_time = std::max(f.last_time, h.time);
    const bool completing = h.time == hit.time && h.cite.line == hit.cite.line &&
                            h.cite.file_index == hit.cite.file_index;
    if (!completing && f.related.size() < max_related_) f.related.push_back(h.cite);
    if (c_.type == Type::value_count) firing.values.push_back(h.value);
  }
  Context context;
  context.capture(ev);
  context.apply(f);
  firing.end = f.time + c_.timespan_us;
  g.hits.erase(g.hits.begin() + static_cast<ptrdiff_t>(r.begin),
               g.hits.begin() + static_cast<ptrdiff_t>(r.end));
  g.firing = std::move(firing);
}

void Correlator::absorb(Firing& firing, const Hit& hit) const {
  Finding& f = firing.finding;
  if (c_.type == Type::value_count) {
    if (std::find(firing.values.begin(), firing.values.end(), hit.value) != firing.values.end())
      return;
    if (firing.values.size() < kMaxHitsPerGroup) firing.values.push_back(hit.value);
  }
  ++f.count;
  f.last_time = std::max(f.last_time, hit.time);
  if (f.related.size() < max_related_) f.related.push_back(hit.cite);
}

void Correlator::observe_tumbling(Group& g, const std::string& key, const Hit& hit,
                                  const ingest::Event& ev) {
  if (g.window_start != ingest::kNoTime &&
      (hit.time < g.window_start || hit.time > g.window_start + c_.timespan_us))
    close_tumbling(g, key);
  if (g.window_start == ingest::kNoTime) g.window_start = hit.time;
  ++g.window_events;
  if (c_.type == Type::value_count && g.window_values.size() < cap_ &&
      std::find(g.window_values.begin(), g.window_values.end(), hit.value) == g.window_values.end())
    g.window_values.push_back(hit.value);
  // The first hits for citations; the last slot always holds the latest.
  if (g.hits.size() <= max_related_) {
    g.hits.push_back(hit);
  } else {
    g.hits.back() = hit;
  }
  g.last.capture(ev);
}

void Correlator::close_tumbling(Group& g, const std::string& key) {
  const uint64_t n = counted(g.window_events, g.window_values.size());
  if (holds(n) && !g.hits.empty()) {
    Firing firing;
    Finding& f = firing.finding;
    f = base_finding();
    f.time = g.window_start;
    f.utc_offset_s = g.hits.front().utc_offset_s;
    f.last_time = g.hits.back().time;
    f.count = n;
    f.cite = g.hits.back().cite;
    for (size_t i = 0; i + 1 < g.hits.size(); ++i) f.related.push_back(g.hits[i].cite);
    g.last.apply(f);
    emit(firing, key);
  }
  g.window_start = ingest::kNoTime;
  g.window_events = 0;
  g.window_values.clear();
  g.hits.clear();
}

void Correlator::emit(Firing& firing, const std::string& key) {
  Finding& f = firing.finding;
  const std::string group = describe_group(c_.group_by, key);
  const std::string span = short_span(c_.timespan_us);
  std::string rules;
  for (const std::string& r : c_.rules) rules += (rules.empty() ? "" : ", ") + r;
  switch (c_.type) {
    case Type::event_count:
      f.detail = fmt::format("{} events from {} within {}", f.count, group, span);
      f.detail_ja = fmt::format("{} から {} 以内に {} 件のイベント", group, span, f.count);
      break;
    case Type::value_count:
      f.detail = fmt::format("{} distinct {} values from {} within {}", f.count, c_.value_field,
                             group, span);
      f.detail_ja = fmt::format("{} から {} 以内に {} の異なる値が {} 個", group, span,
                                c_.value_field, f.count);
      break;
    case Type::temporal:
      f.detail = fmt::format("rules {} all matched for {} within {}", rules, group, span);
      f.detail_ja = fmt::format("{} について {} 以内にルール {} がすべて一致", group, span, rules);
      break;
    case Type::temporal_ordered:
      f.detail = fmt::format("rules {} matched in that order for {} within {}", rules, group, span);
      f.detail_ja =
          fmt::format("{} について {} 以内にルール {} がこの順に一致", group, span, rules);
      break;
  }
  const std::vector<std::string_view> values = group_values(key);
  if (!c_.group_by.empty() && !values.empty()) {
    f.field = c_.group_by.front();
    f.value = values.front();
  }
  done_.push_back(std::move(f));
}

void Correlator::sweep(ingest::TimeUs now) {
  // Groups whose windows are all behind `now` can never fire again (unless
  // an older file comes later, which then starts them afresh).
  for (auto it = groups_.begin(); it != groups_.end();) {
    Group& g = it->second;
    if (g.firing && g.firing->end < now - c_.timespan_us) {
      emit(*g.firing, it->first);
      g.firing.reset();
    }
    if (g.window_start != ingest::kNoTime) {
      if (g.window_start + c_.timespan_us < now) close_tumbling(g, it->first);
    } else {
      evict(g.hits, now, c_.timespan_us, cap_);
    }
    if (g.hits.empty() && !g.firing && g.window_start == ingest::kNoTime) {
      it = groups_.erase(it);
    } else {
      ++it;
    }
  }
}

void Correlator::finish(std::vector<Finding>& out) {
  for (auto& [key, g] : groups_) {
    if (g.firing) emit(*g.firing, key);
    if (g.window_start != ingest::kNoTime) close_tumbling(g, key);
  }
  groups_.clear();
  // Groups live in a hash map, whose order changes from run to run: give the
  // findings one that does not (findings on one event told apart by group).
  std::stable_sort(done_.begin(), done_.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.time, a.cite.file_index, a.cite.line, a.value, a.detail) <
           std::tie(b.time, b.cite.file_index, b.cite.line, b.value, b.detail);
  });
  out.insert(out.end(), std::make_move_iterator(done_.begin()),
             std::make_move_iterator(done_.end()));
  done_.clear();
}

Finding Correlator::base_finding() const {
  Finding f;
  f.source = Finding::Source::correlation;
  f.rule_id = c_.meta.id.empty() ? c_.meta.name : c_.meta.id;
  f.title = c_.meta.title.empty() ? c_.meta.name : c_.meta.title;
  f.title_ja = c_.meta.title_ja;
  f.level = c_.meta.level;
  f.techniques = attack_techniques(c_.meta.tags);
  return f;
}

}  // namespace shodo::detect::correlation

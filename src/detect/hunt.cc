// The hunt: rules matched in parallel per batch, everything stateful
// (findings, correlations, detectors, outcomes) in input order.
#include <algorithm>
#include <map>
#include <mutex>
#include <span>
#include <tuple>

#include "detect/correlation/correlation_engine.h"
#include "detect/detect.h"
#include "detect/engine/matcher.h"
#include "detect/stateful/detectors.h"
#include "detect/stateful/web_outcome.h"

namespace shodo::detect {
namespace {

constexpr size_t kMaxValueBytes = 1024;

struct Hit {
  uint32_t event = 0;  // index in the batch
  uint32_t rule = 0;
  std::string_view field;  // owned by the matcher
  std::string value;
};

}  // namespace

struct Hunt::State {
  const RuleSet& rules;
  HuntOptions options;
  // What the parallel stage hands the ordered one for a batch: the rules'
  // hits, and the events' observations for the detectors (when there are any).
  struct Matched {
    std::vector<Hit> hits;
    std::vector<Observation> observations;
  };
  // Per worker: its matcher scratch, and what it has of the batch whose
  // events [0, done) it has matched and observed.
  struct Worker {
    std::unique_ptr<engine::Matcher::Scratch, void (*)(engine::Matcher::Scratch*)> scratch;
    Matched batch;
    size_t done = 0;
    std::vector<uint32_t> matched;  // per event, reused
  };
  std::vector<Worker> workers;
  std::mutex matched_mu;
  std::map<uint64_t, Matched> matched_batches;  // by batch seq
  // Observation vectors the ordered stage is done with, for reuse: a
  // batch's are a few hundred kilobytes, which malloc would map afresh.
  std::vector<std::vector<Observation>> spare_observations;

  DetectorSet detectors;  // with no detectors: the path baseline alone
  WebOutcome outcome;
  CorrelationEngine correlation;
  std::vector<Finding> findings;
  std::vector<uint32_t> matched;  // per event, reused

  State(const RuleSet& r, const HuntOptions& o, DetectorSet d)
      : rules(r),
        options(o),
        detectors(std::move(d)),
        outcome({}, detectors.path_sizes),
        correlation(r.correlations(), r.rules()) {}

  // Matches and observes the batch's events [w.done, to), while they are in
  // this worker's cache.
  void match_events(const ingest::Batch& batch, size_t to, Worker& w) const {
    if (w.done >= to) return;
    const engine::Matcher& matcher = rules.matcher();
    const std::span<const ingest::Event> events(batch.events.data() + w.done, to - w.done);
    matcher.scan_events(events, lines_of(batch.text, events), *w.scratch);
    for (size_t i = w.done; i < to; ++i) {
      const ingest::Event& ev = batch.events[i];
      w.matched.clear();
      matcher.match(ev, *w.scratch, w.matched);
      for (uint32_t r : w.matched) {
        const engine::Matcher::Evidence e = matcher.explain(ev, r, *w.scratch);
        w.batch.hits.push_back(
            {static_cast<uint32_t>(i), r, e.field, std::string(e.value.substr(0, kMaxValueBytes))});
      }
      if (options.detectors) w.batch.observations.push_back(observation_of(ev));
    }
    w.done = to;
  }

  // The part of the block that holds the lines of `events`, or nothing when
  // their first and last lines are not both in it.
  static std::string_view lines_of(std::string_view block, std::span<const ingest::Event> events) {
    const std::less<> before;
    const char* const first = events.front().raw.data();
    const char* const end = events.back().raw.data() + events.back().raw.size();
    if (before(first, block.data()) || before(block.data() + block.size(), end) ||
        before(end, first))
      return {};
    return {first, static_cast<size_t>(end - first)};
  }

  Finding rule_finding(const ingest::Event& ev, const Hit& h) const {
    const sigma::RuleMeta& meta = rules.rules()[h.rule].meta;
    Finding f;
    f.source = Finding::Source::sigma;
    f.rule_id = rule_key(meta);
    f.title = meta.title;
    f.title_ja = meta.title_ja;
    f.level = meta.level;
    f.techniques = attack_techniques(meta.tags);
    f.time = ev.time;
    f.utc_offset_s = ev.utc_offset_s;
    f.client_ip.assign(ev.client_ip);
    f.user.assign(ev.user);
    f.field.assign(h.field);
    f.value = h.value;
    f.method.assign(ev.method);
    f.path.assign(ev.path);
    f.status = ev.status;
    f.bytes = ev.bytes_sent >= 0 ? ev.bytes_sent : ev.bytes_total;
    f.cite = {ev.file_index, ev.line, ev.offset};
    return f;
  }
};

namespace {

DetectorSet detectors_for(const HuntOptions& options) {
  if (!options.detectors) {
    DetectorSet none;
    none.path_sizes = std::make_shared<PathSizes>();
    return none;
  }
  DetectorOptions d;
  d.max_clients = options.max_clients;
  return make_detectors(d);
}

}  // namespace

Hunt::Hunt(const RuleSet& rules, const HuntOptions& options)
    : s_(std::make_unique<State>(rules, options, detectors_for(options))) {
  for (unsigned i = 0; i <= options.threads; ++i)
    s_->workers.push_back({rules.matcher().make_scratch(), {}, 0, {}});
}

Hunt::~Hunt() = default;

void Hunt::process_parsed(const ingest::Batch& batch, size_t from, size_t to, unsigned worker) {
  (void)from;  // matching goes on from the worker's last event, whatever parts it was shown
  s_->match_events(batch, to, s_->workers.at(worker));
}

void Hunt::process(const ingest::Batch& batch, unsigned worker) {
  State& s = *s_;
  State::Worker& w = s.workers.at(worker);
  s.match_events(batch, batch.events.size(), w);
  State::Matched done = std::move(w.batch);
  w.batch = {};
  w.done = 0;
  std::lock_guard lock(s.matched_mu);
  if (!s.spare_observations.empty()) {
    w.batch.observations = std::move(s.spare_observations.back());
    s.spare_observations.pop_back();
  }
  s.matched_batches.emplace(batch.seq, std::move(done));
}

void Hunt::ordered(const ingest::Batch& batch) {
  State& s = *s_;
  State::Matched done;
  {
    std::lock_guard lock(s.matched_mu);
    auto it = s.matched_batches.find(batch.seq);
    if (it != s.matched_batches.end()) {
      done = std::move(it->second);
      s.matched_batches.erase(it);
    }
  }
  // The detectors' state is apart from the findings' and correlations': the
  // detectors see the whole batch first, which lets them look ahead.
  if (s.options.detectors) {
    // The pipeline hands every batch to process() first; one it did not is
    // observed here.
    for (size_t i = done.observations.size(); i < batch.events.size(); ++i)
      done.observations.push_back(observation_of(batch.events[i]));
    s.detectors.observe(batch.events, done.observations);
    std::lock_guard lock(s.matched_mu);
    done.observations.clear();
    s.spare_observations.push_back(std::move(done.observations));
  } else {
    for (const ingest::Event& ev : batch.events) s.detectors.path_sizes->observe(ev);
  }
  const std::vector<Hit>& hits = done.hits;
  size_t h = 0;
  for (size_t i = 0; i < batch.events.size(); ++i) {
    const ingest::Event& ev = batch.events[i];
    s.matched.clear();
    for (; h < hits.size() && hits[h].event == i; ++h) {
      const Hit& hit = hits[h];
      s.matched.push_back(hit.rule);
      if (s.options.all_matches || s.rules.rules()[hit.rule].generate)
        s.findings.push_back(s.rule_finding(ev, hit));
    }
    if (!s.matched.empty()) s.correlation.observe(ev, s.matched);
  }
}

std::vector<std::string> Hunt::limits() const {
  return s_->detectors.limits();
}

std::vector<Finding> Hunt::finish() {
  State& s = *s_;
  s.correlation.finish(s.findings);
  for (auto& d : s.detectors.all) d->finish(s.findings);
  for (Finding& f : s.findings)
    if (f.source == Finding::Source::sigma) s.outcome.assess(f);
  std::vector<Finding> out = std::move(s.findings);
  // In time and citation order, ties settled by what the findings say:
  // detectors and correlations gather findings in hash maps, whose order
  // changes from run to run (util::table_seed), and the order becomes the
  // findings' numbers.
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.time, a.cite.file_index, a.cite.line, a.rule_id, a.client_ip, a.user, a.field,
                    a.value, a.path, a.detail) < std::tie(b.time, b.cite.file_index, b.cite.line,
                                                          b.rule_id, b.client_ip, b.user, b.field,
                                                          b.value, b.path, b.detail);
  });
  return out;
}

}  // namespace shodo::detect

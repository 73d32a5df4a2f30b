// The built-in stateful detectors: conclusions no single line supports
// (brute force, scanning, floods, exfiltration, webshell use), drawn from
// every event in input order. See docs/detectors.md for each rule.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "detect/stateful/client_index.h"
#include "detect/stateful/observation.h"
#include "ingest/event.h"

namespace shodo::detect {

inline constexpr ingest::TimeUs kMinuteUs = 60'000'000;
inline constexpr ingest::TimeUs kHourUs = 60 * kMinuteUs;
// How long one address must carry most of the traffic before a detector says
// it is likely a proxy or crawler rather than an attacker: a log cut to an
// attack's window is shorter.
inline constexpr ingest::TimeUs kProxyLikeSpan = 3 * kHourUs;

// Every threshold. The defaults find the attacks of tests/detect/stateful/
// and nothing in a realistic shop's clean traffic; docs/detectors.md says why
// each has its value.
struct DetectorOptions {
  size_t max_related = 10;  // citations kept per finding besides the main one
  // Distinct keys (client addresses, accounts) each detector keeps state
  // for: about 400 bytes each; new ones past it are not followed, and said.
  size_t max_clients = 1'000'000;

  // Brute force: a run of failures from one key ends after a pause this long.
  ingest::TimeUs login_pause_us = 10 * kMinuteUs;
  uint32_t web_login_failures = 20;  // failed-looking login POSTs from one IP in a run
  uint32_t ssh_ip_failures = 10;     // SSH failures from one IP in a run
  uint32_t ssh_user_failures = 20;   // SSH failures for one account in a run (any IP)
  // A success matters after this many failures of the same key, when it
  // comes at most `success_within_us` after the last one.
  uint32_t success_after_failures = 10;
  ingest::TimeUs success_within_us = kHourUs;

  // Scanning: distinct paths answered 4xx, and the 4xx share of all the
  // IP's requests.
  uint32_t scan_error_paths = 30;
  double scan_error_share = 0.5;

  // Floods. A minute is a flood when its request count is at least
  // median + flood_mads * MAD, flood_median_factor * median and
  // flood_min_rpm; a client when its busiest minute is at least
  // flood_client_min_rpm and flood_client_factor times the
  // flood_client_quantile of all client-minutes.
  double flood_mads = 10;
  double flood_median_factor = 5;
  uint32_t flood_min_rpm = 120;
  uint32_t flood_min_minutes = 60;  // minutes with traffic needed for a baseline
  uint32_t flood_client_min_rpm = 300;
  double flood_client_factor = 5;
  double flood_client_quantile = 0.999;
  size_t flood_top_sources = 5;

  // Exfiltration.
  int64_t oversize_min_bytes = 256 * 1024;  // a 2xx body at least this big...
  double oversize_factor = 10;              // ...and this many times the path's median
  uint32_t baseline_min_responses = 20;     // 2xx responses before a path has a baseline
  uint64_t client_total_min_bytes = uint64_t{1} << 30;  // bytes sent to one client...
  double client_total_median_factor = 1000;  // ...and this many times the median client's
  int64_t archive_min_bytes = 1024;          // smaller "archives" are error pages

  // Webshell use: a script first answered 2xx after this share of the
  // observed period, by at most `webshell_max_clients` clients, in at least
  // `webshell_min_requests` requests, mostly POSTs, 2xx and without referer.
  double webshell_late_share = 0.1;
  uint32_t webshell_max_clients = 2;
  uint32_t webshell_min_requests = 3;
  double webshell_post_share = 0.5;
  double webshell_ok_share = 0.8;
  double webshell_no_referer_share = 0.8;

  // Outcome of web attacks (WebOutcome): a 2xx is a likely success when its
  // body is at least outcome_size_factor times the path's median and
  // outcome_min_extra_bytes more than it. Paths need baseline_min_responses.
  double outcome_size_factor = 3;
  int64_t outcome_min_extra_bytes = 2000;
  // Body sizes of the site's WAF block page (some WAFs answer 200 with it).
  std::vector<int64_t> block_page_sizes;
};

class StatefulDetector {
 public:
  virtual ~StatefulDetector() = default;
  // Every event, in input order, on one thread, with its observation (the
  // client's number set): detectors read the observation, and the event
  // only for text they keep. Events of different files are not in time
  // order; detectors keep state per client and tolerate it.
  virtual void observe(const ingest::Event& ev, const Observation& o) = 0;
  // The Observation flags of the only events it reads (any of them), or 0
  // for all: the others are not shown to it.
  virtual uint8_t observes_only() const { return 0; }
  // Where its state per client number lies, if it keeps any: the events of
  // a client are looked up ahead and its state fetched into cache
  // (per-client state is spread over memory; without it, each event waits
  // for memory once per detector).
  virtual const ClientStateArea* client_states() const { return nullptr; }
  // After the last event: appends the findings.
  virtual void finish(std::vector<Finding>& out) = 0;
  // The limits it reached, a sentence each (what was not followed, and the
  // option that raises the limit).
  virtual void limits(std::vector<std::string>& out) const { (void)out; }
};

// The time the web access logs cover: from their first to their last timed,
// answered request (empty while first > last).
struct WebPeriod {
  ingest::TimeUs first = INT64_MAX, last = INT64_MIN;
};

// What a detector says when `refused` look-ups found no room for a new key.
std::string limit_note(std::string_view followed, size_t max, uint64_t refused);

// Every built-in detector; those with state per client address share one
// index of addresses, bounded by options.max_clients.
struct DetectorSet {
  std::vector<std::unique_ptr<StatefulDetector>> all;
  // Each of `all` with its observes_only().
  struct Observer {
    StatefulDetector* detector;
    uint8_t only;
  };
  std::vector<Observer> observers;
  // Every detector, then the response sizes per path (a detector judges an
  // event against the baseline of the events before it), event by event.
  // `observations` are the events' (observation_of), one per event, worked
  // out beforehand; their client numbers are set here.
  void observe(const ingest::Event& ev);
  void observe(const std::vector<ingest::Event>& events, std::span<Observation> observations);
  // After finish(): the limits reached, by the detectors or the index.
  std::vector<std::string> limits() const;

  std::shared_ptr<class ClientIndex> clients;
  // The per-client states of those of `all` that keep some, which the
  // look-ahead prefetches.
  std::vector<const ClientStateArea*> per_client;
  // One baseline for the exfiltration detector and the outcome of attacks.
  std::shared_ptr<class PathSizes> path_sizes;
  // Kept here for the webshell detector, which is shown only requests for
  // scripts.
  std::shared_ptr<WebPeriod> web_period;
};
DetectorSet make_detectors(const DetectorOptions& options);

}  // namespace shodo::detect

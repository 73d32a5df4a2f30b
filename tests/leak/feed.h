// Feeding logs to ChannelTrackers as the investigation will: events parsed
// by the ingest pipeline, each one given to tracker number (line % n), so
// tests can merge them in any order.
#pragma once

#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "leak/leak.h"

namespace shodo::leak::testing {

class Feed : public ingest::EventConsumer {
 public:
  Feed(const Config& config, size_t trackers) {
    for (size_t i = 0; i < trackers; ++i) trackers_.emplace_back(config);
  }
  void ordered(const ingest::Batch& batch) override {
    for (const ingest::Event& ev : batch.events) {
      ChannelTracker& t = trackers_[ev.line % trackers_.size()];
      if (const auto r = web_request(ev)) t.observe(*r);
      if (const auto m = mail_event(ev)) t.observe(*m);
    }
  }
  std::vector<ChannelTracker>& trackers() { return trackers_; }

 private:
  std::vector<ChannelTracker> trackers_;
};

inline ingest::IngestOptions utc_ingest() {
  ingest::IngestOptions o;
  std::string error;
  o.zone = ingest::Zone::locate("Asia/Tokyo", error);
  o.threads = 2;
  return o;
}

// The inputs' channels, read by `trackers` trackers merged in `order`
// (indices; the first receives the others).
inline Channels channels_of(const ingest::InputSet& inputs, const Config& config,
                            size_t trackers = 1, std::vector<size_t> order = {}) {
  Feed feed(config, trackers);
  ingest::ingest(inputs, utc_ingest(), feed);
  if (order.empty()) {
    for (size_t i = 0; i < trackers; ++i) order.push_back(i);
  }
  ChannelTracker& into = feed.trackers()[order[0]];
  for (size_t i = 1; i < order.size(); ++i) into.merge(std::move(feed.trackers()[order[i]]));
  return std::move(into).finish();
}

}  // namespace shodo::leak::testing

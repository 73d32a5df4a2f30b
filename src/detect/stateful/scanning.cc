// Scanning: one IP asking for many different paths that mostly do not exist
// (4xx). Crawlers ask for many paths too, but nearly all of them exist.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/evidence.h"

namespace shodo::detect {

namespace {

struct ClientRequests {
  uint64_t requests = 0;
  uint64_t errors = 0;  // 4xx answers
  // Hashes of distinct 4xx paths, kept only up to the threshold: past it the
  // exact number no longer changes the verdict.
  std::vector<uint64_t> error_paths;
  bool error_paths_full = false;
  Evidence evidence;  // the 4xx requests
};

class Scanning final : public StatefulDetector {
 public:
  Scanning(const DetectorOptions& o, std::shared_ptr<ClientIndex> index)
      : o_(o), index_(std::move(index)) {}

  void observe(const ingest::Event&, const Observation& o) override {
    if (o.status < 0 || o.client == Observation::kNoClient) return;
    ClientRequests& c = client_state(clients_, o.client, area_);
    ++c.requests;
    if (o.status < 400 || o.status > 499) return;
    ++c.errors;
    c.evidence.add(o, o_.max_related);
    if (c.error_paths_full) return;
    const uint64_t h = o.path_hash;
    if (std::find(c.error_paths.begin(), c.error_paths.end(), h) != c.error_paths.end()) return;
    c.error_paths.push_back(h);
    c.error_paths_full = c.error_paths.size() >= o_.scan_error_paths;
  }

  const ClientStateArea* client_states() const override { return &area_; }

  void finish(std::vector<Finding>& out) override {
    for (uint32_t id = 0; id < clients_.size(); ++id) {
      const ClientRequests& c = clients_[id];
      if (c.requests == 0) continue;
      const std::string& ip = index_->name(id);
      const double share = static_cast<double>(c.errors) / static_cast<double>(c.requests);
      if (!c.error_paths_full || share < o_.scan_error_share) continue;
      Finding f = detector_finding("scanning", "Vulnerability or content scanning",
                                   "脆弱性・コンテンツのスキャン", Level::low, "T1595.003");
      const int percent = static_cast<int>(std::lround(share * 100));
      f.client_ip = ip;
      f.detail = fmt::format(
          "{} asked for at least {} different paths that answered 4xx; {} of "
          "its {} requests ({}%) were refused or not found.",
          ip, o_.scan_error_paths, with_commas(c.errors), with_commas(c.requests), percent);
      f.detail_ja = fmt::format(
          "{} が4xxで応答された異なるパスを {} 件以上要求。リクエスト {} "
          "件のうち {} 件（{}%）が拒否または存在しない。",
          ip, o_.scan_error_paths, with_commas(c.requests), with_commas(c.errors), percent);
      f.outcome = Outcome::blocked;
      f.outcome_reason = fmt::format("{}% of the requests were answered 4xx", percent);
      c.evidence.fill(f);
      out.push_back(std::move(f));
    }
  }

 private:
  DetectorOptions o_;
  std::shared_ptr<ClientIndex> index_;
  std::vector<ClientRequests> clients_;  // by client number
  ClientStateArea area_;
};

}  // namespace

std::unique_ptr<StatefulDetector> make_scanning(const DetectorOptions& o,
                                                std::shared_ptr<ClientIndex> clients) {
  return std::make_unique<Scanning>(o, std::move(clients));
}

}  // namespace shodo::detect

// Webshell use seen from access logs alone: a server-side script that starts
// answering late in the observed period, is used by very few clients, mostly
// with POSTs answered 2xx and without a referer (nobody links to a webshell;
// its owner posts commands to it directly).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/evidence.h"
#include "detect/stateful/string_map.h"
#include "detect/stateful/web_paths.h"

namespace shodo::detect {

namespace {

struct ScriptUse {
  ingest::TimeUs first_ok = ingest::kNoTime;
  uint64_t posts = 0, ok = 0, no_referer = 0;
  std::vector<uint64_t> clients;  // hashes, at most webshell_max_clients + 1
  std::string first_client;
  Evidence evidence;
};

class Webshell final : public StatefulDetector {
 public:
  Webshell(const DetectorOptions& o, std::shared_ptr<const WebPeriod> period)
      : o_(o), period_(std::move(period)) {}

  uint8_t observes_only() const override { return Observation::kScript; }

  void observe(const ingest::Event& ev, const Observation& o) override {
    if (!o.web() || !o.has_time() || o.status < 0) return;
    const bool ok = o.status >= 200 && o.status <= 299;
    // A script is followed from its first 2xx: probes for missing ones
    // (scanners) leave no state.
    auto it = scripts_.find(ev.path);
    if (it == scripts_.end()) {
      if (!ok) return;
      it = scripts_.emplace(std::string(ev.path), ScriptUse{}).first;
      it->second.first_client = ev.client_ip;
    }
    ScriptUse& s = it->second;
    if (ok && (s.first_ok == ingest::kNoTime || o.time < s.first_ok)) s.first_ok = o.time;
    s.posts += o.has(Observation::kPost);
    s.ok += ok;
    s.no_referer += o.has(Observation::kNoReferer);
    s.evidence.add(o, o_.max_related);
    if (s.clients.size() <= o_.webshell_max_clients &&
        std::find(s.clients.begin(), s.clients.end(), o.client_hash) == s.clients.end())
      s.clients.push_back(o.client_hash);
  }

  void finish(std::vector<Finding>& out) override {
    const WebPeriod& p = *period_;
    if (p.first > p.last) return;  // no timed web event: nothing is "late"
    const double late_from = static_cast<double>(p.first) +
                             o_.webshell_late_share * static_cast<double>(p.last - p.first);
    for (const auto& [path, s] : scripts_) {
      const auto n = static_cast<double>(s.evidence.count);
      if (s.evidence.count < o_.webshell_min_requests ||
          s.clients.size() > o_.webshell_max_clients ||
          static_cast<double>(s.first_ok) < late_from ||
          static_cast<double>(s.posts) < o_.webshell_post_share * n ||
          static_cast<double>(s.ok) < o_.webshell_ok_share * n ||
          static_cast<double>(s.no_referer) < o_.webshell_no_referer_share * n)
        continue;
      out.push_back(finding(path, s));
    }
  }

 private:
  Finding finding(const std::string& path, const ScriptUse& s) const {
    Finding f = detector_finding("webshell-use", "Possible webshell in use", "Webシェル使用の疑い",
                                 Level::high, "T1505.003");
    const auto percent_of_span = static_cast<int>(std::lround(
        100.0 * static_cast<double>(s.first_ok - period_->first) /
        static_cast<double>(std::max<ingest::TimeUs>(period_->last - period_->first, 1))));
    f.client_ip = s.first_client;
    f.path = path;
    f.method = "POST";
    f.detail = fmt::format(
        "{} was first answered at {} ({}% into the logs), then requested {} "
        "times by {} client(s): {} POSTs, {} answered 2xx, {} without a referer from another "
        "page.",
        path, minute_text(s.first_ok), percent_of_span, s.evidence.count, s.clients.size(), s.posts,
        s.ok, s.no_referer);
    f.detail_ja = fmt::format(
        "{} はログ期間の {}% の時点（{}）で初めて応答し、その後 {} "
        "クライアントから {} 回要求：POST {} 回、2xx {} 回、他ページからのリファラなし {} "
        "回。",
        path, percent_of_span, minute_text(s.first_ok), s.clients.size(), s.evidence.count, s.posts,
        s.ok, s.no_referer);
    f.outcome = Outcome::likely_success;
    f.outcome_reason = fmt::format("{} of {} requests answered 2xx", s.ok, s.evidence.count);
    s.evidence.fill(f);
    return f;
  }

  DetectorOptions o_;
  std::shared_ptr<const WebPeriod> period_;
  StringMap<ScriptUse> scripts_;
};

}  // namespace

std::unique_ptr<StatefulDetector> make_webshell(const DetectorOptions& o,
                                                std::shared_ptr<const WebPeriod> period) {
  return std::make_unique<Webshell>(o, std::move(period));
}

}  // namespace shodo::detect

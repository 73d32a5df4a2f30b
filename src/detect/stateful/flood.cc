// Floods: minutes with far more requests than the run's own usual minute
// (median + MADs, robust to busy hours and quiet nights), merged into windows
// with their top sources; and clients whose busiest minute is far above what
// clients usually do in a minute.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <unordered_map>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/evidence.h"
#include "util/hash.h"

namespace shodo::detect {

namespace {

int64_t minute_of(ingest::TimeUs t) {
  return t >= 0 ? t / kMinuteUs : -((-t + kMinuteUs - 1) / kMinuteUs);
}

struct Source {
  uint32_t client = 0;  // its number in the ClientIndex
  uint64_t requests = 0;
};

struct Minute {
  uint64_t requests = 0;
  Citation first;
  int32_t utc_offset_s = 0;
  // The busiest clients of the minute, offered once per (client, minute).
  std::vector<Source> top;
  // Once `top` is full: its smallest count, which a client must pass to
  // enter it. Bit (client % 64) is set for each client in it: most offers
  // are of clients that are not, and need no search.
  uint64_t least_top = 0;
  uint64_t in_top = 0;
};

// What an event and the closing of a quiet minute touch is in the first 64
// bytes, the one cache line the look-ahead fetches.
struct alignas(64) Client {
  int64_t minute = INT64_MIN;  // the minute being counted
  uint32_t in_minute = 0;
  // The busiest minute so far.
  uint32_t peak = 0;
  Citation minute_first;
  int64_t peak_minute = 0;
  // Minutes at flood_client_min_rpm or more.
  uint32_t busy_minutes = 0;
  uint64_t busy_requests = 0;
  Citation peak_first;
};
static_assert(offsetof(Client, busy_requests) + sizeof(uint64_t) <= 64);

double median_of(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

class Flood final : public StatefulDetector {
 public:
  Flood(const DetectorOptions& o, std::shared_ptr<ClientIndex> index)
      : o_(o), index_(std::move(index)), client_minutes_(kHistogramSize, 0) {}

  void observe(const ingest::Event&, const Observation& o) override {
    if (!o.web() || !o.has_time() || o.client_ip.empty()) return;
    const int64_t m = minute_of(o.time);
    // Consecutive events mostly share a minute: skip the tree search then.
    if (m != current_minute_ || !current_) {
      current_minute_ = m;
      current_ = &minutes_[m];
    }
    Minute& minute = *current_;
    if (minute.requests++ == 0) {
      minute.first = o.cite;
      minute.utc_offset_s = o.utc_offset_s;
    }
    // Past max_clients a new address counts in its minute, not on its own.
    if (o.client == Observation::kNoClient) return;
    Client& c = client_state(clients_, o.client, area_);
    if (c.minute != m) {
      close_minute(o.client, c);
      c.minute = m;
      c.in_minute = 0;
      c.minute_first = o.cite;
    }
    ++c.in_minute;
  }

  const ClientStateArea* client_states() const override { return &area_; }

  void finish(std::vector<Finding>& out) override {
    for (uint32_t id = 0; id < clients_.size(); ++id) close_minute(id, clients_[id]);
    report_minutes(out);
    report_clients(out);
  }

 private:
  static constexpr size_t kHistogramSize = 4096;  // client-minute counts; the last bucket is "more"

  // A client's count for one minute is final when it moves on (or at the end).
  void close_minute(uint32_t id, Client& c) {
    if (c.in_minute == 0) return;
    ++client_minutes_[std::min<size_t>(c.in_minute, kHistogramSize - 1)];
    if (c.in_minute > c.peak) {
      c.peak = c.in_minute;
      c.peak_minute = c.minute;
      c.peak_first = c.minute_first;
    }
    if (c.in_minute >= o_.flood_client_min_rpm) {
      ++c.busy_minutes;
      c.busy_requests += c.in_minute;
    }
    offer_top(minute_at(c.minute), id, c.in_minute);
    c.in_minute = 0;
  }

  // minutes_[m], remembered for recent minutes: a client moving on closes
  // one of the last few minutes, on nearly every event.
  Minute& minute_at(int64_t m) {
    RecentMinute& r = recent_[static_cast<uint64_t>(m) & (kRecent - 1)];
    if (!r.minute || r.m != m) r = {m, &minutes_[m]};
    return *r.minute;
  }

  void offer_top(Minute& minute, uint32_t client, uint64_t n) {
    const uint64_t bit = uint64_t{1} << (client & 63);
    // Out-of-order files may close the same (client, minute) twice: add up.
    if (minute.in_top & bit) {
      for (Source& s : minute.top) {
        if (s.client == client) {
          s.requests += n;
          if (minute.top.size() == o_.flood_top_sources) settle_top(minute);
          return;
        }
      }
    }
    if (minute.top.size() < o_.flood_top_sources) {
      minute.top.push_back({client, n});
      minute.in_top |= bit;
      if (minute.top.size() == o_.flood_top_sources) settle_top(minute);
      return;
    }
    if (minute.top.empty() || n <= minute.least_top) return;
    *least_of(minute) = {client, n};
    settle_top(minute);
  }

  static std::vector<Source>::iterator least_of(Minute& minute) {
    return std::min_element(
        minute.top.begin(), minute.top.end(),
        [](const Source& a, const Source& b) { return a.requests < b.requests; });
  }

  // After a change to a full `top`: its smallest count and its clients' bits.
  static void settle_top(Minute& minute) {
    minute.least_top = least_of(minute)->requests;
    minute.in_top = 0;
    for (const Source& s : minute.top) minute.in_top |= uint64_t{1} << (s.client & 63);
  }

  void report_minutes(std::vector<Finding>& out) {
    if (minutes_.size() < o_.flood_min_minutes) return;
    const std::map<int64_t, Minute> by_time(minutes_.begin(), minutes_.end());
    std::vector<double> counts;
    counts.reserve(by_time.size());
    for (const auto& [m, minute] : by_time) counts.push_back(static_cast<double>(minute.requests));
    const double median = median_of(counts);
    for (double& c : counts) c = std::fabs(c - median);
    const double mad = median_of(counts);
    // 1.4826 * MAD estimates the standard deviation of normal data.
    const double threshold =
        std::max({median + o_.flood_mads * 1.4826 * mad, o_.flood_median_factor * median,
                  static_cast<double>(o_.flood_min_rpm)});
    // Consecutive flood minutes form one window.
    auto window_start = by_time.end();
    int64_t previous = 0;
    for (auto it = by_time.begin(); it != by_time.end(); ++it) {
      const bool flood = static_cast<double>(it->second.requests) >= threshold;
      if (window_start != by_time.end() && (!flood || it->first != previous + 1)) {
        out.push_back(window_finding(window_start, it, median, mad));
        window_start = by_time.end();
      }
      if (flood && window_start == by_time.end()) window_start = it;
      previous = it->first;
    }
    if (window_start != by_time.end())
      out.push_back(window_finding(window_start, by_time.end(), median, mad));
  }

  using MinuteIt = std::map<int64_t, Minute>::const_iterator;

  Finding window_finding(MinuteIt begin, MinuteIt end, double median, double mad) const {
    uint64_t total = 0, peak = 0;
    MinuteIt peak_it = begin;
    std::vector<Source> sources;
    size_t n_minutes = 0;
    for (auto it = begin; it != end; ++it, ++n_minutes) {
      total += it->second.requests;
      if (it->second.requests > peak) {
        peak = it->second.requests;
        peak_it = it;
      }
      for (const Source& s : it->second.top) {
        auto same = std::find_if(sources.begin(), sources.end(),
                                 [&](const Source& x) { return x.client == s.client; });
        if (same == sources.end()) {
          sources.push_back(s);
        } else {
          same->requests += s.requests;
        }
      }
    }
    std::sort(sources.begin(), sources.end(),
              [](const Source& a, const Source& b) { return a.requests > b.requests; });
    if (sources.size() > o_.flood_top_sources) sources.resize(o_.flood_top_sources);
    std::string top;
    for (const Source& s : sources) {
      if (!top.empty()) top += ", ";
      top += fmt::format("{} ({})", index_->name(s.client), with_commas(s.requests));
    }
    Finding f = detector_finding("flood", "Request flood", "リクエストの急増（フラッド）",
                                 Level::high, "T1498");
    const std::string from = minute_text(begin->first * kMinuteUs);
    const auto usual = static_cast<uint64_t>(std::llround(median));
    const auto spread = static_cast<uint64_t>(std::llround(mad));
    f.detail = fmt::format(
        "{} requests in {} minute(s) from {}, peaking at {} per minute at {}; "
        "this site usually gets {} per minute (MAD {}). Top sources: {}.",
        with_commas(total), n_minutes, from, with_commas(peak),
        minute_text(peak_it->first * kMinuteUs), with_commas(usual), with_commas(spread), top);
    f.detail_ja = fmt::format(
        "{} から {} 分間に {} 件のリクエスト。{} に毎分 {} 件でピーク（通常は"
        "毎分 {} 件、MAD {}）。主な送信元：{}。",
        from, n_minutes, with_commas(total), minute_text(peak_it->first * kMinuteUs),
        with_commas(peak), with_commas(usual), with_commas(spread), top);
    if (!sources.empty()) f.client_ip = index_->name(sources.front().client);
    f.time = begin->first * kMinuteUs;
    f.last_time = std::prev(end)->first * kMinuteUs + kMinuteUs - 1;
    f.utc_offset_s = begin->second.utc_offset_s;
    f.count = total;
    f.cite = peak_it->second.first;
    for (auto it = begin; it != end && f.related.size() < o_.max_related; ++it) {
      if (it != peak_it) f.related.push_back(it->second.first);
    }
    return f;
  }

  void report_clients(std::vector<Finding>& out) const {
    // The quantile of all client-minute counts: what a busy client does.
    uint64_t total = 0;
    for (uint64_t n : client_minutes_) total += n;
    if (total == 0) return;
    const auto rank = static_cast<uint64_t>(o_.flood_client_quantile * static_cast<double>(total));
    uint64_t seen = 0;
    size_t quantile = 0;
    while (quantile + 1 < kHistogramSize && seen + client_minutes_[quantile] <= rank)
      seen += client_minutes_[quantile++];
    const double threshold = std::max(static_cast<double>(o_.flood_client_min_rpm),
                                      o_.flood_client_factor * static_cast<double>(quantile));
    for (uint32_t id = 0; id < clients_.size(); ++id) {
      const Client& c = clients_[id];
      if (static_cast<double>(c.peak) < threshold) continue;
      const std::string& ip = index_->name(id);
      // Busy for hours and in most minutes of the log rather than in a burst: a
      // proxy, load balancer or CDN logged for the clients, or a crawler. Said,
      // and kept low. (A log cut to an attack's window is all burst.)
      const bool steady = c.busy_minutes >= kProxyLikeSpan / kMinuteUs &&
                          uint64_t{c.busy_minutes} * 2 > minutes_.size();
      Finding f = detector_finding("flood-client", "Request flood from one address",
                                   "同一アドレスからのリクエスト急増",
                                   steady ? Level::low : Level::medium, "T1499.002");
      f.client_ip = ip;
      f.detail = fmt::format(
          "{} sent {} requests in its busiest minute ({}), and {} requests in {} "
          "minute(s) at {} or more per minute; a busy client here sends {} per "
          "minute.",
          ip, with_commas(c.peak), minute_text(c.peak_minute * kMinuteUs),
          with_commas(c.busy_requests), c.busy_minutes, o_.flood_client_min_rpm, quantile);
      f.detail_ja = fmt::format(
          "{} が最も多い1分間（{}）に {} 件を送信。毎分 {} 件以上の分が {} "
          "分で計 {} 件。通常の多いクライアントは毎分 {} 件。",
          ip, minute_text(c.peak_minute * kMinuteUs), with_commas(c.peak), o_.flood_client_min_rpm,
          c.busy_minutes, with_commas(c.busy_requests), quantile);
      if (steady) {
        f.detail += fmt::format(
            " It was that busy in {} of the log's {} minutes: a steady stream like this is "
            "usually a proxy, load balancer or CDN logged in place of the clients (log "
            "X-Forwarded-For), or a crawler.",
            c.busy_minutes, minutes_.size());
        f.detail_ja += fmt::format(
            "ログの {} 分中 {} 分でこの水準：このような定常的な流れは、通常クライアントの代わりに"
            "記録されたプロキシ・ロードバランサー・CDN（X-Forwarded-For を記録すること）、"
            "またはクローラー。",
            minutes_.size(), c.busy_minutes);
      }
      f.time = c.peak_minute * kMinuteUs;
      f.utc_offset_s = minutes_.at(c.peak_minute).utc_offset_s;
      f.last_time = f.time + kMinuteUs - 1;
      f.count = c.busy_requests;
      f.cite = c.peak_first;
      out.push_back(std::move(f));
    }
  }

  DetectorOptions o_;
  // Keyed (util::table_seed): the minutes are the log's to choose, and ones
  // written to share a bucket would make every look-up walk them all.
  struct MinuteHash {
    size_t operator()(int64_t m) const {
      return util::table_hash<8>({reinterpret_cast<const char*>(&m), sizeof m});
    }
  };
  std::unordered_map<int64_t, Minute, MinuteHash> minutes_;
  int64_t current_minute_ = 0;
  Minute* current_ = nullptr;  // minutes_[current_minute_]; nodes do not move
  static constexpr size_t kRecent = 256;
  struct RecentMinute {
    int64_t m = 0;
    Minute* minute = nullptr;  // minutes_[m]
  };
  std::array<RecentMinute, kRecent> recent_{};
  std::shared_ptr<ClientIndex> index_;
  std::vector<Client> clients_;  // by client number
  ClientStateArea area_;
  std::vector<uint64_t> client_minutes_;  // histogram: how many client-minutes had n requests
};

}  // namespace

std::unique_ptr<StatefulDetector> make_flood(const DetectorOptions& o,
                                             std::shared_ptr<ClientIndex> clients) {
  return std::make_unique<Flood>(o, std::move(clients));
}

}  // namespace shodo::detect

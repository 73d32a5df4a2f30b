// Exfiltration seen from access logs: responses far larger than their path
// usually sends, far more bytes to one client than clients usually get, and
// downloads of archives, dumps and backups.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/evidence.h"
#include "detect/stateful/path_sizes.h"
#include "detect/stateful/string_map.h"
#include "detect/stateful/web_paths.h"

namespace shodo::detect {

namespace {

constexpr size_t kMaxOversized = 100'000;  // candidates kept in all
constexpr size_t kExamplePaths = 3;

struct Oversized {
  std::string client_ip, path;
  int64_t bytes = 0;
  ingest::TimeUs time = ingest::kNoTime;
  int32_t utc_offset_s = 0;
  Citation cite;
};

// What every 2xx response reads and updates is in the first 64 bytes, the
// one cache line the look-ahead fetches; the evidence's citation list and
// the largest response's citation are written rarely.
struct alignas(64) ClientBytes {
  uint64_t bytes = 0;
  int64_t largest = -1;
  Evidence evidence;      // times and count; the first response's citation only
  Citation largest_cite;  // the finding cites the largest response
};

struct ArchiveDownloads {
  Evidence evidence;
  uint64_t bytes = 0;
  int64_t first_size = -1;
  bool one_size = true;  // every download had the same size
  bool sensitive = false;
  std::vector<std::string> paths;  // distinct, the first few
};

bool ok(const Observation& o) {
  return o.status >= 200 && o.status <= 299 && o.bytes_sent >= 0;
}

class Exfiltration final : public StatefulDetector {
 public:
  Exfiltration(const DetectorOptions& o, std::shared_ptr<ClientIndex> index,
               std::shared_ptr<const PathSizes> sizes)
      : o_(o), index_(std::move(index)), sizes_(std::move(sizes)) {}

  void observe(const ingest::Event& ev, const Observation& o) override {
    if (!o.web() || !ok(o)) return;
    if (o.bytes_sent >= o_.oversize_min_bytes) consider_oversized(ev);
    if (o.client != Observation::kNoClient) {
      ClientBytes& c = client_state(clients_, o.client, area_);
      c.bytes += static_cast<uint64_t>(o.bytes_sent);
      c.evidence.add(o, 0);
      if (o.bytes_sent > c.largest) {
        c.largest = o.bytes_sent;
        c.largest_cite = o.cite;
      }
    }
    if (o.archive != 0 && o.bytes_sent >= o_.archive_min_bytes && !o.has(Observation::kHead))
      add_archive(ev, o, archive_by_number(o.archive));
  }

  const ClientStateArea* client_states() const override { return &area_; }

  void finish(std::vector<Finding>& out) override {
    report_oversized(out);
    report_client_totals(out);
    report_archives(out);
  }

 private:
  // Judged against the baseline so far, and again at the end against the
  // whole one: early responses of a path have no baseline yet.
  void consider_oversized(const ingest::Event& ev) {
    if (oversized_.size() >= kMaxOversized) return;
    const PathSizes::Baseline b = sizes_->baseline(ev.path);
    if (b.responses >= o_.baseline_min_responses &&
        static_cast<double>(ev.bytes_sent) < o_.oversize_factor * static_cast<double>(b.median))
      return;
    oversized_.push_back({std::string(ev.client_ip), std::string(ev.path), ev.bytes_sent, ev.time,
                          ev.utc_offset_s, citation_of(ev)});
  }

  void add_archive(const ingest::Event& ev, const Observation& o, ArchiveKind kind) {
    ArchiveDownloads& d = entry(archives_, ev.client_ip);
    d.evidence.add(o, o_.max_related);
    d.bytes += static_cast<uint64_t>(ev.bytes_sent);
    if (d.first_size < 0) d.first_size = ev.bytes_sent;
    d.one_size = d.one_size && d.first_size == ev.bytes_sent;
    d.sensitive = d.sensitive || kind.sensitive;
    if (d.paths.size() < kExamplePaths &&
        std::find(d.paths.begin(), d.paths.end(), ev.path) == d.paths.end())
      d.paths.emplace_back(ev.path);
  }

  void report_oversized(std::vector<Finding>& out) {
    // One finding per client and path, citing the largest response.
    std::sort(oversized_.begin(), oversized_.end(), [](const Oversized& a, const Oversized& b) {
      return std::tie(a.client_ip, a.path, b.bytes) < std::tie(b.client_ip, b.path, a.bytes);
    });
    for (size_t i = 0; i < oversized_.size();) {
      size_t j = i;
      std::vector<const Oversized*> confirmed;
      PathSizes::Baseline b = sizes_->baseline(oversized_[i].path);
      for (; j < oversized_.size() && oversized_[j].client_ip == oversized_[i].client_ip &&
             oversized_[j].path == oversized_[i].path;
           ++j) {
        if (b.responses >= o_.baseline_min_responses &&
            static_cast<double>(oversized_[j].bytes) >=
                o_.oversize_factor * static_cast<double>(b.median))
          confirmed.push_back(&oversized_[j]);
      }
      i = j;
      if (!confirmed.empty()) out.push_back(oversized_finding(confirmed, b));
    }
  }

  Finding oversized_finding(const std::vector<const Oversized*>& hits,
                            PathSizes::Baseline b) const {
    const Oversized& top = *hits.front();
    Finding f = detector_finding("oversized-response", "Response far larger than the path's usual",
                                 "通常よりはるかに大きいレスポンス", Level::high, "T1041");
    f.client_ip = top.client_ip;
    f.path = top.path;
    f.status = 200;
    f.bytes = top.bytes;
    f.detail = fmt::format(
        "{} response(s) to {} for {}, the largest {} bytes; this path usually "
        "answers {} bytes (median of {} responses).",
        hits.size(), top.client_ip, top.path, with_commas(top.bytes), with_commas(b.median),
        with_commas(b.responses));
    f.detail_ja = fmt::format(
        "{} への {} のレスポンスが {} 件、最大 {} バイト。このパスの通常の応答"
        "は {} バイト（{} 件の中央値）。",
        top.client_ip, top.path, hits.size(), with_commas(top.bytes), with_commas(b.median),
        with_commas(b.responses));
    f.outcome = Outcome::likely_success;
    f.outcome_reason = fmt::format(
        "2xx with {} bytes; this path usually answers {} bytes (median "
        "of {} responses)",
        with_commas(top.bytes), with_commas(b.median), with_commas(b.responses));
    f.cite = top.cite;
    f.count = hits.size();
    f.utc_offset_s = top.utc_offset_s;
    for (const Oversized* h : hits) {
      if (h != &top && f.related.size() < o_.max_related) f.related.push_back(h->cite);
      if (f.time == ingest::kNoTime || h->time < f.time) f.time = h->time;
      f.last_time = std::max(f.last_time, h->time);
    }
    return f;
  }

  void report_client_totals(std::vector<Finding>& out) const {
    std::vector<uint64_t> totals;
    totals.reserve(clients_.size());
    uint64_t responses = 0;
    for (const ClientBytes& c : clients_) {
      if (!c.evidence.empty()) totals.push_back(c.bytes);
      responses += c.evidence.count;
    }
    if (totals.empty()) return;
    std::nth_element(totals.begin(), totals.begin() + totals.size() / 2, totals.end());
    const uint64_t median = totals[totals.size() / 2];
    const double threshold = std::max(static_cast<double>(o_.client_total_min_bytes),
                                      o_.client_total_median_factor * static_cast<double>(median));
    for (uint32_t id = 0; id < clients_.size(); ++id) {
      const ClientBytes& c = clients_[id];
      if (c.evidence.empty() || static_cast<double>(c.bytes) < threshold) continue;
      const std::string& ip = index_->name(id);
      // An address that received most of the responses, for hours, is usually a
      // reverse proxy or load balancer logged in place of the clients: said, and
      // kept low. (In a log cut to an attack's window the attacker may dominate.)
      const bool dominant =
          c.evidence.count * 2 > responses && c.evidence.first != ingest::kNoTime &&
          static_cast<double>(c.evidence.last) - static_cast<double>(c.evidence.first) >=
              static_cast<double>(kProxyLikeSpan);
      Finding f = detector_finding("large-transfer", "Very large total download by one address",
                                   "同一アドレスへの非常に大きな総転送量",
                                   dominant ? Level::low : Level::medium, "T1041");
      f.client_ip = ip;
      f.detail = fmt::format(
          "{} received {} bytes in {} responses; the median client received {} "
          "bytes.",
          ip, with_commas(c.bytes), with_commas(c.evidence.count), with_commas(median));
      f.detail_ja = fmt::format(
          "{} が {} 件のレスポンスで計 {} バイトを受信。クライアントの中央値は "
          "{} バイト。",
          ip, with_commas(c.evidence.count), with_commas(c.bytes), with_commas(median));
      if (dominant) {
        const auto percent = static_cast<int>(100 * c.evidence.count / responses);
        f.detail += fmt::format(
            " It received {}% of all successful responses: if it is a proxy, load balancer or "
            "CDN, the log records its address instead of the clients' (log X-Forwarded-For).",
            percent);
        f.detail_ja += fmt::format(
            "全成功レスポンスの {}% を受信：プロキシ・ロードバランサー・CDN であれば、ログには"
            "クライアントではなくそのアドレスが記録されている（X-Forwarded-For を記録すること）。",
            percent);
      }
      c.evidence.fill(f);
      f.cite = c.largest_cite;
      out.push_back(std::move(f));
    }
  }

  void report_archives(std::vector<Finding>& out) const {
    for (const auto& [ip, d] : archives_) {
      // Several "archives" of one identical size are a catch-all page
      // (soft 404), not files.
      if (d.one_size && d.evidence.count >= 3) continue;
      Finding f =
          d.sensitive
              ? detector_finding("dump-download", "Database dump or backup downloaded",
                                 "DBダンプ・バックアップのダウンロード", Level::high, "T1041")
              : detector_finding("archive-download", "Archive or export downloaded",
                                 "アーカイブ・エクスポートのダウンロード", Level::medium, "T1041");
      std::string paths;
      for (const std::string& p : d.paths) paths += (paths.empty() ? "" : ", ") + p;
      f.client_ip = ip;
      f.path = d.paths.front();
      f.detail = fmt::format("{} downloaded {} archive/dump file(s), {} bytes in all: {}.", ip,
                             d.evidence.count, with_commas(d.bytes), paths);
      f.detail_ja = fmt::format("{} がアーカイブ・ダンプを {} 件、計 {} バイトダウンロード：{}。",
                                ip, d.evidence.count, with_commas(d.bytes), paths);
      f.outcome = Outcome::likely_success;
      f.outcome_reason = fmt::format("2xx with {} bytes in all", with_commas(d.bytes));
      d.evidence.fill(f);
      out.push_back(std::move(f));
    }
  }

  DetectorOptions o_;
  std::shared_ptr<ClientIndex> index_;
  std::shared_ptr<const PathSizes> sizes_;  // observed by the detector set
  std::vector<Oversized> oversized_;
  std::vector<ClientBytes> clients_;  // by client number
  ClientStateArea area_;
  StringMap<ArchiveDownloads> archives_;
};

}  // namespace

std::unique_ptr<StatefulDetector> make_exfiltration(const DetectorOptions& o,
                                                    std::shared_ptr<ClientIndex> clients,
                                                    std::shared_ptr<const PathSizes> sizes) {
  return std::make_unique<Exfiltration>(o, std::move(clients), std::move(sizes));
}

}  // namespace shodo::detect

// Password guessing on web logins: many failed-looking login POSTs from one
// IP in a run; and the attempt that stops looking like a failure (a redirect
// after a run of 200s, or a much bigger body), which is the one that matters.
#include <fmt/format.h>

#include <algorithm>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/login_run.h"
#include "detect/stateful/string_map.h"
#include "detect/stateful/web_paths.h"

namespace shodo::detect {

namespace {

struct WebLoginRun : LoginRun {
  std::string path;  // the first failure's
  int32_t status = -1;
  int64_t max_bytes = -1;  // largest failure body
  // Logins that succeeded from the address during the run. A guesser's run is
  // failures with a success at most at the end; an address where logins
  // mostly succeed is many people behind one address (a proxy or load
  // balancer logged for the clients), whose typos are no guessing.
  uint64_t successes = 0;

  bool guessing() const { return successes * 4 <= failures.count; }
};

// Login forms answer a failure by showing the form again (200) or refusing
// (401/403/429); they redirect on success. 404 means no such login here.
bool failure_looking(int32_t status) {
  return status == 200 || status == 401 || status == 403 || status == 429;
}

// A login answered as a success: redirected (XML-RPC answers 200 either way).
bool redirected_login(const ingest::Event& ev) {
  return ev.status >= 301 && ev.status <= 303 && !is_xmlrpc_path(ev.path);
}

class WebBruteForce final : public StatefulDetector {
 public:
  explicit WebBruteForce(const DetectorOptions& o) : o_(o) {}

  void observe(const ingest::Event& ev, const Observation& o) override {
    if (!o.has_time() || o.client_ip.empty()) return;
    WebLoginRun* found = bounded_entry(runs_, ev.client_ip, o_.max_clients, refused_);
    if (!found) return;
    WebLoginRun& run = *found;
    if (looks_successful(run, ev)) {
      if (run.guessing())
        report_success(run, ev);
      else
        ++run.successes;
      return;
    }
    if (!failure_looking(ev.status)) {
      if (redirected_login(ev) && !run.failures.empty() &&
          run.continued_by(ev.time, o_.login_pause_us))
        ++run.successes;
      return;
    }
    if (!run.continued_by(ev.time, o_.login_pause_us)) {
      close(ev.client_ip, run);
      run = {};
    }
    if (run.failures.empty()) {
      run.path = ev.path;
      run.status = ev.status;
    }
    run.max_bytes = std::max(run.max_bytes, ev.bytes_sent);
    run.failures.add(o, o_.max_related);
  }

  uint8_t observes_only() const override { return Observation::kLoginPost; }

  void finish(std::vector<Finding>& out) override {
    for (auto& [ip, run] : runs_) close(ip, run);
    out.insert(out.end(), std::make_move_iterator(found_.begin()),
               std::make_move_iterator(found_.end()));
    found_.clear();
  }

  void limits(std::vector<std::string>& out) const override {
    if (refused_)
      out.push_back(
          limit_note("web login brute force (client addresses)", o_.max_clients, refused_));
  }

 private:
  bool looks_successful(const WebLoginRun& run, const ingest::Event& ev) const {
    if (!run.success_follows(ev.time, o_.success_after_failures, o_.success_within_us))
      return false;
    if (redirected_login(ev)) return true;
    // XML-RPC and AJAX logins answer 200 either way; a success carries much
    // more than the fault message.
    return ev.status == 200 && run.max_bytes >= 0 &&
           ev.bytes_sent > std::max(2 * run.max_bytes, run.max_bytes + 1000);
  }

  void close(std::string_view ip, const WebLoginRun& run) {
    if (run.failures.count < o_.web_login_failures || !run.guessing()) return;
    Finding f = detector_finding("web-brute-force", "Password guessing on a web login",
                                 "Webログインへのパスワード推測", Level::medium, "T1110.001");
    const std::string n = with_commas(run.failures.count);
    const std::string span = short_span(run.failures.last - run.failures.first);
    f.client_ip = ip;
    f.method = "POST";
    f.path = run.path;
    f.status = run.status;
    f.detail = fmt::format(
        "{} failed-looking login POSTs from {} within {} (first to {}, answered "
        "{}), from {}.",
        n, ip, span, run.path, run.status, minute_text(run.failures.first));
    f.detail_ja = fmt::format(
        "{} からログイン失敗とみられるPOSTが {} 件（{} 間、最初は {} で応答 "
        "{}、{} から）。",
        ip, n, span, run.path, run.status, minute_text(run.failures.first));
    f.outcome = Outcome::failed;
    f.outcome_reason =
        fmt::format("every attempt was answered like a failed login ({})", run.status);
    run.failures.fill(f);
    found_.push_back(std::move(f));
  }

  void report_success(WebLoginRun& run, const ingest::Event& ev) {
    run.success_reported = true;
    Finding f =
        detector_finding("web-login-after-failures", "Web login succeeded after password guessing",
                         "パスワード推測の後にWebログイン成功", Level::critical, "T1110.001");
    const std::string n = with_commas(run.failures.count);
    f.client_ip = ev.client_ip;
    f.user = ev.user;
    f.method = ev.method;
    f.path = ev.path;
    f.status = ev.status;
    f.bytes = ev.bytes_sent;
    f.outcome = Outcome::success;
    f.outcome_reason =
        fmt::format("{} with {} bytes after {} attempts answered {} (largest {} bytes)", ev.status,
                    with_commas(std::max<int64_t>(ev.bytes_sent, 0)), n, run.status,
                    with_commas(std::max<int64_t>(run.max_bytes, 0)));
    f.detail = fmt::format(
        "POST {} from {} was answered {} after {} failed-looking attempts since "
        "{}: the login most likely succeeded.",
        ev.path, ev.client_ip, ev.status, n, minute_text(run.failures.first));
    f.detail_ja = fmt::format(
        "{} からの POST {} が {} 件の失敗とみられる試行（{} から）の後に {} "
        "で応答：ログイン成功の可能性が高い。",
        ev.client_ip, ev.path, n, minute_text(run.failures.first), ev.status);
    run.failures.fill(f);
    cite_conclusion(f, ev, o_.max_related);
    found_.push_back(std::move(f));
  }

  DetectorOptions o_;
  StringMap<WebLoginRun> runs_;
  uint64_t refused_ = 0;
  std::vector<Finding> found_;
};

}  // namespace

std::unique_ptr<StatefulDetector> make_web_brute_force(const DetectorOptions& o) {
  return std::make_unique<WebBruteForce>(o);
}

}  // namespace shodo::detect

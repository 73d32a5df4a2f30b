// SSH password guessing: many failed logins from one IP, or for one account,
// in a run; and the login accepted after such a run, which is the event that
// matters.
#include <fmt/format.h>

#include "detect/stateful/detector_factories.h"
#include "detect/stateful/login_run.h"
#include "detect/stateful/string_map.h"

namespace shodo::detect {

namespace {

enum class SshAttempt { none, failure, success };

// "Failed password for invalid user X" follows "Invalid user X" for the same
// attempt: only the latter is counted for unknown accounts.
SshAttempt classify(const ingest::Event& ev) {
  if (ev.action == "ssh-invalid-user") return SshAttempt::failure;
  if (ev.action != "ssh-login") return SshAttempt::none;
  if (ev.outcome == "success") return SshAttempt::success;
  for (const auto& [name, value] : ev.extra) {
    if (name == "ssh.invalid_user") return SshAttempt::none;
  }
  return ev.outcome == "failure" ? SshAttempt::failure : SshAttempt::none;
}

class SshBruteForce final : public StatefulDetector {
 public:
  explicit SshBruteForce(const DetectorOptions& o) : o_(o) {}

  void observe(const ingest::Event& ev, const Observation& o) override {
    if (!o.has_time()) return;
    const SshAttempt attempt = classify(ev);
    if (attempt == SshAttempt::failure) {
      if (!ev.client_ip.empty()) add_failure(by_ip_, ev.client_ip, o, false);
      if (!ev.user.empty()) add_failure(by_user_, ev.user, o, true);
    } else if (attempt == SshAttempt::success) {
      check_success(ev);
    }
  }

  uint8_t observes_only() const override { return Observation::kAction; }

  void finish(std::vector<Finding>& out) override {
    for (auto& [ip, run] : by_ip_) close(ip, run, false);
    for (auto& [user, run] : by_user_) close(user, run, true);
    out.insert(out.end(), std::make_move_iterator(found_.begin()),
               std::make_move_iterator(found_.end()));
    found_.clear();
  }

  void limits(std::vector<std::string>& out) const override {
    if (refused_)
      out.push_back(
          limit_note("SSH brute force (client addresses and accounts)", o_.max_clients, refused_));
  }

 private:
  void add_failure(StringMap<LoginRun>& runs, std::string_view key, const Observation& o,
                   bool per_user) {
    LoginRun* found = bounded_entry(runs, key, o_.max_clients, refused_);
    if (!found) return;
    LoginRun& run = *found;
    if (!run.continued_by(o.time, o_.login_pause_us)) {
      close(std::string(key), run, per_user);
      run = {};
    }
    run.failures.add(o, o_.max_related);
  }

  void close(const std::string& key, const LoginRun& run, bool per_user) {
    const uint32_t threshold = per_user ? o_.ssh_user_failures : o_.ssh_ip_failures;
    if (run.failures.count < threshold) return;
    const std::string span = short_span(run.failures.last - run.failures.first);
    const std::string n = with_commas(run.failures.count);
    Finding f =
        per_user
            ? detector_finding("ssh-brute-force-account",
                               "SSH password guessing against one account",
                               "特定アカウントへのSSHパスワード推測", Level::medium, "T1110.001")
            : detector_finding("ssh-brute-force", "SSH password guessing from one address",
                               "同一アドレスからのSSHパスワード推測", Level::medium, "T1110.001");
    if (per_user) {
      f.user = key;
      f.detail = fmt::format("{} failed SSH logins for account {} within {} (from {}).", n, key,
                             span, minute_text(run.failures.first));
      f.detail_ja = fmt::format("アカウント {} へのSSHログイン失敗が {} 件（{} 間、{} から）。",
                                key, n, span, minute_text(run.failures.first));
    } else {
      f.client_ip = key;
      f.detail = fmt::format("{} failed SSH logins from {} within {} (from {}).", n, key, span,
                             minute_text(run.failures.first));
      f.detail_ja = fmt::format("{} からのSSHログイン失敗が {} 件（{} 間、{} から）。", key, n,
                                span, minute_text(run.failures.first));
    }
    f.outcome = Outcome::failed;
    f.outcome_reason = "every attempt in the run failed";
    run.failures.fill(f);
    found_.push_back(std::move(f));
  }

  void check_success(const ingest::Event& ev) {
    // The same address guessing and then getting in is the stronger sign.
    LoginRun* run = nullptr;
    bool same_ip = false;
    if (auto it = by_ip_.find(ev.client_ip);
        it != by_ip_.end() &&
        it->second.success_follows(ev.time, o_.success_after_failures, o_.success_within_us)) {
      run = &it->second;
      same_ip = true;
    } else if (auto u = by_user_.find(ev.user);
               u != by_user_.end() && u->second.success_follows(ev.time, o_.success_after_failures,
                                                                o_.success_within_us)) {
      run = &u->second;
    }
    if (!run) return;
    run->success_reported = true;
    const std::string n = with_commas(run->failures.count);
    Finding f =
        detector_finding("ssh-login-after-failures", "SSH login accepted after password guessing",
                         "パスワード推測の後にSSHログイン成功",
                         same_ip ? Level::critical : Level::high, "T1110.001");
    f.client_ip = ev.client_ip;
    f.user = ev.user;
    f.outcome = Outcome::success;
    if (same_ip) {
      f.detail = fmt::format(
          "SSH login accepted for {} from {} after {} failed logins from the "
          "same address (since {}).",
          ev.user, ev.client_ip, n, minute_text(run->failures.first));
      f.detail_ja = fmt::format(
          "{} から {} のSSHログインが成功。同じアドレスから {} 件の失敗の後"
          "（{} から）。",
          ev.client_ip, ev.user, n, minute_text(run->failures.first));
    } else {
      f.detail = fmt::format(
          "SSH login accepted for {} from {} after {} failed logins for that "
          "account (since {}).",
          ev.user, ev.client_ip, n, minute_text(run->failures.first));
      f.detail_ja = fmt::format(
          "{} から {} のSSHログインが成功。このアカウントへの {} 件の失敗の後"
          "（{} から）。",
          ev.client_ip, ev.user, n, minute_text(run->failures.first));
    }
    f.outcome_reason = fmt::format("accepted after {} failures", n);
    run->failures.fill(f);
    cite_conclusion(f, ev, o_.max_related);
    found_.push_back(std::move(f));
  }

  DetectorOptions o_;
  StringMap<LoginRun> by_ip_, by_user_;
  uint64_t refused_ = 0;
  std::vector<Finding> found_;
};

}  // namespace

std::unique_ptr<StatefulDetector> make_ssh_brute_force(const DetectorOptions& o) {
  return std::make_unique<SshBruteForce>(o);
}

}  // namespace shodo::detect

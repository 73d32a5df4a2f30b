// "Customers receive spam or phishing" has two explanations with different
// evidence: the server sent it (a burst of outbound mail, usually from the
// web server's account after a webshell or a contact-form abuse, to
// recipients it never wrote to before), or the addresses leaked and someone
// else sends it (nothing unusual in this server's mail log).
#include "leak/mail_activity.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "detect/stateful/evidence.h"
#include "leak/ascii.h"
#include "util/hash.h"

namespace shodo::leak {

namespace {

constexpr TimeUs kHourUs = 3'600'000'000;
constexpr uint64_t kMinBurst = 50;     // outbound attempts in one hour
constexpr uint64_t kBurstFactor = 10;  // times the sender's usual hour
constexpr size_t kMaxOrigins = 1u << 20;
constexpr size_t kMaxHourly = 2000;

bool web_login(std::string_view login) {
  login = login.substr(0, login.find('@'));
  for (std::string_view w : {"www-data", "apache", "nginx", "http", "wwwrun", "www", "httpd"}) {
    if (iequals(login, w)) return true;
  }
  return false;
}

bool local_relay(std::string_view relay) {
  return istarts_with(relay, "local") || istarts_with(relay, "virtual") ||
         istarts_with(relay, "dovecot") || relay.find("lmtp") != std::string_view::npos ||
         relay.find("private/") != std::string_view::npos ||
         relay.find("[127.0.0.1]") != std::string_view::npos ||
         relay.find("[::1]") != std::string_view::npos;
}

// Distinct recipients are counted by hash: keyed, so that a sender cannot
// write addresses that count as one.
uint64_t address_hash(std::string_view a) {
  std::string lower(a);
  for (char& c : lower) c = ascii_lower(c);
  return util::table_hash<7>(lower);
}

TimeUs hour_of(TimeUs t) {
  return t >= 0 ? t / kHourUs * kHourUs : (t - kHourUs + 1) / kHourUs * kHourUs;
}

}  // namespace

void MailTracker::observe(const MailEvent& e, const Config& config) {
  ++events_;
  if (e.time != ingest::kNoTime && (first_time_ == ingest::kNoTime || e.time < first_time_))
    first_time_ = e.time;
  const std::string_view a = e.action;
  if (a == "mail-submitted" || a == "mail-received" || a == "mail-queued") {
    if (e.queue_id.empty()) return;
    auto it = origins_.find(e.queue_id);
    if (it == origins_.end()) {
      if (origins_.size() >= kMaxOrigins) {
        ++origins_dropped_;
        return;
      }
      it = origins_.emplace(std::string(e.queue_id), Origin()).first;
    }
    Origin& o = it->second;
    if (a == "mail-queued") {
      if (o.envelope.empty()) o.envelope = e.from;
    } else if (!e.uid.empty()) {
      o.submitter =
          e.from.empty() ? fmt::format("uid {}", e.uid) : fmt::format("uid {} ({})", e.uid, e.from);
      o.web_user = e.uid == "33" || e.uid == "48" || web_login(e.from);
    } else if (a == "mail-submitted" && !e.from.empty()) {
      o.submitter = e.from;
      o.web_user = web_login(e.from);
    } else if (a == "mail-received" && !e.client.empty() && o.submitter.empty()) {
      o.submitter = fmt::format("smtp client {}", e.client);
    }
    return;
  }
  const char outcome = a == "mail-delivered"  ? 'd'
                       : a == "mail-deferred" ? 'f'
                       : a == "mail-bounced"  ? 'b'
                                              : '\0';
  if (outcome == '\0' || local_relay(e.relay)) return;
  Delivery d;
  d.time = e.time;
  d.cite = e.cite;
  d.queue_id = e.queue_id;
  d.recipient = address_hash(e.to);
  d.outcome = outcome;
  deliveries_.add(std::move(d), config.max_mail_deliveries);
}

void MailTracker::merge(MailTracker&& other, const Config& config) {
  events_ += other.events_;
  if (other.first_time_ != ingest::kNoTime &&
      (first_time_ == ingest::kNoTime || other.first_time_ < first_time_))
    first_time_ = other.first_time_;
  for (auto& [qid, o] : other.origins_) {
    Origin& mine = origins_[qid];
    // The same message seen by two trackers: each kept what its lines said;
    // the smaller text wins a conflict, whatever the merge order.
    if (!o.submitter.empty() && (mine.submitter.empty() || o.submitter < mine.submitter)) {
      mine.submitter = o.submitter;
      mine.web_user = o.web_user;
    }
    if (!o.envelope.empty() && (mine.envelope.empty() || o.envelope < mine.envelope))
      mine.envelope = o.envelope;
  }
  origins_dropped_ += other.origins_dropped_;
  deliveries_.merge(std::move(other.deliveries_), config.max_mail_deliveries);
}

MailAssessment MailTracker::finish(const Config& config) && {
  MailAssessment m;
  m.events = events_;
  std::vector<Delivery> all = std::move(deliveries_).take(config.max_mail_deliveries, m.dropped);
  m.dropped += origins_dropped_;
  m.deliveries = all.size();
  if (events_ == 0) {
    m.verdict = "no-mail-log";
    m.reason = {"No mail-log event was given: whether this server sent mail cannot be told.",
                "メールログのイベントがなく、このサーバーがメールを送信したかは判断できない。"};
    return m;
  }
  struct Acc {
    MailSender s;
    std::set<std::string> queue_ids;
    std::map<TimeUs, uint64_t> hours;
    std::vector<const Delivery*> list;
  };
  std::map<std::string, Acc> senders;
  std::set<std::string> messages;
  for (const Delivery& d : all) {
    const auto it = origins_.find(d.queue_id);
    std::string name = "unknown sender";
    bool web = false;
    if (it != origins_.end()) {
      name = !it->second.submitter.empty()  ? it->second.submitter
             : !it->second.envelope.empty() ? "envelope " + it->second.envelope
                                            : name;
      web = it->second.web_user;
    }
    Acc& acc = senders[name];
    acc.s.sender = name;
    acc.s.web_user |= web;
    acc.queue_ids.insert(d.queue_id);
    messages.insert(d.queue_id);
    ++acc.s.deliveries;
    acc.s.bounced += d.outcome == 'b';
    acc.s.deferred += d.outcome == 'f';
    if (d.time != ingest::kNoTime) ++acc.hours[hour_of(d.time)];
    acc.list.push_back(&d);
  }
  m.messages = messages.size();
  const TimeUs first_hour = first_time_ == ingest::kNoTime ? 0 : hour_of(first_time_);
  std::vector<const MailSender*> anomalous;
  for (auto& [name, acc] : senders) {
    MailSender& s = acc.s;
    s.messages = acc.queue_ids.size();
    std::unordered_set<uint64_t> recipients;
    for (const Delivery* d : acc.list) recipients.insert(d->recipient);
    s.distinct_recipients = recipients.size();
    for (const auto& [hour, n] : acc.hours) {
      if (n > s.peak_deliveries) {
        s.peak_deliveries = n;
        s.peak_hour = hour;
      }
      if (s.hourly.size() < kMaxHourly) s.hourly.emplace_back(hour, n);
    }
    if (s.peak_hour == ingest::kNoTime) continue;
    // Median over every hour of the log before the peak, quiet ones included.
    std::vector<uint64_t> before;
    for (const auto& [hour, n] : acc.hours) {
      if (hour < s.peak_hour) before.push_back(n);
    }
    const uint64_t span =
        static_cast<uint64_t>(std::max<TimeUs>(0, (s.peak_hour - first_hour) / kHourUs));
    if (span > 0) {
      std::sort(before.begin(), before.end());
      const uint64_t zeros = span > before.size() ? span - before.size() : 0;
      const uint64_t mid = span / 2;
      s.baseline_per_hour =
          mid < zeros
              ? 0.0
              : static_cast<double>(before[std::min<size_t>(mid - zeros, before.size() - 1)]);
    }
    std::unordered_set<uint64_t> seen_before, in_peak;
    bool first_in_peak = true;
    for (const Delivery* d : acc.list) {
      if (d->time == ingest::kNoTime) continue;
      const TimeUs h = hour_of(d->time);
      if (h < s.peak_hour) seen_before.insert(d->recipient);
      if (h != s.peak_hour) continue;
      in_peak.insert(d->recipient);
      if (first_in_peak) s.peak_first = d->cite;
      s.peak_last = d->cite;
      first_in_peak = false;
    }
    for (uint64_t r : in_peak) s.new_recipients_in_peak += !seen_before.contains(r);
    const double usual = std::max(1.0, s.baseline_per_hour);
    s.anomalous = s.peak_deliveries >= kMinBurst &&
                  static_cast<double>(s.peak_deliveries) >= kBurstFactor * usual &&
                  2 * s.new_recipients_in_peak >= in_peak.size();
  }
  for (auto& [name, acc] : senders) m.senders.push_back(std::move(acc.s));
  std::stable_sort(
      m.senders.begin(), m.senders.end(),
      [](const MailSender& a, const MailSender& b) { return a.deliveries > b.deliveries; });
  std::string who_en, who_ja;
  for (const MailSender& s : m.senders) {
    if (!s.anomalous) continue;
    m.citations.push_back(s.peak_first);
    m.citations.push_back(s.peak_last);
    const double failed = s.deliveries == 0 ? 0
                                            : 100.0 * static_cast<double>(s.bounced + s.deferred) /
                                                  static_cast<double>(s.deliveries);
    who_en += fmt::format(
        "{}{} made {} delivery attempt(s) in the hour from {}, {} of them to recipients new to "
        "this sender, against a usual {} per hour; {:.0f}% bounced or were deferred. ",
        s.sender, s.web_user ? " (the web server's account)" : "",
        detect::with_commas(s.peak_deliveries), detect::minute_text(s.peak_hour),
        detect::with_commas(s.new_recipients_in_peak), s.baseline_per_hour, failed);
    who_ja += fmt::format(
        "{}{} が {} からの 1 時間に {} 件の配送を試行（初めての宛先 {} 件）。通常は 1 時間あたり "
        "{} 件。{:.0f}% がバウンスまたは保留。",
        s.sender, s.web_user ? "（Web サーバーのアカウント）" : "",
        detect::minute_text(s.peak_hour), detect::with_commas(s.peak_deliveries),
        detect::with_commas(s.new_recipients_in_peak), s.baseline_per_hour, failed);
  }
  if (!who_en.empty()) {
    m.verdict = "server-sent-spam";
    m.reason = {who_en +
                    "This server itself sent a burst of mail: complaints about spam or "
                    "phishing are explained by it.",
                who_ja +
                    "このサーバー自身が大量のメールを送信しており、スパム・フィッシングの苦情は"
                    "これで説明できる。"};
    return m;
  }
  const MailSender* web = nullptr;
  for (const MailSender& s : m.senders) {
    if (s.web_user && (web == nullptr || s.peak_deliveries > web->peak_deliveries)) web = &s;
  }
  const std::string web_en =
      web ? fmt::format(" The web server's account ({}) sent at most {} per hour.", web->sender,
                        detect::with_commas(web->peak_deliveries))
          : " The web server's account sent no mail.";
  const std::string web_ja =
      web ? fmt::format("Web サーバーのアカウント（{}）の送信は最大で 1 時間に {} 通。",
                        web->sender, detect::with_commas(web->peak_deliveries))
          : "Web サーバーのアカウントからの送信はない。";
  m.verdict = "no-outbound-anomaly";
  m.reason = {
      fmt::format("{} outbound delivery attempt(s) of {} message(s) from {} sender(s); no hour "
                  "with {} or more to mostly new recipients at {} times a sender's usual rate.{} "
                  "Spam or phishing received by customers did not go out through this server: "
                  "that fits their addresses having leaked and being used elsewhere.",
                  detect::with_commas(m.deliveries), detect::with_commas(m.messages),
                  m.senders.size(), kMinBurst, kBurstFactor, web_en),
      fmt::format(
          "外部への配送試行 {} 件（{} 通、送信者 {}）。初めての宛先へ 1 時間に {} "
          "通以上、通常の {} 倍以上という送信はない。{}"
          "顧客に届いたスパム・フィッシングはこのサーバーから送られておらず、顧客のアドレスが"
          "漏えいし他所で使われたことと整合する。",
          detect::with_commas(m.deliveries), detect::with_commas(m.messages), m.senders.size(),
          kMinBurst, kBurstFactor, web_ja)};
  return m;
}

}  // namespace shodo::leak

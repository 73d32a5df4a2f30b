#include "investigate/log_analysis.h"

#include <algorithm>
#include <unordered_map>

#include "investigate/activity_lines.h"
#include "util/hash.h"

namespace shodo::investigate {
namespace {

constexpr TimeUs kHourUs = 3'600'000'000;
constexpr size_t kMaxWatchedRequests = 2000;
constexpr size_t kMaxUserAgents = 32;
constexpr size_t kMaxPaths = 2000;
constexpr size_t kMaxMessage = 600;
// An upload is the POST that ends when the file is written: the log stamps the
// request's start, so the file time follows it by the upload's duration.
constexpr TimeUs kUploadBeforeUs = 60'000'000, kUploadAfterUs = 2'000'000;

TimeUs hour_of(TimeUs t) {
  return t - ((t % kHourUs) + kHourUs) % kHourUs;
}

// Into an existing citation, keeping its string's memory.
void set_cite(Citation& c, const ingest::InputSet& logs, const ingest::Event& e) {
  c.file.assign(logs.files[e.file_index].path);
  c.line = e.line;
  c.offset = e.offset;
  c.inode = 0;
}

Citation cite_of(const ingest::InputSet& logs, const ingest::Event& e) {
  Citation c;
  set_cite(c, logs, e);
  return c;
}

std::string capped(std::string_view s, size_t n) {
  return std::string(s.substr(0, n));
}

// The request target as sent (path?query).
void append_target(std::string& out, const ingest::Event& e) {
  if (!e.request_target.empty()) {
    out.append(e.request_target);
    return;
  }
  out.append(e.path);
  if (!e.query.empty()) out.append("?").append(e.query);
}

std::string target_of(const ingest::Event& e) {
  std::string t;
  append_target(t, e);
  return t;
}

Request request_of(const ingest::InputSet& logs, const ingest::Event& e) {
  Request r;
  r.ip = std::string(e.client_ip);
  r.method = std::string(e.method);
  r.target = capped(target_of(e), 2048);
  r.user_agent = capped(e.user_agent, 512);
  r.status = e.status;
  r.bytes = e.bytes_sent;
  r.time = e.time;
  r.cite = cite_of(logs, e);
  return r;
}

// Feeds one ingest run to the hunt and to the watcher of flagged URLs.
class HuntAndWatch final : public ingest::EventConsumer {
 public:
  HuntAndWatch(detect::Hunt& hunt, const ingest::InputSet& logs,
               const std::vector<WatchedUrl>& watched, HuntPass& out)
      : hunt_(hunt), logs_(logs), watched_(watched), out_(out) {
    out_.watched.resize(watched.size());
    for (size_t i = 0; i < watched.size(); ++i) by_url_[watched[i].url].push_back(i);
  }

  void process_parsed(const ingest::Batch& batch, size_t from, size_t to,
                      unsigned worker) override {
    hunt_.process_parsed(batch, from, to, worker);
  }
  void process(const ingest::Batch& batch, unsigned worker) override {
    hunt_.process(batch, worker);
  }

  void ordered(const ingest::Batch& batch) override {
    hunt_.ordered(batch);
    for (const ingest::Event& e : batch.events) {
      if (e.kind != ingest::LogKind::web_access) continue;
      if (e.has_time()) count_hour(e.time);
      if (e.method == "POST" && e.has_time()) note_post(e);
      if (by_url_.empty()) continue;
      auto it = by_url_.find(e.path);
      if (it == by_url_.end()) continue;
      for (size_t i : it->second) {
        WatchedActivity& w = out_.watched[i];
        ++w.total;
        if (w.requests.size() < kMaxWatchedRequests) w.requests.push_back(request_of(logs_, e));
      }
    }
  }

 private:
  // Events come in time order, mostly: the hour's counter is kept at hand.
  void count_hour(TimeUs t) {
    const TimeUs hour = hour_of(t);
    if (!hour_count_ || hour != hour_) {
      hour_ = hour;
      hour_count_ = &out_.hourly[hour];
    }
    ++*hour_count_;
  }

  void note_post(const ingest::Event& e) {
    auto near = [&](TimeUs ft) {
      return ft != kNoTime && e.time <= ft + kUploadAfterUs && e.time >= ft - kUploadBeforeUs;
    };
    for (size_t i = 0; i < watched_.size(); ++i) {
      if (!near(watched_[i].file_time) && !near(watched_[i].mtime)) continue;
      WatchedActivity& w = out_.watched[i];
      if (w.has_upload && w.upload.time > e.time) continue;
      w.upload = request_of(logs_, e);
      w.has_upload = true;
    }
  }

  detect::Hunt& hunt_;
  const ingest::InputSet& logs_;
  const std::vector<WatchedUrl>& watched_;
  HuntPass& out_;
  // Looked up by the events' string_view paths without a copy.
  struct PathHash {
    using is_transparent = void;
    // Keyed (util::table_seed): the URLs come from the names of the webroot's
    // files, which an attacker who wrote there chose.
    size_t operator()(std::string_view s) const { return util::table_hash<6>(s); }
  };
  std::unordered_map<std::string, std::vector<size_t>, PathHash, std::equal_to<>> by_url_;
  TimeUs hour_ = 0;
  uint64_t* hour_count_ = nullptr;
};

std::string_view source_name(ingest::LogKind k) {
  switch (k) {
    case ingest::LogKind::web_access: return "web";
    case ingest::LogKind::web_error: return "error";
    case ingest::LogKind::auth: return "auth";
    case ingest::LogKind::mail: return "mail";
    case ingest::LogKind::shell_history: return "shell";
    case ingest::LogKind::syslog: return "syslog";
    default: return "log";
  }
}

bool auth_failure(const ingest::Event& e) {
  return e.outcome == "failure";
}

class ActivityWatch final : public ingest::EventConsumer {
 public:
  ActivityWatch(const ingest::InputSet& logs, const std::set<std::string>& attackers,
                const std::set<std::pair<uint32_t, uint64_t>>& cited,
                const std::vector<WatchedUrl>& watched, bool full, const leak::Config& leak_config,
                report::TimelineWriter& timeline, ActivityPass& out)
      : logs_(logs),
        attackers_(attackers.begin(), attackers.end()),
        cited_(cited),
        full_(full),
        channels_(leak_config),
        timeline_(timeline),
        out_(out) {
    for (const WatchedUrl& w : watched) watched_.insert(w.url);
  }

  // Runs on one thread for every picked line: looks up by view and reuses
  // its strings rather than allocating per line.
  void ordered(const ingest::Batch& batch) override {
    for (const ingest::Event& e : batch.events) {
      if (!cited_.empty() && cited_.count({e.file_index, e.line}))
        out_.cited_lines[{e.file_index, e.line}] = capped(e.raw, 2048);
      const bool web = e.kind == ingest::LogKind::web_access;
      const bool attacker = !e.client_ip.empty() && attackers_.contains(e.client_ip);
      const bool watched = web && watched_.contains(e.path);
      if (attacker) count(e, web);
      if (full_ || attacker || watched || !web) add_row(e, attacker, watched);
      follow_channels(e, web && (attacker || watched));
    }
  }

  leak::Channels finish_channels() { return std::move(channels_).finish(); }

 private:
  // Only the attackers' and the watched files' requests can show data
  // leaving; the mail log shows whether the server sent spam.
  void follow_channels(const ingest::Event& e, bool request_of_interest) {
    if (request_of_interest) {
      if (auto r = leak::web_request(e)) channels_.observe(*r);
    } else if (e.kind == ingest::LogKind::mail) {
      if (auto m = leak::mail_event(e)) channels_.observe(*m);
    }
  }

  void count(const ingest::Event& e, bool web) {
    auto client = out_.clients.find(e.client_ip);
    if (client == out_.clients.end())
      client = out_.clients.emplace(std::string(e.client_ip), ClientActivity{}).first;
    ClientActivity& c = client->second;
    if (web) {
      ++c.requests;
      if (e.bytes_sent > 0) c.bytes_sent += static_cast<uint64_t>(e.bytes_sent);
      if (!e.user_agent.empty()) {
        const std::string_view ua = e.user_agent.substr(0, 512);
        if (auto it = c.user_agents.find(ua); it != c.user_agents.end())
          ++it->second;
        else if (c.user_agents.size() < kMaxUserAgents)
          c.user_agents.emplace(std::string(ua), 1);
      }
      const std::string_view path = e.path.substr(0, 1024);
      if (c.paths.size() < kMaxPaths && !c.paths.contains(path)) c.paths.emplace(path);
      if (e.has_time()) ++c.hourly[hour_of(e.time)];
    } else if (e.kind == ingest::LogKind::auth) {
      if (auth_failure(e)) ++c.auth_failures;
      if (e.outcome == "success") ++c.auth_successes;
    }
    if (e.has_time()) {
      if (c.first == kNoTime || e.time < c.first) {
        c.first = e.time;
        set_cite(c.first_cite, logs_, e);
      }
      if (c.last == kNoTime || e.time >= c.last) {
        c.last = e.time;
        set_cite(c.last_cite, logs_, e);
      }
    }
  }

  void add_row(const ingest::Event& e, bool attacker, bool watched) {
    report::TimelineEvent& row = row_;  // its strings keep their memory from row to row
    row.time = e.time;
    row.utc_offset_s = e.utc_offset_s;
    row.source.assign(source_name(e.kind));
    set_cite(row.cite, logs_, e);
    row.client_ip.assign(e.client_ip);
    row.user.assign(e.user);
    row.status = e.status;
    row.message.clear();
    if (e.kind == ingest::LogKind::web_access) {
      row.timestamp_desc.assign("Request time");
      row.path.assign(e.path.substr(0, 1024));
      std::string& m = row.message;
      m.append(e.method).append(" ");
      append_target(m, e);
      m.append(" ").append(std::to_string(e.status));
      if (!e.client_ip.empty()) m.append(" from ").append(e.client_ip);
      if (!e.user_agent.empty()) m.append(" \"").append(e.user_agent).append("\"");
      if (m.size() > kMaxMessage) m.resize(kMaxMessage);
    } else {
      row.timestamp_desc.assign(e.kind == ingest::LogKind::shell_history ? "Command time"
                                                                         : "Log time");
      row.path.clear();
      row.message.assign(e.raw.substr(0, kMaxMessage));
    }
    row.tag.assign(attacker ? "attacker" : watched ? "flagged-file" : "");
    timeline_.add(row);
    ++out_.timeline_rows;
  }

  const ingest::InputSet& logs_;
  const std::set<std::string, std::less<>> attackers_;
  const std::set<std::pair<uint32_t, uint64_t>>& cited_;
  std::set<std::string, std::less<>> watched_;
  bool full_;
  report::TimelineEvent row_;
  leak::ChannelTracker channels_;
  report::TimelineWriter& timeline_;
  ActivityPass& out_;
};

}  // namespace

HuntPass hunt_pass(const ingest::InputSet& logs, const LogOptions& options,
                   const std::vector<WatchedUrl>& watched) {
  HuntPass out;
  detect::HuntOptions ho;
  ho.threads = options.ingest.threads;
  ho.detectors = options.detectors;
  ho.max_clients = options.max_clients;
  detect::Hunt hunt(*options.rules, ho);
  HuntAndWatch consumer(hunt, logs, watched, out);
  out.ingest = ingest::ingest(logs, options.ingest, consumer);
  out.findings = hunt.finish();
  out.limits = hunt.limits();
  return out;
}

ActivityPass activity_pass(const ingest::InputSet& logs, const LogOptions& options,
                           const std::set<std::string>& attackers,
                           const std::set<std::pair<uint32_t, uint64_t>>& cited,
                           const std::vector<WatchedUrl>& watched, bool full_timeline,
                           const leak::Config& leak_config, report::TimelineWriter& timeline) {
  ActivityPass out;
  ActivityWatch consumer(logs, attackers, cited, watched, full_timeline, leak_config, timeline,
                         out);
  // Only the attackers', the watched files' and the cited lines are parsed.
  std::vector<std::string> needles(attackers.begin(), attackers.end());
  bool every_line = full_timeline;
  for (const WatchedUrl& w : watched) {
    const std::string name = w.url.substr(w.url.rfind('/') + 1);
    every_line = every_line || name.empty();
    needles.push_back(name);
  }
  ActivityLines lines(needles, cited);
  ingest::IngestOptions io = options.ingest;
  if (!every_line && lines.usable()) io.selector = &lines;
  ingest::ingest(logs, io, consumer);
  out.channels = consumer.finish_channels();
  return out;
}

}  // namespace shodo::investigate

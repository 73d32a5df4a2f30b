// The log part of an investigation, in two passes over the logs. The first
// hunts (rules and detectors) and watches the URLs of files the webroot
// analyses flagged: who requested them, and which request came just before
// each file was written (its upload). The second, once the attackers are
// known, measures their activity and writes the timeline.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "detect/detect.h"
#include "ingest/ingest.h"
#include "investigate/investigation.h"
#include "leak/leak.h"
#include "report/timeline_writer.h"

namespace shodo::investigate {

// A file whose requests matter (a webshell, a dump, a changed page).
struct WatchedUrl {
  std::string url;             // URL path: /uploads/img/cache.php
  TimeUs file_time = kNoTime;  // when the file was written (birth, else modification)
  // Its modification time too: a collected copy (cp -a, tar) keeps the
  // modification time but gets a new birth time.
  TimeUs mtime = kNoTime;
};

struct Request {
  std::string ip, method, target, user_agent;
  int32_t status = -1;
  int64_t bytes = -1;
  TimeUs time = kNoTime;
  Citation cite;
};

struct WatchedActivity {
  std::vector<Request> requests;  // in log order, capped
  uint64_t total = 0;             // all requests, also beyond the cap
  Request upload;                 // the last POST at most a minute before the file time
  bool has_upload = false;
};

struct HuntPass {
  ingest::IngestResult ingest;
  std::vector<detect::Finding> findings;
  std::vector<WatchedActivity> watched;  // parallel to the watched URLs
  std::map<TimeUs, uint64_t> hourly;     // web requests per hour (start of hour, UTC)
  std::vector<std::string> limits;       // the detectors' limits reached
};

struct LogOptions {
  ingest::IngestOptions ingest;
  const detect::RuleSet* rules = nullptr;
  bool detectors = true;
  size_t max_clients = 1'000'000;  // detect::HuntOptions::max_clients
};

HuntPass hunt_pass(const ingest::InputSet& logs, const LogOptions& options,
                   const std::vector<WatchedUrl>& watched);

struct ClientActivity {
  uint64_t requests = 0, bytes_sent = 0, auth_failures = 0, auth_successes = 0;
  TimeUs first = kNoTime, last = kNoTime;
  Citation first_cite, last_cite;
  std::map<std::string, uint64_t, std::less<>> user_agents;  // capped at 32 distinct
  std::map<TimeUs, uint64_t> hourly;
  std::set<std::string, std::less<>> paths;  // request paths, capped at 2,000 distinct
};

struct ActivityPass {
  std::map<std::string, ClientActivity, std::less<>> clients;  // the attackers'
  // Raw lines of the events the findings cite, by "file index:line".
  std::map<std::pair<uint32_t, uint64_t>, std::string> cited_lines;
  uint64_t timeline_rows = 0;
  // The ways data may have left, from the attackers' and the watched files'
  // requests and every mail-log line.
  leak::Channels channels;
};

// `full_timeline`: every event goes to the timeline, not only the attackers',
// the watched URLs' and the non-web logs'.
ActivityPass activity_pass(const ingest::InputSet& logs, const LogOptions& options,
                           const std::set<std::string>& attackers,
                           const std::set<std::pair<uint32_t, uint64_t>>& cited,
                           const std::vector<WatchedUrl>& watched, bool full_timeline,
                           const leak::Config& leak_config, report::TimelineWriter& timeline);

}  // namespace shodo::investigate

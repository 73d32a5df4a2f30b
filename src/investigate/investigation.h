// The result of `shodo investigate`: everything the outputs are generated
// from (findings.json, timeline, IOC exports, the reports). Produced by the
// investigation pipeline and its correlation step, read by renderers only;
// findings.json is this structure serialized (docs/findings-json.md), and
// reading it back gives the same structure, so every output can be rebuilt
// from the case data alone.
//
// Times are microseconds since the Unix epoch, UTC (kNoTime when unknown);
// the display zone is the case's. Every string that came from the evidence
// (paths, user agents, excerpts, user names) is raw and possibly hostile:
// escape it for the medium it is written to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "obligations/obligations.h"
#include "util/text.h"

namespace shodo::investigate {

using TimeUs = int64_t;
inline constexpr TimeUs kNoTime = INT64_MIN;

// The version of the findings.json layout; bumped on any incompatible change.
inline constexpr int kFindingsSchemaVersion = 1;

// Where in the evidence a statement comes from. For a log line: file and
// line (and byte offset in the decompressed stream). For a file: the file's
// path in its view (webroot, image file system), with inode when known and
// line when the supporting text has one.
struct Citation {
  std::string file;  // host path of a log, or "<view>:<path>" for files in a view
  uint64_t line = 0;
  uint64_t offset = 0;
  uint64_t inode = 0;
  bool empty() const { return file.empty(); }
  bool operator==(const Citation&) const = default;
};

using Text = util::Text;

// ---- The case and its evidence -------------------------------------------------

struct CaseSummary {
  std::string number, title, customer;
  std::string time_zone = "UTC";  // display zone of every time in the reports
  std::string knowledge_date;     // YYYY-MM-DD, 知った日; empty when not set
  std::string examiners;
};

struct EvidenceRecord {
  int64_t item_id = 0;  // the case's evidence item
  std::string source;   // host path as given
  std::string kind;     // file, archive, tree, raw-image, e01, ...
  // What shodo found in it: logs, webroot, system (a collected / or /etc tree),
  // disk-image, baseline (known-good release), other.
  std::string role;
  uint64_t size = 0;
  std::string sha256, sha1, md5;  // at acquisition
  // The source's SHA-256 measured again after the analyses; `unchanged` is
  // whether it equals the acquisition value (evidence never modified).
  std::string sha256_after;
  bool unchanged = true;
};

// One log file read (or one file system of an image).
struct SourceStats {
  std::string file;    // host path or "<image>:<path>"
  std::string format;  // combined, syslog, ... ; "" when unknown
  std::string kind;    // web_access, auth, syslog, mail, shell_history, ...
  uint64_t lines = 0, events = 0, bad_lines = 0;
  TimeUs first = kNoTime, last = kNoTime;
  std::string error;  // why it could not be read (fully)
};

// A disk image given as evidence (for the disk investigation report).
struct DiskImageRecord {
  std::string source;       // host path
  std::string format;       // raw, split-raw, e01
  uint64_t media_size = 0;  // bytes
  std::string partition_table;
  struct FileSystem {
    std::string description;  // e.g. "partition 1 (ext4, 512 MiB at sector 2048)"
    std::string fs_type;
    uint64_t files = 0;
    std::string problem;  // why it could not be read; empty when fine
  };
  std::vector<FileSystem> file_systems;
};

// ---- Findings ------------------------------------------------------------------

enum class Level : uint8_t { informational, low, medium, high, critical };

// One finding, from a log rule/detector or from a file scan/triage/diff.
struct FindingRecord {
  std::string id;      // "F0001"…, stable for the same evidence (time, then source order)
  std::string origin;  // log, scan, triage, diff
  std::string rule;    // Sigma id, shodo.<detector>, yara.<rule>, shodo.scan.<heuristic>
  Text title;
  Level level = Level::medium;
  std::vector<std::string> techniques;  // ATT&CK ids: T1190, T1110.001
  TimeUs time = kNoTime, last_time = kNoTime;
  int32_t utc_offset_s = 0;  // the offset the source wrote (or assumed)
  // unknown, blocked, failed, attempted, likely-success, success
  std::string outcome = "unknown";
  std::string outcome_reason;
  std::string client_ip, user;
  std::string method, path;  // web request, when there is one
  int32_t status = -1;
  int64_t bytes = -1;
  uint64_t count = 1;  // events summarized
  Citation source;
  std::string excerpt;  // the supporting text, short, raw
  Text detail;          // what was seen, in words
  std::string sha256;   // files: content hash
};

// ---- Correlation ---------------------------------------------------------------

struct Attacker {
  std::string ip;
  TimeUs first_seen = kNoTime, last_seen = kNoTime;
  Citation first_cite, last_cite;
  uint64_t requests = 0;    // web requests from this address
  uint64_t bytes_sent = 0;  // response bytes sent to it
  uint64_t auth_failures = 0, auth_successes = 0;
  std::vector<std::string> techniques;   // ATT&CK ids, sorted
  std::vector<std::string> tools;        // "Nikto", "sqlmap", ... from user agents and payloads
  std::vector<std::string> user_agents;  // most frequent first, capped
  Text role;                             // "scanner, SQL injection", in words
  // The best outcome of its attacks: success > likely-success > attempted > ...
  std::string outcome = "unknown";
  std::vector<std::string> files_touched;  // webroot files it requested or created
  std::vector<std::string> finding_ids;
  Level level = Level::medium;  // the highest of its findings
};

struct Webshell {
  std::string path;  // path in the webroot view, e.g. /var/www/html/uploads/img/cache.php
  std::string url;   // URL path, e.g. /uploads/img/cache.php
  std::string sha256;
  TimeUs file_time = kNoTime;   // birth time when known, else modification time
  TimeUs first_seen = kNoTime;  // earliest of file time, upload, first use
  std::string uploaded_by;      // client IP of the request that created it; "" when unknown
  TimeUs uploaded_at = kNoTime;
  Citation upload_cite;              // the POST that preceded its file time
  std::vector<std::string> used_by;  // client IPs that requested it (2xx)
  TimeUs first_used = kNoTime, last_used = kNoTime;
  uint64_t uses = 0;
  Citation first_use_cite;
  std::vector<std::string> commands;  // decoded commands seen in requests, capped
  std::vector<std::string> finding_ids;
};

struct WindowPoint {
  TimeUs time = kNoTime;  // kNoTime: not established
  Text what;              // e.g. "Nikto probe from 203.0.113.45"
  Citation cite;
  std::string finding_id;
};
struct IncidentWindow {
  WindowPoint first_malicious, compromise, last_activity;
};

// One step of the attack chain (kill chain order).
struct ChainStep {
  // reconnaissance, initial-access, execution, persistence, privilege-escalation,
  // credential-access, collection, exfiltration, impact
  std::string phase;
  std::vector<std::string> techniques;
  TimeUs time = kNoTime;  // first event of the step
  Text narrative;         // one or two sentences, with who/what/when
  std::vector<std::string> finding_ids;
  Citation cite;
};

struct Verdict {
  // compromised, attacked-not-compromised, no-evidence, inconclusive
  std::string value = "inconclusive";
  std::string confidence = "low";  // high, medium, low
  std::vector<Text> reasons;       // each names its finding ids in finding_ids order
  std::vector<std::vector<std::string>> reason_findings;  // parallel to reasons
  std::vector<Text> missing;                              // evidence gaps
};

struct ChangedFile {
  std::string path;    // view path
  std::string change;  // added, modified, removed
  std::string sha256_before, sha256_after;
  uint64_t size = 0;
  TimeUs mtime = kNoTime;
  // webshell, data-dump, defacement, injected-code, suspicious, benign, unknown
  std::string assessment = "unknown";
  Text note;
  std::vector<std::string> finding_ids;
  std::string diff;  // unified diff excerpt (raw evidence text), may be empty
};

// ---- Leak assessment (情報漏えいの有無と範囲) -------------------------------------

// One way data left (or may have left): an SQL injection that read rows, a
// download of a dump, a webshell command, a skimmer, spam sent from the site.
struct LeakChannel {
  // sql-injection, download, webshell, skimmer, mail
  std::string kind;
  std::string actor;  // client IP (or the sending user for mail); "" when unknown
  // confirmed (the evidence shows data returned or taken), likely, possible
  std::string status = "possible";
  Text summary;  // what went out through it, in words
  TimeUs start = kNoTime, end = kNoTime;
  // What was reached: "customers(name,email,card_number)", a file path, ...
  std::vector<std::string> targets;
  uint64_t records = 0;                 // rows extracted, rows in the file taken; 0 when unknown
  uint64_t bytes = 0;                   // bytes sent to the actor through it; 0 when unknown
  std::vector<std::string> data_items;  // pii item names (card_number, email, ...)
  std::vector<Citation> cites;          // the requests/lines that show it
  std::vector<std::string> finding_ids;
  bool operator==(const LeakChannel&) const = default;
};

// One kind of personal data found in what was exposed.
struct LeakDataItem {
  std::string item;  // card_number, email, phone, postal_code, address, my_number, ...
  Text name;
  uint64_t values = 0, distinct = 0;
  std::vector<std::string> where;     // files / tables holding it
  std::vector<std::string> examples;  // masked, never a full value
  Citation cite;                      // first occurrence
  bool operator==(const LeakDataItem&) const = default;
};

struct PersonsEstimate {
  uint64_t min = 0, max = 0;
  Text method;  // how it was computed
  bool operator==(const PersonsEstimate&) const = default;
};

struct CardData {
  uint64_t full = 0;                // distinct full card numbers
  uint64_t masked = 0;              // masked forms (not card data in the sense of category 2)
  uint64_t test = 0;                // brand test numbers among the full ones
  std::vector<std::string> brands;  // "Visa: 120", ...
  bool operator==(const CardData&) const = default;
};

struct LeakAssessment {
  // confirmed, likely, possible, not-supported (by the evidence)
  std::string verdict = "not-supported";
  Text summary;
  std::vector<Text> reasons;  // why the verdict, each with its citations in words
  std::vector<LeakChannel> channels;
  std::vector<LeakDataItem> data_items;
  PersonsEstimate persons;
  CardData card_data;
  bool sensitive_data = false;  // special care-required information (要配慮個人情報)
  bool public_body = false;     // the organisation is a public body (行政機関等)
  TimeUs period_start = kNoTime, period_end = kNoTime;
  std::vector<Text> to_narrow;  // what evidence would narrow the estimate
  obligations::Assessment appi;
  bool operator==(const LeakAssessment&) const = default;
};

// Something to do now (暫定策) or next, derived from the findings.
struct Action {
  std::string priority;  // now, today, this-week
  Text text;
  std::vector<std::string> finding_ids;
};

// An indicator for the IOC exports. Only `validated` ones are exported as
// STIX indicators / MISP to_ids attributes; the rest as observables.
struct Indicator {
  // ipv4-addr, ipv6-addr, user-agent, file-sha256, file-path, url
  std::string type;
  std::string value;
  bool validated = false;  // seen succeeding, or confirmed by several sources
  Text description;
  TimeUs first_seen = kNoTime, last_seen = kNoTime;
  std::vector<std::string> finding_ids;
};

// Web requests per hour, for the activity chart.
struct HourBucket {
  TimeUs hour = 0;  // start of the hour, UTC
  uint64_t requests = 0;
  uint64_t attack_requests = 0;  // from attacker addresses
};

// A row of the timeline excerpt shown in the reports (the full timeline is
// written to timeline.csv / timeline.jsonl, not held here).
struct TimelineRow {
  TimeUs time = kNoTime;
  std::string timestamp_desc;  // Timesketch: "Request time", "Content Modification Time", ...
  std::string source;          // web, auth, syslog, mail, shell, fs
  Text message;
  Citation cite;
  std::string finding_id;
};

struct Investigation {
  int schema_version = kFindingsSchemaVersion;
  std::string tool;          // "shodo 0.1.0"
  std::string generated_at;  // UTC, ISO 8601; the only field that differs between re-runs
  CaseSummary case_info;

  Verdict verdict;
  IncidentWindow window;
  std::vector<ChainStep> chain;
  std::vector<Attacker> attackers;  // most significant first
  std::vector<Webshell> webshells;
  std::vector<FindingRecord> findings;  // time order; ids F0001...
  std::vector<ChangedFile> changed_files;
  LeakAssessment leak;
  std::vector<Action> measures;    // 暫定策: what to do now
  std::vector<Action> next_steps;  // 今後の対応, with milestones
  std::vector<Indicator> indicators;
  std::vector<EvidenceRecord> evidence;
  std::vector<SourceStats> stats;
  std::vector<DiskImageRecord> images;
  std::vector<HourBucket> hourly;
  std::vector<TimelineRow> timeline_excerpt;
  std::vector<Text> limitations;  // what this investigation could not see or do
  uint64_t files_scanned = 0;     // webroot / system files examined
};

inline std::string_view level_name(Level l) {
  static constexpr std::string_view kNames[] = {"informational", "low", "medium", "high",
                                                "critical"};
  return kNames[static_cast<size_t>(l)];
}
inline bool parse_level(std::string_view s, Level& out) {
  for (int i = 0; i <= static_cast<int>(Level::critical); ++i)
    if (level_name(static_cast<Level>(i)) == s) {
      out = static_cast<Level>(i);
      return true;
    }
  return false;
}

}  // namespace shodo::investigate

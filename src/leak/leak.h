// Public API of the leak component: through which channels personal data may
// have left the site, reconstructed from log events. Four channels:
//   - SQL injection: the injected SQL decoded, what it asked for (databases,
//     tables, columns, row ranges) and whether the responses looked like data;
//   - downloads of dumps, backups, exports, logs and configuration files;
//   - commands run through a webshell, with the files they read or create;
//   - mail: whether the server itself sent a burst of mail (spam) or not.
// Events are fed one by one to a ChannelTracker (per thread, then merged);
// the results are plain data with citations, for the investigation to join
// with file changes and to report.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "ingest/event.h"
#include "util/text.h"

namespace shodo::leak {

// Where in the evidence: the ingest run's file index, 1-based line, offset.
using Cite = detect::Citation;
using TimeUs = ingest::TimeUs;

// ---- SQL payloads -------------------------------------------------------

// Rows [first, first + count) of a query's result (LIMIT first,count).
struct RowRange {
  uint64_t first = 0;
  uint64_t count = 0;
  bool operator==(const RowRange&) const = default;
};

// A data table one injected query reads (catalog tables are not data).
struct TableRead {
  std::string database;  // "shop" of shop.customers; empty when not written
  std::string table;
  std::vector<std::string> columns;  // as written, "*" for all
  std::optional<RowRange> rows;      // nullopt: no limit, every row matched
};

struct SqlPayload {
  bool injected = false;
  std::string parameter;  // query parameter name, "(path)", or "" for a bare value
  // "union", "error", "boolean", "time", "stacked", "order-by" (column count)
  std::vector<std::string> techniques;
  std::vector<TableRead> reads;
  std::vector<std::string> tables;     // every table named: read or asked about
  std::vector<std::string> databases;  // qualifiers and table_schema filters
  bool schema_enumeration = false;     // information_schema, pg_catalog, sqlite_master...
  // A comparison of constants (AND 1=1 is true, AND 1=2 false): which page
  // the application shows for a true and for a false condition.
  std::optional<bool> condition;
  // Per-character probes, ORD(MID((SELECT ...),n,1))>64 and the like.
  bool inference = false;
  uint32_t char_position = 0;  // n of MID(...,n,1); 0 when not written
  double delay_s = 0;          // time-based: the delay asked for, 0 when unknown
  std::string decoded;         // the normalized SQL (bounded)
  bool truncated = false;      // the input was longer than what is analyzed
};

// The cheap test run before any decoding: false when `text` holds no byte an
// injection needs (quote, parenthesis, comment or whitespace, encoded or not),
// then analyze_sql would find nothing. No allocation.
bool may_hold_sql(std::string_view text);

// Decodes (URL layer, then SQL: comments, 0x hex strings, CHAR()/CHR(),
// CONCAT of constants, case, whitespace variants) and analyzes every
// parameter of a request target "path?query" or of a form body "a=1&b=2";
// returns the first injected one (or the last analyzed when none is).
SqlPayload analyze_sql(std::string_view request_target_or_body);

// ---- Events fed to the tracker -------------------------------------------

struct WebRequest {
  TimeUs time = ingest::kNoTime;
  std::string_view ip, method, target;  // target: path?query as sent
  int status = -1;
  int64_t bytes = -1;        // response body bytes; -1 when not logged
  int64_t duration_us = -1;  // -1 when the log has no durations
  Cite cite;
};

struct MailEvent {
  TimeUs time = ingest::kNoTime;
  std::string_view queue_id;
  std::string_view action;  // ingest's event.action: mail-submitted, mail-delivered...
  std::string_view process, from, to;
  std::string_view uid;     // local submitter (Postfix pickup's uid=)
  std::string_view client;  // SMTP client of a received message
  std::string_view relay;   // next hop of a delivery ("local" for mailboxes)
  Cite cite;
};

// Views into `ev`, valid while it is. nullopt for events of other kinds.
std::optional<WebRequest> web_request(const ingest::Event& ev);
std::optional<MailEvent> mail_event(const ingest::Event& ev);

// ---- Results -------------------------------------------------------------

struct TableExposure {
  std::string database, table;
  std::vector<std::string> columns;
  std::vector<RowRange> row_ranges;  // merged, ascending (at most 100 shown)
  uint64_t rows_addressed = 0;       // distinct rows in the ranges
  uint64_t rows_likely_extracted = 0;
  uint64_t requests = 0;
  uint64_t whole_table_reads = 0;  // queries without a row limit
  uint64_t whole_table_reads_with_data = 0;
  uint64_t inference_probes = 0;  // per-character boolean/time probes on the table
  util::Text basis;               // how rows_likely_extracted was decided
};

// One attacker's injection into one parameter of one path.
struct SqlInjection {
  std::string ip, path, parameter;
  std::vector<std::string> techniques, databases, tables_named;
  bool schema_enumeration = false;
  std::vector<TableExposure> tables;  // data tables read
  uint64_t requests = 0;              // injected requests
  uint64_t true_probes = 0, false_probes = 0, inference_probes = 0;
  uint64_t time_probes = 0, slow_responses = 0;
  bool durations_known = false;        // the log has response durations
  std::vector<int64_t> no_data_sizes;  // error and false-condition page sizes seen
  TimeUs first_time = ingest::kNoTime, last_time = ingest::kNoTime;
  Cite first, last;
  std::vector<Cite> examples;  // the earliest injected requests
  uint64_t dropped = 0;        // names or probes over the bounds, not analyzed
  util::Text how_computed;
};

struct Download {
  TimeUs time = ingest::kNoTime;
  std::string ip, method, path;
  // "database-dump", "backup", "archive", "export", "log", "config"
  std::string kind;
  int status = -1;
  int64_t bytes = -1;
  std::optional<uint64_t> file_size;  // the webroot file's size, when known
  bool matches_file = false;          // bytes == file_size
  bool complete = false;              // 200 and not shorter than the file
  Cite cite;
};

struct FileUse {
  std::string path;      // as written in the command
  std::string url_path;  // resolved against the webshell's folder (and cd)
  std::string role;      // "read", "create", "append", "modify", "delete"
};

struct WebshellCommand {
  TimeUs time = ingest::kNoTime;
  std::string ip, webshell, parameter;
  std::string command;  // the parameter's value, decoded
  bool base64 = false;  // the value was base64 of the command
  std::vector<std::string> programs;
  std::vector<FileUse> files;
  std::vector<std::string> urls;  // fetched by wget/curl
  int status = -1;
  int64_t bytes = -1;
  Cite cite;
};

struct MailSender {
  std::string sender;     // "uid 33 (www-data)", a user name, or "smtp client 192.0.2.7"
  bool web_user = false;  // the web server's account (www-data, apache, nginx, uid 33/48)
  uint64_t messages = 0;  // distinct queue ids
  uint64_t deliveries = 0, bounced = 0, deferred = 0;  // outbound attempts
  uint64_t distinct_recipients = 0;
  uint64_t new_recipients_in_peak = 0;  // not seen from this sender before the peak hour
  TimeUs peak_hour = ingest::kNoTime;
  uint64_t peak_deliveries = 0;
  double baseline_per_hour = 0;  // median before the peak hour, empty hours included
  bool anomalous = false;
  Cite peak_first, peak_last;
  std::vector<std::pair<TimeUs, uint64_t>> hourly;  // outbound attempts per hour
};

struct MailAssessment {
  std::string verdict;  // "server-sent-spam", "no-outbound-anomaly", "no-mail-log"
  util::Text reason;
  uint64_t events = 0, messages = 0, deliveries = 0;
  uint64_t dropped = 0;             // deliveries over the bound, not counted
  std::vector<MailSender> senders;  // most deliveries first
  std::vector<Cite> citations;      // first and last line of each anomalous peak
};

struct Channels {
  std::vector<SqlInjection> sql_injection;         // by ip, path, parameter
  std::vector<Download> downloads;                 // by time
  std::vector<WebshellCommand> webshell_commands;  // by time
  uint64_t downloads_dropped = 0, webshell_commands_dropped = 0;
  MailAssessment mail;
};

struct Config {
  // URL paths of the webshells found ("/uploads/img/cache.php").
  std::vector<std::string> webshell_urls;
  // Size of the webroot file served at a URL path; called in finish().
  std::function<std::optional<uint64_t>(std::string_view url_path)> file_size;
  size_t max_examples = 5;
  size_t max_names = 64;         // distinct tables, columns, databases per injection
  size_t max_probes = 1u << 20;  // injected requests kept for the row analysis
  size_t max_records = 10000;    // downloads, webshell commands
  size_t max_mail_deliveries = 1u << 20;
};

// Not thread-safe: one per thread, then merge(). Every result is independent
// of how events were split among trackers and of the merge order, as long as
// no bound was reached (what is kept then is the earliest by time).
class ChannelTracker {
 public:
  explicit ChannelTracker(Config config);
  ~ChannelTracker();
  ChannelTracker(ChannelTracker&&) noexcept;
  ChannelTracker& operator=(ChannelTracker&&) noexcept;

  void observe(const WebRequest& request);
  void observe(const MailEvent& event);
  void merge(ChannelTracker&& other);
  Channels finish() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace shodo::leak

// Feeding log lines to a LineParser with the context the pipeline would give
// it: the shared harness of the format tests.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/formats/registry.h"

namespace shodo::testing {

// A file as a parser sees it. `tz` names its zone ("" for none); `path` and
// `mtime_s` are what the FileContext reports.
class TestFile {
 public:
  explicit TestFile(std::string_view tz = "UTC", std::string_view path = {}, int64_t mtime_s = 0);
  TestFile(const TestFile&) = delete;
  TestFile& operator=(const TestFile&) = delete;

  const ingest::FileContext& context() const { return file_; }
  const ingest::Zone* zone() const { return zone_.get(); }

 private:
  std::shared_ptr<const ingest::Zone> zone_;
  std::string path_;
  ingest::FileContext file_;
};

// What an event must say, written with designated initializers in this
// order; only the fields given are checked ("" for a text field that must be
// empty). The "= {}" keep -Wmissing-field-initializers quiet.
struct Want {
  std::optional<ingest::LogKind> kind = {};
  std::optional<std::string_view> time = {};  // as LineHarness::time() writes it
  std::optional<int32_t> utc_offset_s = {};
  std::optional<std::string_view> process = {};
  std::optional<int64_t> pid = {};
  std::optional<std::string_view> action = {}, outcome = {}, user = {}, target_user = {};
  std::optional<std::string_view> command = {};
  std::optional<std::string_view> client_ip = {};
  std::optional<int32_t> client_port = {};
  std::optional<std::string_view> server_ip = {};
  std::optional<int32_t> server_port = {};
  std::optional<std::string_view> mail_id = {}, mail_from = {}, mail_to = {};
  std::optional<int64_t> duration_us = {};
  std::optional<std::string_view> message = {};
  // Extra fields by name, as LineHarness::extra() finds them.
  std::vector<std::pair<std::string_view, std::string_view>> extra = {};
};

// One event, context and arena, reused line after line as the pipeline does.
class LineHarness {
 public:
  explicit LineHarness(std::string_view tz = "UTC", std::string_view path = {},
                       int64_t mtime_s = 0);
  LineHarness(const LineHarness&) = delete;
  LineHarness& operator=(const LineHarness&) = delete;

  // Parses one line: the event cleared and numbered, its raw text and kind
  // set, the last error forgotten. `line` must outlive the event.
  ingest::LineResult feed(ingest::LineParser& parser, std::string_view line,
                          ingest::LogKind kind = ingest::LogKind::web_access);

  // Why the last line was bad.
  std::string_view error() const { return ctx.error; }
  // Any field by ECS name, alias or extra name; "<absent>" when not set.
  std::string get(std::string_view name) const;
  // An extra field by the name the source gave it; "<absent>" when not set.
  std::string extra(std::string_view name) const;
  // The event's time as format_utc writes it; "<none>" when it has none.
  std::string time() const;
  // Checks the event against `want`, naming the field and line on failure.
  void expect(const Want& want) const;

  ingest::Event ev;
  ingest::Arena arena;
  ingest::ParseContext ctx;

 private:
  TestFile file_;
  uint64_t line_no_ = 0;
};

// A harness with a parser of its own, as for one file.
class ParserHarness : public LineHarness {
 public:
  // A preset by name, fed as the kind it is registered with.
  explicit ParserHarness(std::string_view preset, std::string_view tz = "UTC",
                         std::string_view path = {}, int64_t mtime_s = 0);
  // Any parser, fed as `kind`.
  explicit ParserHarness(std::unique_ptr<ingest::LineParser> parser,
                         ingest::LogKind kind = ingest::LogKind::web_access,
                         std::string_view tz = "UTC");

  using LineHarness::feed;
  // Parses `prefix` + `line` with the harness's parser.
  ingest::LineResult feed(std::string_view line);
  // The same for a line that must give an event; returns it. Failures name
  // the caller's line (builtins, not std::source_location: the clang 14 of
  // the sanitizer build has no std::source_location).
  const ingest::Event& parse(std::string_view line, const char* file = __builtin_FILE(),
                             int at = __builtin_LINE());
  // parse(line), then expect(want).
  void check(std::string_view line, const Want& want, const char* file = __builtin_FILE(),
             int at = __builtin_LINE());

  std::unique_ptr<ingest::LineParser> parser;
  ingest::LogKind kind = ingest::LogKind::web_access;
  // Put before every line fed through feed(line), e.g. a syslog header.
  std::string prefix;

 private:
  std::string line_;  // prefix + line, while the event points into it
};

// Parsers; each failure is reported with its reason.
std::unique_ptr<ingest::LineParser> preset(std::string_view name);
std::unique_ptr<ingest::LineParser> apache_format(std::string_view log_format);
std::unique_ptr<ingest::LineParser> nginx_format(std::string_view log_format);
std::unique_ptr<ingest::LineParser> field_map(std::string_view map_file);

// detect_format on `sample` as the first lines of a file.
ingest::Detection detect(const std::vector<std::string_view>& sample, std::string_view path = {},
                         int64_t mtime_s = 0, std::string_view tz = "UTC");

// A UTC civil time in microseconds since the epoch.
ingest::TimeUs utc(int y, int mo, int d, int h, int mi, int s);

// Feeds every cut of each seed, then `rounds` copies of it with three bytes
// replaced at random (the arena reset after each): no line may crash.
void feed_cut_and_mutated(ParserHarness& h, const std::vector<std::string>& seeds,
                          std::mt19937& rng, int rounds = 300);

}  // namespace shodo::testing

#include "support/line_harness.h"

#include <gtest/gtest.h>

#include <utility>

#include "ingest/event_json.h"
#include "ingest/time/civil.h"

namespace shodo::testing {

using ingest::Event;
using ingest::LineParser;
using ingest::LineResult;
using ingest::LogKind;

TestFile::TestFile(std::string_view tz, std::string_view path, int64_t mtime_s) : path_(path) {
  if (!tz.empty()) {
    std::string err;
    zone_ = ingest::Zone::locate(tz, err);
    EXPECT_TRUE(zone_) << tz << ": " << err;
  }
  file_.path = path_;
  file_.mtime_s = mtime_s;
  file_.zone = zone_.get();
}

LineHarness::LineHarness(std::string_view tz, std::string_view path, int64_t mtime_s)
    : file_(tz, path, mtime_s) {
  ctx.file = &file_.context();
  ctx.arena = &arena;
  if (file_.zone()) ctx.zone.set_zone(file_.zone());
}

LineResult LineHarness::feed(LineParser& parser, std::string_view line, LogKind kind) {
  ev.clear();
  ev.line = ++line_no_;
  ev.raw = line;
  ev.kind = kind;
  ctx.error = {};
  return parser.parse(line, ev, ctx);
}

std::string LineHarness::get(std::string_view name) const {
  std::string scratch;
  const auto v = ev.get(name, scratch);
  return v ? std::string(*v) : std::string("<absent>");
}

std::string LineHarness::extra(std::string_view name) const {
  for (const auto& [k, v] : ev.extra)
    if (k == name) return std::string(v);
  return "<absent>";
}

std::string LineHarness::time() const {
  return ev.has_time() ? ingest::format_utc(ev.time) : "<none>";
}

void LineHarness::expect(const Want& want) const {
  auto field = [&](const auto& wanted, const auto& got, std::string_view name) {
    if (wanted) {
      EXPECT_EQ(got, *wanted) << name << " of: " << ev.raw;
    }
  };
  field(want.kind, ev.kind, "kind");
  field(want.time, time(), "@timestamp");
  field(want.utc_offset_s, ev.utc_offset_s, "UTC offset");
  field(want.process, ev.process, "process.name");
  field(want.pid, ev.pid, "process.pid");
  field(want.action, ev.action, "event.action");
  field(want.outcome, ev.outcome, "event.outcome");
  field(want.user, ev.user, "user.name");
  field(want.target_user, ev.target_user, "user.target.name");
  field(want.command, ev.command, "process.command_line");
  field(want.client_ip, ev.client_ip, "source.ip");
  field(want.client_port, ev.client_port, "source.port");
  field(want.server_ip, ev.server_ip, "destination.ip");
  field(want.server_port, ev.server_port, "destination.port");
  field(want.mail_id, ev.mail_id, "email.local_id");
  field(want.mail_from, ev.mail_from, "email.from.address");
  field(want.mail_to, ev.mail_to, "email.to.address");
  field(want.duration_us, ev.duration_us, "duration (us)");
  field(want.message, ev.message, "message");
  for (const auto& [name, value] : want.extra)
    EXPECT_EQ(extra(name), value) << name << " of: " << ev.raw;
}

ParserHarness::ParserHarness(std::string_view preset_name, std::string_view tz,
                             std::string_view path, int64_t mtime_s)
    : LineHarness(tz, path, mtime_s), parser(preset(preset_name)) {
  if (const ingest::FormatInfo* f = ingest::FormatRegistry::instance().find(preset_name))
    kind = f->kind;
}

ParserHarness::ParserHarness(std::unique_ptr<LineParser> p, LogKind k, std::string_view tz)
    : LineHarness(tz), parser(std::move(p)), kind(k) {}

LineResult ParserHarness::feed(std::string_view line) {
  if (prefix.empty()) return feed(*parser, line, kind);
  line_ = prefix;
  line_ += line;
  return feed(*parser, line_, kind);
}

namespace {
// Failures inside a helper also name the test line that called it.
::testing::ScopedTrace caller(const char* file, int at) {
  return ::testing::ScopedTrace(file, at, "called here");
}
}  // namespace

const Event& ParserHarness::parse(std::string_view line, const char* file, int at) {
  const auto trace = caller(file, at);
  EXPECT_EQ(feed(line), LineResult::event) << prefix << line << ": " << error();
  return ev;
}

void ParserHarness::check(std::string_view line, const Want& want, const char* file, int at) {
  parse(line, file, at);
  const auto trace = caller(file, at);
  expect(want);
}

std::unique_ptr<LineParser> preset(std::string_view name) {
  const ingest::FormatInfo* f = ingest::FormatRegistry::instance().find(name);
  EXPECT_NE(f, nullptr) << "no preset " << name;
  return f ? f->make() : nullptr;
}

std::unique_ptr<LineParser> apache_format(std::string_view log_format) {
  std::string err;
  auto p = ingest::make_apache_format_parser(log_format, err);
  EXPECT_TRUE(p) << log_format << ": " << err;
  return p;
}

std::unique_ptr<LineParser> nginx_format(std::string_view log_format) {
  std::string err;
  auto p = ingest::make_nginx_format_parser(log_format, err);
  EXPECT_TRUE(p) << log_format << ": " << err;
  return p;
}

std::unique_ptr<LineParser> field_map(std::string_view map_file) {
  std::string err;
  auto p = ingest::make_field_map_parser(map_file, err);
  EXPECT_TRUE(p) << map_file << ": " << err;
  return p;
}

ingest::Detection detect(const std::vector<std::string_view>& sample, std::string_view path,
                         int64_t mtime_s, std::string_view tz) {
  const TestFile file(tz, path, mtime_s);
  return ingest::detect_format(sample, file.context());
}

ingest::TimeUs utc(int y, int mo, int d, int h, int mi, int s) {
  return (ingest::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000000LL;
}

void feed_cut_and_mutated(ParserHarness& h, const std::vector<std::string>& seeds,
                          std::mt19937& rng, int rounds) {
  for (const std::string& seed : seeds) {
    for (size_t cut = 0; cut <= seed.size(); ++cut) h.feed(std::string_view(seed).substr(0, cut));
    for (int i = 0; i < rounds; ++i) {
      std::string s = seed;
      for (int k = 0; k < 3; ++k) s[rng() % s.size()] = static_cast<char>(rng() % 256);
      h.feed(s);
      h.arena.reset();
    }
  }
}

}  // namespace shodo::testing

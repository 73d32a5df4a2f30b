// Runs every tests/data/ingest/**/*.test case through the whole ingest path
// (see tests/data/ingest/README.md for the case format).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/event_json.h"
#include "ingest/ingest.h"
#include "ingest/time/civil.h"
#include "support/temp_dir.h"

namespace shodo::ingest {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string file;
  std::map<std::string, std::string> header;
  std::string input;
  std::vector<std::string> expect;
};

Case load_case(const fs::path& path) {
  Case c;
  c.file = path.string();
  std::ifstream in(path, std::ios::binary);
  std::string line;
  enum { head, input, expect } part = head;
  while (std::getline(in, line)) {
    if (line == "--- input") {
      part = input;
      continue;
    }
    if (line == "--- expect") {
      part = expect;
      continue;
    }
    switch (part) {
      case head: {
        if (line.empty() || line[0] == '#') break;
        auto colon = line.find(':');
        if (colon == std::string::npos) break;
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        c.header[line.substr(0, colon)] = value;
        break;
      }
      case input: c.input += line + "\n"; break;
      case expect:
        if (!line.empty()) c.expect.push_back(line);
        break;
    }
  }
  return c;
}

std::vector<fs::path> all_cases() {
  std::vector<fs::path> out;
  const fs::path root = fs::path(SHODO_TEST_DATA) / "ingest";
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".test") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// What happened to each line.
class Collector : public EventConsumer {
 public:
  void ordered(const Batch& b) override {
    for (const Event& ev : b.events) {
      std::string js;
      append_event_json(js, ev, "");
      results[ev.line] = "event " + js;
    }
    for (const BadLine& bad : b.bad) results[bad.line] = "bad " + bad.reason;
  }
  std::map<uint64_t, std::string> results;
};

TimeUs parse_time_or_die(const std::string& s) {
  CivilTime t;
  size_t n = 0;
  if (!parse_iso8601(s, t, n)) ADD_FAILURE() << "bad time " << s;
  return civil_to_epoch_seconds(t) - t.utc_offset_s.value_or(0);
}

class IngestCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(IngestCase, Matches) {
  const Case c = load_case(GetParam());
  SCOPED_TRACE(c.file);
  shodo::testing::TempDir dir;
  const std::string name = c.header.count("name") ? c.header.at("name") : "input.log";
  const std::string path = dir.write(name, c.input);
  const TimeUs mtime =
      parse_time_or_die(c.header.count("mtime") ? c.header.at("mtime") : "2024-06-01T00:00:00Z");
  struct timespec times[2] = {{mtime, 0}, {mtime, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);

  IngestOptions opt;
  std::string err;
  opt.zone = Zone::locate(c.header.count("tz") ? c.header.at("tz") : "UTC", err);
  ASSERT_TRUE(opt.zone) << err;
  if (c.header.count("format")) opt.log_format = c.header.at("format");
  opt.threads = 2;
  Collector got;
  IngestResult r = ingest(expand_inputs({path}), opt, got);
  ASSERT_TRUE(r.error.empty()) << r.error;
  ASSERT_EQ(r.files.size(), 1u);
  if (c.header.count("detect")) {
    EXPECT_EQ(r.files[0].format, c.header.at("detect")) << r.files[0].error;
  }

  const size_t input_lines = static_cast<size_t>(std::count(c.input.begin(), c.input.end(), '\n'));
  ASSERT_EQ(c.expect.size(), input_lines) << "one expectation per input line";
  for (size_t i = 0; i < c.expect.size(); ++i) {
    const uint64_t line = i + 1;
    const std::string& want = c.expect[i];
    const std::string have = got.results.count(line) ? got.results[line] : "meta";
    SCOPED_TRACE("line " + std::to_string(line) + ": " + have);
    if (want == "meta") {
      EXPECT_EQ(have, "meta");
    } else if (want.starts_with("bad")) {
      ASSERT_TRUE(have.starts_with("bad")) << "expected a bad line";
      const std::string text = want.size() > 4 ? want.substr(4) : "";
      EXPECT_NE(have.find(text), std::string::npos) << "reason should mention: " << text;
    } else if (want.starts_with("event")) {
      ASSERT_TRUE(have.starts_with("event ")) << "expected an event";
      const auto expected = nlohmann::json::parse(want.substr(5));
      const auto actual = nlohmann::json::parse(have.substr(6));
      for (const auto& [k, v] : expected.items()) {
        if (v.is_null()) {
          EXPECT_FALSE(actual.contains(k)) << k << " should be absent";
        } else {
          ASSERT_TRUE(actual.contains(k)) << k << " missing";
          EXPECT_EQ(actual[k], v) << "field " << k;
        }
      }
    } else {
      ADD_FAILURE() << "unknown expectation: " << want;
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string rel = fs::relative(info.param, fs::path(SHODO_TEST_DATA) / "ingest").string();
  rel = rel.substr(0, rel.size() - 5);
  for (char& ch : rel)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return rel;
}

INSTANTIATE_TEST_SUITE_P(Files, IngestCase, ::testing::ValuesIn(all_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(IngestCase);

}  // namespace
}  // namespace shodo::ingest

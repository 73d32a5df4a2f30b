#include "report/timeline_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "support/temp_dir.h"

namespace shodo::report {
namespace {

using investigate::kNoTime;
using investigate::TimeUs;

constexpr TimeUs kS = 1'000'000;
constexpr TimeUs kRecon = 1710000723 * kS;  // 2024-03-09T16:12:03Z

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TimelineEvent event(TimeUs time, std::string message, std::string source = "web") {
  TimelineEvent e;
  e.time = time;
  e.timestamp_desc = "Request time";
  e.source = std::move(source);
  e.message = std::move(message);
  return e;
}

struct Written {
  std::string csv, jsonl, body;
};

Written finish(TimelineWriter& writer) {
  testing::TempDir dir;
  std::string error;
  EXPECT_TRUE(writer.finish((dir.path() / "t.csv").string(), (dir.path() / "t.jsonl").string(),
                            (dir.path() / "t.body").string(), error))
      << error;
  return {read(dir.path() / "t.csv"), read(dir.path() / "t.jsonl"), read(dir.path() / "t.body")};
}

// The message of every JSONL row, in file order.
std::vector<std::string> messages(const std::string& jsonl) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(jsonl))
    out.push_back(nlohmann::json::parse(line).value("message", ""));
  return out;
}

TEST(TimelineWriter, SortsByTimeTiesInOrderUntimedLast) {
  TimelineWriter writer;
  writer.add(event(kNoTime, "no time"));
  writer.add(event(kRecon + 5 * kS, "later"));
  writer.add(event(kRecon, "first of a tie"));
  writer.add(event(kRecon, "second of a tie", "auth"));
  writer.add(event(kRecon - kS, "earliest", "finding"));
  EXPECT_EQ(writer.rows(), 5u);
  const Written out = finish(writer);
  EXPECT_EQ(messages(out.jsonl), (std::vector<std::string>{"earliest", "first of a tie",
                                                           "second of a tie", "later", "no time"}));
  EXPECT_EQ(lines_of(out.csv).size(), 6u);
  EXPECT_TRUE(out.body.empty());
}

TEST(TimelineWriter, SpillsToDiskAndMergesTheSameOrder) {
  std::mt19937 random(7);
  std::vector<TimelineEvent> events;
  for (int i = 0; i < 3000; ++i)
    events.push_back(event(kRecon + static_cast<TimeUs>(random() % 500) * kS,
                           "row " + std::to_string(i) + std::string(40, 'x')));
  TimelineWriter in_memory, spilling(4096);  // a few rows per run
  for (const TimelineEvent& e : events) {
    in_memory.add(e);
    spilling.add(e);
  }
  const Written expected = finish(in_memory), got = finish(spilling);
  EXPECT_EQ(got.csv, expected.csv);
  EXPECT_EQ(got.jsonl, expected.jsonl);

  std::stable_sort(events.begin(), events.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.time < b.time; });
  std::vector<std::string> sorted;
  for (const TimelineEvent& e : events) sorted.push_back(e.message);
  EXPECT_EQ(messages(got.jsonl), sorted);
}

TEST(TimelineWriter, TimesketchColumnsFirst) {
  TimelineWriter writer;
  TimelineEvent e = event(kRecon + 250'000, "GET /cgi-bin/test.cgi from 203.0.113.45 (404)");
  e.utc_offset_s = 9 * 3600;
  e.cite = {"/evidence/access.log", 10412, 1874160, 0};
  e.client_ip = "203.0.113.45";
  e.path = "/cgi-bin/test.cgi";
  e.status = 404;
  e.finding_id = "F0001";
  e.level = "medium";
  e.tag = "attacker";
  writer.add(e);
  const Written out = finish(writer);

  const std::vector<std::string> csv = lines_of(out.csv);
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv[0],
            "datetime,timestamp,timestamp_desc,message,source,file,line,offset,client_ip,user,path,"
            "status,finding_id,level,tag,timezone");
  EXPECT_EQ(csv[1],
            "2024-03-09T16:12:03.250000+00:00,1710000723250000,Request time,GET /cgi-bin/test.cgi "
            "from 203.0.113.45 (404),web,/evidence/access.log,10412,1874160,203.0.113.45,,"
            "/cgi-bin/test.cgi,404,F0001,medium,attacker,UTC+09:00");

  const auto row = nlohmann::ordered_json::parse(lines_of(out.jsonl).at(0));
  std::vector<std::string> keys;
  for (const auto& [key, value] : row.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"datetime", "timestamp", "timestamp_desc", "message",
                                            "source", "file", "line", "offset", "client_ip", "path",
                                            "status", "finding_id", "level", "tag", "timezone"}));
  EXPECT_EQ(row["timestamp"], 1710000723250000);
  EXPECT_EQ(row["status"], 404);
}

TEST(TimelineWriter, HostileTextStaysInert) {
  TimelineWriter writer;
  writer.add(event(kRecon, "=cmd|'/c calc'!A1 \x1b[31m\xff\n<script>"));
  const Written out = finish(writer);
  const std::string csv_row = lines_of(out.csv).at(1);
  EXPECT_NE(csv_row.find(R"(,"'=cmd|'/c calc'!A1 \e[31m\xff\n<script>",)"), std::string::npos)
      << csv_row;
  EXPECT_EQ(out.jsonl.find('\x1b'), std::string::npos);
  EXPECT_NE(out.jsonl.find(R"("message":"=cmd|'/c calc'!A1 \u001b[31m\udcff\n<script>")"),
            std::string::npos)
      << out.jsonl;
  EXPECT_EQ(lines_of(out.jsonl).size(), 1u);
}

fsview::FileInfo file(std::string path) {
  fsview::FileInfo f;
  f.path = std::move(path);
  f.type = fsview::FileType::regular;
  f.size = 402;
  f.mode = 0644;
  f.uid = f.gid = 33;
  f.inode = 131;
  return f;
}

TEST(TimelineWriter, FileTimesFoldedAndBodyLine) {
  fsview::FileInfo shell = file("/var/www/html/uploads/img/cache.php");
  shell.mtime = shell.ctime = 1710002958'123456789;
  shell.atime = 1710003025'000000000;
  fsview::FileInfo link = file("/var/www/html/latest|x");
  link.type = fsview::FileType::symlink;
  link.mode = 0777;
  link.link_target = "uploads/img";
  link.deleted = true;
  link.btime = 1700000000'000000000;

  TimelineWriter writer;
  writer.add_file("webroot.tar.gz", shell, "0123456789abcdef0123456789abcdef");
  writer.add_file("disk.E01:p2", link, "");
  EXPECT_EQ(writer.rows(), 3u);
  const Written out = finish(writer);

  const std::vector<std::string> csv = lines_of(out.csv);
  ASSERT_EQ(csv.size(), 4u);
  EXPECT_EQ(csv[1],
            "2023-11-14T22:13:20.000000+00:00,1700000000000000,Creation Time,"
            "disk.E01:p2:/var/www/html/latest|x -> uploads/img (deleted),fs,"
            "disk.E01:p2:/var/www/html/latest|x,,,,,/var/www/html/latest|x,,,,,UTC+00:00");
  EXPECT_TRUE(
      csv[2].starts_with("2024-03-09T16:49:18.123456+00:00,1710002958123456,"
                         "Content Modification Time; Metadata Modification Time,"
                         "webroot.tar.gz:/var/www/html/uploads/img/cache.php,fs,"))
      << csv[2];
  EXPECT_TRUE(
      csv[3].starts_with("2024-03-09T16:50:25.000000+00:00,1710003025000000,"
                         "Last Access Time,"))
      << csv[3];

  EXPECT_EQ(out.body,
            "0123456789abcdef0123456789abcdef|webroot.tar.gz:/var/www/html/uploads/img/cache.php|"
            "131|r/rrw-r--r--|33|33|402|1710003025|1710002958|1710002958|0\n"
            "0|disk.E01:p2:/var/www/html/latest\\x7cx -> uploads/img (deleted)|131|l/lrwxrwxrwx|33|"
            "33|402|0|0|0|1700000000\n");
}

TEST(TimelineWriter, EmptyPathsAreSkippedAndFailuresReported) {
  testing::TempDir dir;
  TimelineWriter writer;
  writer.add(event(kRecon, "GET /"));
  std::string error;
  const std::string jsonl = (dir.path() / "only.jsonl").string();
  EXPECT_TRUE(writer.finish("", jsonl, "", error)) << error;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
  EXPECT_EQ(messages(read(jsonl)), std::vector<std::string>{"GET /"});

  TimelineWriter failing;
  failing.add(event(kRecon, "GET /"));
  const std::string nowhere = (dir.path() / "missing" / "t.csv").string();
  EXPECT_FALSE(failing.finish(nowhere, "", "", error));
  EXPECT_NE(error.find(nowhere), std::string::npos) << error;
}

TEST(SortedRuns, MergesSpilledRunsInOrderAndKeepsTiesInInputOrder) {
  SortedRuns sorter(256);  // a few rows per run: many runs
  std::mt19937 rng(7);
  std::vector<std::pair<int64_t, std::string>> rows;
  for (int i = 0; i < 2000; ++i) {
    const int64_t key = static_cast<int64_t>(rng() % 100) - 50;
    rows.emplace_back(key, std::to_string(key) + "#" + std::to_string(i) + "\n");
    ASSERT_TRUE(sorter.add(key, rows.back().second)) << sorter.error();
  }
  std::string out;
  ASSERT_TRUE(sorter.finish([&](std::string_view s) { out += s; })) << sorter.error();
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string expected;
  for (const auto& [key, text] : rows) expected += text;
  EXPECT_EQ(out, expected);
}

}  // namespace
}  // namespace shodo::report

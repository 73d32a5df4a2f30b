// Downloads of dumps, backups, exports, logs and configuration files:
// which names count (tests/data/leak/download_paths.tsv), and which
// responses are downloads, whole or partial.
#include "leak/downloads.h"

#include <gtest/gtest.h>

#include <fstream>

namespace shodo::leak {
namespace {

TEST(LeakDownloads, KindOfEachPathInTheCaseFile) {
  std::ifstream in(std::string(SHODO_TEST_DATA) + "/leak/download_paths.tsv");
  ASSERT_TRUE(in);
  size_t cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string target = line.substr(0, tab), expected = line.substr(tab + 1);
    const size_t q = target.find('?');
    const std::string path = target.substr(0, q);
    const std::string query = q == std::string::npos ? "" : target.substr(q + 1);
    const std::string_view kind = download_kind(path, query);
    EXPECT_EQ(kind.empty() ? "-" : std::string(kind), expected) << target;
    ++cases;
  }
  EXPECT_GE(cases, 25u);
}

WebRequest get(std::string_view target, int status, int64_t bytes, uint64_t line) {
  WebRequest r;
  r.time = 1710000000000000 + static_cast<int64_t>(line) * 1000000;
  r.ip = "198.51.100.4";
  r.method = "GET";
  r.target = target;
  r.status = status;
  r.bytes = bytes;
  r.cite = {0, line, line * 100};
  return r;
}

TEST(LeakDownloads, OnlySuccessfulFetchesAndWhetherTheyWereWhole) {
  Config config;
  config.file_size = [](std::string_view path) -> std::optional<uint64_t> {
    if (path == "/backup.zip" || path == "/db.sql") return 5000;
    return std::nullopt;
  };
  ChannelTracker t(config);
  t.observe(get("/backup.zip", 404, 196, 1));  // probed, not there
  t.observe(get("/db.sql", 206, 1000, 2));     // a range: partial
  t.observe(get("/db.sql", 200, 3000, 3));     // cut short
  t.observe(get("/db.sql", 200, 5000, 4));     // whole
  t.observe(get("/orders.csv", 200, 777, 5));  // no webroot file known
  t.observe(get("/db.sql", 304, 0, 6));        // not modified: nothing sent
  const Channels c = std::move(t).finish();
  ASSERT_EQ(c.downloads.size(), 4u);
  EXPECT_EQ(c.downloads[0].status, 206);
  EXPECT_FALSE(c.downloads[0].complete);
  EXPECT_FALSE(c.downloads[0].matches_file);
  EXPECT_FALSE(c.downloads[1].complete);
  EXPECT_TRUE(c.downloads[2].complete);
  EXPECT_TRUE(c.downloads[2].matches_file);
  EXPECT_EQ(c.downloads[2].file_size, std::optional<uint64_t>(5000));
  EXPECT_EQ(c.downloads[3].kind, "export");
  EXPECT_FALSE(c.downloads[3].file_size.has_value());
  EXPECT_TRUE(c.downloads[3].complete);
}

TEST(LeakDownloads, BoundedKeepsTheEarliest) {
  Config config;
  config.max_records = 10;
  ChannelTracker t(config);
  std::vector<std::string> targets;
  for (uint64_t i = 0; i < 100; ++i) targets.push_back("/d" + std::to_string(i) + ".sql");
  for (uint64_t i = 100; i-- > 0;) t.observe(get(targets[i], 200, 10, i + 1));
  const Channels c = std::move(t).finish();
  ASSERT_EQ(c.downloads.size(), 10u);
  EXPECT_EQ(c.downloads_dropped, 90u);
  EXPECT_EQ(c.downloads[0].path, "/d0.sql");
  EXPECT_EQ(c.downloads[9].path, "/d9.sql");
}

}  // namespace
}  // namespace shodo::leak

// The attacker pass's line picking: addresses and file names found without
// parsing, cited lines found by counting.
#include "investigate/activity_lines.h"

#include <gtest/gtest.h>

namespace shodo::investigate {
namespace {

// The lines of `block` (numbered from `first_line`) holding a mark.
std::vector<uint64_t> picked_lines(const std::vector<uint32_t>& marks, std::string_view block,
                                   uint64_t first_line) {
  std::vector<uint64_t> lines;
  uint64_t line = first_line;
  size_t start = 0, m = 0;
  while (start < block.size()) {
    size_t end = block.find('\n', start);
    if (end == std::string_view::npos) end = block.size();
    bool hit = false;
    while (m < marks.size() && marks[m] <= end) hit = marks[m++] >= start || hit;
    if (hit) lines.push_back(line);
    ++line;
    start = end + 1;
  }
  return lines;
}

const std::string kBlock =
    "10.0.0.1 - - \"GET / HTTP/1.1\" 200\n"                   // 11
    "203.0.113.9 - - \"GET /a HTTP/1.1\" 200\n"               // 12
    "10.0.0.2 - - \"GET /up/cache.php?c=id HTTP/1.1\" 200\n"  // 13
    "10.0.0.3 - - \"GET /b HTTP/1.1\" 404\n"                  // 14
    "10.0.0.4 - - \"POST /c HTTP/1.1\" 200\n"                 // 15
    "203.0.113.9 - - \"GET /d HTTP/1.1\" 200";                // 16, no newline

TEST(ActivityLines, PicksAddressesFileNamesAndCitedLines) {
  const ActivityLines lines({"203.0.113.9", "cache.php"}, {{0, 14}, {1, 3}});
  ASSERT_TRUE(lines.usable());
  std::vector<uint32_t> marks;
  ASSERT_TRUE(lines.select(0, ingest::LogKind::web_access, 11, kBlock, marks));
  EXPECT_TRUE(std::is_sorted(marks.begin(), marks.end()));
  EXPECT_EQ(picked_lines(marks, kBlock, 11), (std::vector<uint64_t>{12, 13, 14, 16}));
  // Another file: its own cited lines only (line 3 is not in this block).
  ASSERT_TRUE(lines.select(1, ingest::LogKind::web_access, 11, kBlock, marks));
  EXPECT_EQ(picked_lines(marks, kBlock, 11), (std::vector<uint64_t>{12, 13, 16}));
}

TEST(ActivityLines, OtherLogsAreReadWhole) {
  const ActivityLines lines({"203.0.113.9"}, {});
  std::vector<uint32_t> marks;
  EXPECT_FALSE(lines.select(0, ingest::LogKind::auth, 1, kBlock, marks));
}

TEST(ActivityLines, NothingWantedPicksNothing) {
  const ActivityLines lines({}, {});
  ASSERT_TRUE(lines.usable());
  std::vector<uint32_t> marks{1, 2};
  ASSERT_TRUE(lines.select(0, ingest::LogKind::web_access, 1, kBlock, marks));
  EXPECT_TRUE(marks.empty());
}

}  // namespace
}  // namespace shodo::investigate

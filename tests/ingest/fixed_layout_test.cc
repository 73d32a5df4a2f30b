// The Common and Combined Log Formats: the straight reader of their plain
// shape and the interpreted template make the same of every line, plain or
// damaged (fuzz/fixed_layout_fuzz.cc runs the same comparison on fuzzed
// input).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

// By path: the test build's include folders stay those of the other tests.
#include "../../fuzz/targets.h"

namespace shodo::ingest {
namespace {

// A line of the layout from parts that are mostly plain and sometimes odd:
// the pieces a server writes, and the ones attackers and broken clients make
// it write.
std::string random_line(std::mt19937& rng, bool combined) {
  auto pick = [&](const std::vector<std::string>& options) {
    return options[rng() % options.size()];
  };
  const std::vector<std::string> hosts = {"203.0.113.7", "2001:db8::1", "-", "",
                                          "host name",   "10.0.0.1\\"};
  const std::vector<std::string> idents = {"-", "-", "-", "ident", ""};
  const std::vector<std::string> users = {"-", "-", "alice", "", "a b", "-\\"};
  const std::vector<std::string> times = {
      "[12/Mar/2026:10:15:32 +0900]", "[12/Mar/2026:10:15:32 +0900]",
      "[12/Mar/2026:10:15:33 -0500]", "[31/Feb/2026:10:15:32 +0900]",
      "[12/Mar/2026:10:15:32]",       "[12/Mar/2026:10:15:32 +0900",
      "12/Mar/2026:10:15:32 +0900"};
  const std::vector<std::string> requests = {"GET /index.php?id=1 HTTP/1.1",
                                             "GET /index.php?id=1 HTTP/1.1",
                                             "POST /wp-login.php HTTP/1.0",
                                             "-",
                                             "",
                                             "\\x16\\x03\\x01",
                                             "GET /a\\\"b HTTP/1.1",
                                             "GET /a\"b HTTP/1.1",
                                             "GET /a\" b HTTP/1.1",
                                             "GET  HTTP/1.1",
                                             "GET /",
                                             "get /x?q=1 2 HTTP/1.1",
                                             "G<T / HTTP/1.1",
                                             "GET / HTTP/2.0 extra"};
  const std::vector<std::string> statuses = {"200", "200",  "404", "-",  "",
                                             "99",  "2000", "20x", "007"};
  const std::vector<std::string> sizes = {
      "5120", "0", "-", "", "12x", "999999999999999999", "9999999999999999999", "-1"};
  const std::vector<std::string> referers = {
      "-", "-", "https://example.com/a?b=c", "", "a\"b", "a\" \"b", "\\\"", "x\\"};
  const std::vector<std::string> agents = {"Mozilla/5.0 (X11; Linux x86_64)",
                                           "curl/8.5.0",
                                           "-",
                                           "",
                                           "a\"b",
                                           "ua\\\"x",
                                           "trailing\" x",
                                           "\" \""};
  std::string line = pick(hosts) + " " + pick(idents) + " " + pick(users) + " " + pick(times) +
                     " \"" + pick(requests) + "\" " + pick(statuses) + " " + pick(sizes);
  if (combined) line += " \"" + pick(referers) + "\" \"" + pick(agents) + "\"";
  // Then a few bytes changed, most often the ones the layout is made of.
  const std::string alphabet = " \"\\-[]0123456789\tax";
  for (int edits = static_cast<int>(rng() % 3); edits > 0; --edits) {
    const size_t at = rng() % (line.size() + 1);
    const char c =
        rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    switch (rng() % 3) {
      case 0: line.insert(at, 1, c); break;
      case 1:
        if (at < line.size()) line.erase(at, 1);
        break;
      default:
        if (at < line.size()) line[at] = c;
        break;
    }
  }
  if (rng() % 16 == 0) line.resize(rng() % (line.size() + 1));
  return line;
}

void expect_agreement(bool combined) {
  std::mt19937 rng(combined ? 2026 : 1127);
  int events = 0;
  for (int i = 0; i < 40000; ++i) {
    const std::string line = random_line(rng, combined);
    const std::string diff = fuzz::fixed_layout_disagreement(combined, line);
    ASSERT_TRUE(diff.empty()) << "line: " << line << "\n" << diff;
    events += diff.empty() && line.find(" 200 ") != std::string::npos;
  }
  // Both kinds of line were met: plain ones and others.
  EXPECT_GT(events, 1000);
}

TEST(FixedLayout, CommonReadsEveryLineAsTheTemplateDoes) {
  expect_agreement(false);
}

TEST(FixedLayout, CombinedReadsEveryLineAsTheTemplateDoes) {
  expect_agreement(true);
}

}  // namespace
}  // namespace shodo::ingest

#include "detect/engine/joined_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace shodo::detect::engine {
namespace {

TEST(JoinedScan, RefusesPatternsTiedToTheWholeInput) {
  for (const char* r :
       {"\\Afoo", "foo\\z", "foo\\Z", "(?-m)^foo", "(?i-m)foo$", "a\\\\A", "(*UTF8)caf\u00e9"})
    EXPECT_FALSE(joinable({r, 0})) << r;
  for (const char* r : {"^/admin", "\\.php$", "(?i)union.*select", "\\bcmd\\b", "a(?:b|c)"})
    EXPECT_TRUE(joinable({r, 0})) << r;
}

TEST(JoinedScan, NoDatabaseWhenAPatternInItIsNotJoinable) {
  const std::vector<HsPattern> patterns = {{"^/a", 0}, {"\\Ab", 0}};
  EXPECT_EQ(JoinedDatabase(patterns, {true, true}).get(), nullptr);
  // A pattern the per-value database set aside runs elsewhere: no matter.
  EXPECT_NE(JoinedDatabase(patterns, {true, false}).get(), nullptr);
}

// One that hits most values (here by matching the empty string, at every
// byte) spares no scan: it is set aside once that shows.
TEST(JoinedScan, ADatabaseThatHitsMostValuesIsSetAside) {
  const JoinedDatabase joined({{"/a", 0}, {"x*", 0}}, {true, true});
  ASSERT_NE(joined.get(), nullptr);
  JoinedValues values;
  for (int i = 0; i < 600; ++i) ASSERT_TRUE(values.add("/b" + std::to_string(i)));
  hs_scratch_t* scratch = nullptr;
  ASSERT_TRUE(joined.get()->fit_scratch(&scratch));
  std::vector<uint8_t> hit;
  ASSERT_TRUE(values.scan(*joined.get(), scratch, hit));
  hs_free_scratch(scratch);
  EXPECT_EQ(std::count(hit.begin(), hit.end(), 1), 600);
  joined.tally(600, 600);
  EXPECT_NE(joined.get(), nullptr) << "too few values to judge";
  joined.tally(600, 600);
  EXPECT_EQ(joined.get(), nullptr);
  // One that hits few stays.
  const JoinedDatabase rare({{"/a", 0}}, {true});
  rare.tally(5000, 40);
  EXPECT_NE(rare.get(), nullptr);
}

int on_any(unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
  *static_cast<bool*>(ctx) = true;
  return 1;  // one match is enough
}

// Random patterns of the shapes rules compile to (anchored, bounded by
// words, spanning classes that take a newline) against random values:
// every value a pattern matches alone must be hit in the joined scan.
TEST(JoinedScan, HitsEveryValueAPatternMatchesAlone) {
  std::mt19937 rng(7);
  const std::string alphabet = "abAB/=. \t\n";
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  auto word = [&](size_t max) {
    std::string w;
    for (size_t n = 1 + pick(max); n > 0; --n) w += "ab/="[pick(4)];
    return w;
  };
  size_t matched_alone = 0, not_hit = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<HsPattern> patterns;
    for (int i = 0; i < 4; ++i) {
      const std::string w = word(3);
      const unsigned flags = (pick(2) ? HS_FLAG_CASELESS : 0) | (pick(4) == 0 ? HS_FLAG_DOTALL : 0);
      switch (pick(10)) {
        case 0: patterns.push_back({"^" + w, flags}); break;
        case 1: patterns.push_back({w + "$", flags}); break;
        case 2: patterns.push_back({"^" + w + "$", flags}); break;
        case 3: patterns.push_back({"\\b" + w + "\\b", flags}); break;
        case 4: patterns.push_back({w + "\\s*" + word(2), flags}); break;
        case 5: patterns.push_back({w + "[^a]" + word(2), flags}); break;
        case 6: patterns.push_back({w + ".*" + word(2), flags}); break;
        case 7: patterns.push_back({"\\B" + w, flags}); break;
        case 8: patterns.push_back({"(?:" + w + "){1,3}$", flags}); break;
        default: patterns.push_back({w, flags}); break;
      }
    }
    std::vector<HsRejected> rejected;
    const auto alone = HsDatabase::compile(patterns, rejected);
    ASSERT_TRUE(alone && rejected.empty());
    const JoinedDatabase joined(patterns, std::vector<bool>(patterns.size(), true));
    ASSERT_NE(joined.get(), nullptr);
    hs_scratch_t* scratch = nullptr;
    ASSERT_TRUE(alone->fit_scratch(&scratch) && joined.get()->fit_scratch(&scratch));
    JoinedValues values;
    std::vector<std::string> texts;
    for (int v = 0; v < 50; ++v) {
      std::string t;
      for (size_t n = pick(9); n > 0; --n) t += alphabet[pick(alphabet.size())];
      texts.push_back(t);
      ASSERT_TRUE(values.add(t));
    }
    std::vector<uint8_t> hit;
    ASSERT_TRUE(values.scan(*joined.get(), scratch, hit));
    for (size_t v = 0; v < texts.size(); ++v) {
      bool found = false;
      hs_scan(alone->get(), texts[v].data(), static_cast<unsigned>(texts[v].size()), 0, scratch,
              on_any, &found);
      matched_alone += found;
      not_hit += !hit[v];
      EXPECT_TRUE(!found || hit[v]) << "value '" << texts[v] << "' trial " << trial;
    }
    hs_free_scratch(scratch);
  }
  // Neither side is trivial: values match, and the joined scan spares most.
  EXPECT_GT(matched_alone, 500u);
  EXPECT_GT(not_hit, 2000u);
}

}  // namespace
}  // namespace shodo::detect::engine

#include "detect/engine/required_bytes.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <random>
#include <string>
#include <vector>

#include "detect/detect.h"
#include "detect/engine/hs_database.h"

namespace shodo::detect::engine {
namespace {

bool needs_unusual(std::string_view re, bool caseless = true) {
  return every_match_contains(re, caseless, unusual_target_bytes());
}

TEST(RequiredBytes, AttackShapesNeedAnUnusualByte) {
  EXPECT_TRUE(needs_unusual(R"(\bunhex\s*\()"));
  EXPECT_TRUE(needs_unusual("<script"));
  EXPECT_TRUE(needs_unusual(R"(union\s+select)"));
  EXPECT_TRUE(needs_unusual(R"(\$\{jndi:)"));
  EXPECT_TRUE(needs_unusual(R"((?:alert|prompt)\s*(?:\(|`))"));
  EXPECT_TRUE(needs_unusual(R"(x[\s(]{1,3}y)"));
  EXPECT_TRUE(needs_unusual(R"((?i)['"]\s*or\b)"));
  EXPECT_TRUE(needs_unusual(R"(a|b\x28|c\x{29})") == false);  // "a" alone
  EXPECT_TRUE(needs_unusual(R"(\x28|\x{29})"));
  EXPECT_TRUE(needs_unusual(R"((?:\(|\))+)"));
  EXPECT_TRUE(needs_unusual(R"([^\x00-\x7f])"));  // bytes past ASCII
  EXPECT_TRUE(needs_unusual(R"(;(?:\s|/\*[^*]*\*/)*drop)"));
}

TEST(RequiredBytes, WhatOrdinaryTextCanMatchIsNotClaimed) {
  EXPECT_FALSE(needs_unusual("union.*select"));
  EXPECT_FALSE(needs_unusual(R"(/admin\.php$)"));
  EXPECT_FALSE(needs_unusual(R"(\.\./)"));
  EXPECT_FALSE(needs_unusual(R"((?:\(|x))"));
  EXPECT_FALSE(needs_unusual(R"(a\(?b)"));
  EXPECT_FALSE(needs_unusual(R"(\({0,2}x)"));
  EXPECT_FALSE(needs_unusual(R"([^a])"));
  EXPECT_FALSE(needs_unusual(R"(\bsysobjects\b)"));
  EXPECT_FALSE(needs_unusual(""));
  EXPECT_FALSE(needs_unusual(R"(\b)"));
}

TEST(RequiredBytes, WhatItCannotReadIsNotClaimed) {
  // Each would need a "(" if read; none is read, so none is claimed.
  for (const char* re : {R"x((?=\())x", R"x((\()\1)x", R"x((?x) \( )x", R"x([[:space:]]\()x",
                         R"x(\Q(\E)x", R"x(\p{Ps})x", R"x(\h\()x", R"x(\(}{)x", R"x([\(-)x",
                         R"x(\(\)))x", R"x(*\()x", R"x(\0\()x", R"x((?#c)\()x"}) {
    SCOPED_TRACE(re);
    EXPECT_FALSE(needs_unusual(re));
  }
  EXPECT_TRUE(needs_unusual(R"x(\(())x"));  // an empty group is read
  // Nesting past any real regex is not read (and does not exhaust the stack).
  const std::string deep = std::string(100000, '(') + "\\(" + std::string(100000, ')');
  EXPECT_FALSE(needs_unusual(deep));
  const std::string nested = std::string(50, '(') + "\\(" + std::string(50, ')');
  EXPECT_TRUE(needs_unusual(nested));
  // Hyperscan stops at a NUL: "ab" is what would run.
  EXPECT_FALSE(needs_unusual(std::string_view("ab\0'", 4)));
}

// The 16-byte check agrees with the set for every byte at every position,
// short texts and the overlapping last step included.
TEST(RequiredBytes, UnusualBytesAreFoundWhereverTheyAre) {
  for (unsigned b = 0; b < 256; ++b) {
    for (size_t len = 1; len <= 40; ++len) {
      for (size_t at = 0; at < len; ++at) {
        std::string text(len, 'a');
        text[at] = static_cast<char>(b);
        ASSERT_EQ(has_unusual_target_byte(text), unusual_target_bytes()[b])
            << "byte " << b << " at " << at << " of " << len;
      }
    }
  }
  EXPECT_FALSE(has_unusual_target_byte(""));
  EXPECT_FALSE(has_unusual_target_byte("/products/bags/12432?utm_source=news&q=red+dress%20x"));
  EXPECT_TRUE(has_unusual_target_byte("/products/bags/12432?utm_source=news&q=red dress"));
}

TEST(RequiredBytes, CaseMatters) {
  ByteSet upper;
  for (unsigned c = 'A'; c <= 'Z'; ++c) upper.set(c);
  EXPECT_TRUE(every_match_contains("X", false, upper));
  EXPECT_FALSE(every_match_contains("X", true, upper));
  EXPECT_FALSE(every_match_contains("(?i)X", false, upper));
  EXPECT_TRUE(every_match_contains("(?i:a)X", false, upper));
  EXPECT_FALSE(every_match_contains("[A-Z]", true, upper));
  EXPECT_TRUE(every_match_contains("[A-Z]", false, upper));
}

// Scans `texts` against `patterns`; the first text any of them matches, or
// nullptr.
const std::string* first_match(const std::vector<HsPattern>& patterns,
                               const std::vector<std::string>& texts) {
  std::vector<HsRejected> rejected;
  const auto db = HsDatabase::compile(patterns, rejected, true);
  if (!db) return nullptr;
  hs_scratch_t* scratch = nullptr;
  if (!db->fit_scratch(&scratch)) return nullptr;
  const std::string* found = nullptr;
  for (const std::string& text : texts) {
    bool hit = false;
    hs_scan(
        db->get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch,
        [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
          *static_cast<bool*>(ctx) = true;
          return 1;
        },
        &hit);
    if (hit) {
      found = &text;
      break;
    }
  }
  hs_free_scratch(scratch);
  return found;
}

// Request targets of ordinary bytes: the patterns' own words with random
// ordinary bytes between them, so that near misses are tried too.
std::vector<std::string> ordinary_texts(const std::vector<std::string>& words, unsigned seed) {
  std::string ordinary;
  for (unsigned c = 0; c < 256; ++c)
    if (!unusual_target_bytes()[c]) ordinary += static_cast<char>(c);
  std::mt19937 rng(seed);
  std::vector<std::string> texts;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (size_t p = rng() % 10; p > 0; --p) {
      if (rng() % 2) {
        text += words[rng() % words.size()];
      } else {
        for (size_t k = rng() % 4; k > 0; --k) text += ordinary[rng() % ordinary.size()];
      }
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

// Every claim made on the shipped rules' patterns holds against Hyperscan on
// ordinary request targets made of the patterns' own words.
TEST(RequiredBytes, ShippedPatternClaimsHold) {
  const RuleSet rules(RuleSetOptions{});
  std::vector<HsPattern> claimed;
  std::vector<std::string> words;
  size_t patterns = 0;
  for (const sigma::Rule& rule : rules.rules())
    for (const sigma::Selection& sel : rule.selections)
      for (const auto& alt : sel.alternatives)
        for (const sigma::FieldMatch& fm : alt)
          for (const sigma::Atom& a : fm.atoms) {
            if (a.kind != sigma::Atom::Kind::pattern || a.regex.empty()) continue;
            ++patterns;
            // Runs of ordinary bytes in the regex: words the text is made of.
            std::string word;
            for (char c : a.regex + '\\') {
              if (!unusual_target_bytes()[static_cast<unsigned char>(c)] && c != '.' && c != '?' &&
                  c != '+') {
                word += c;
              } else if (!word.empty()) {
                words.push_back(word);
                word.clear();
              }
            }
            if (!every_match_contains(a.regex, a.caseless, unusual_target_bytes())) continue;
            claimed.push_back({a.regex, (a.caseless ? HS_FLAG_CASELESS : 0u) |
                                            (a.dotall ? HS_FLAG_DOTALL : 0u) |
                                            (a.multiline ? HS_FLAG_MULTILINE : 0u)});
          }
  // Most attack patterns need an unusual byte; some (paths, tool names) do not.
  EXPECT_GT(claimed.size(), patterns / 4);
  EXPECT_LT(claimed.size(), patterns);
  // The claimed patterns compile and find attacks (the check can fail).
  EXPECT_NE(first_match(claimed, {"/item?id=1 union select 1,2--", "<script>alert(1)</script>"}),
            nullptr);
  const std::vector<std::string> texts = ordinary_texts(words, 11);
  const std::string* hit = first_match(claimed, texts);
  EXPECT_EQ(hit, nullptr) << *hit;
}

// Whatever the reader claims, Hyperscan agrees: no string of ordinary bytes
// matches a pattern said to need an unusual one.
TEST(RequiredBytes, ClaimsHoldAgainstHyperscan) {
  const std::vector<std::string> claimed = {
      R"(\bunhex\s*\()",
      R"(union\s+select)",
      R"(\$\{jndi:)",
      R"((?:alert|prompt)\s*(?:\(|`))",
      R"(x[\s(]{1,3}y)",
      R"(['"]\s*or\b)",
      R"(\x28|\x{29})",
      R"(;(?:\s|/\*[^*]*\*/)*drop)",
      R"((?:select|union|and|or|\(|,)(?:\s|/\*[^*]*\*/)*(?:version|user)\s*\(\s*\))",
      R"(<(?:\s|/)*(?:script|iframe)\b)",
  };
  std::vector<HsPattern> patterns;
  for (const std::string& re : claimed) {
    ASSERT_TRUE(needs_unusual(re)) << re;
    patterns.push_back({re, HS_FLAG_CASELESS | HS_FLAG_DOTALL});
  }
  EXPECT_NE(first_match(patterns, {"/x?id=1 union select 2"}), nullptr);  // the check can fail
  const std::vector<std::string> words = {"unhex", "union", "select",  "jndi",   "alert", "or",
                                          "drop",  "user",  "version", "script", "x",     "y"};
  const std::string* hit = first_match(patterns, ordinary_texts(words, 7));
  EXPECT_EQ(hit, nullptr) << *hit;
}

}  // namespace
}  // namespace shodo::detect::engine

// A regex tried only where its first words occur finds what the regex finds
// over the whole text: across the blocks the words are looked for in, in any
// case, and past words inside a longer match.
#include "files/heuristics/anchored_pattern.h"

#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>
#include <vector>

using namespace shodo::files;

namespace {

template <typename P>
std::vector<std::string> all_matches(const P& p, std::string_view text) {
  std::vector<std::string> out;
  p.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    out.push_back(std::to_string(m.data() - text.data()) + ":" + std::string(m) + "|" +
                  (g.empty() ? "" : std::string(g[0])));
    return true;
  });
  return out;
}

// Texts of random pieces, some longer than a block.
std::vector<std::string> texts() {
  const std::string pieces[] = {"eval(", "EVAL (", "Assert(x", "xeval(",    "eval",    ";", " ",
                                "\n",    "a",      "(",        "evaluate(", "assert;", "e"};
  std::mt19937 rng(1);
  std::vector<std::string> out;
  for (int i = 0; i < 60; ++i) {
    std::string t;
    const size_t size = i % 6 == 0 ? 200000 : 300;
    while (t.size() < size) t += pieces[rng() % std::size(pieces)];
    out.push_back(t);
  }
  return out;
}

TEST(AnchoredPattern, FindsWhatTheRegexFinds) {
  const char* calls = R"(\b(?:eval|assert)\s*\(\s*(\w*))";
  const char* statements = R"(\beval[^;]{0,300};)";  // may hold further words
  const Pattern plain_calls(calls, true), plain_statements(statements);
  const AnchoredPattern anchored_calls({"eval", "assert"}, calls, true);
  const AnchoredPattern anchored_statements({"eval"}, statements);
  for (const std::string& t : texts()) {
    EXPECT_EQ(all_matches(plain_calls, t), all_matches(anchored_calls, t));
    EXPECT_EQ(all_matches(plain_statements, t), all_matches(anchored_statements, t));
    EXPECT_EQ(plain_calls.find(t), anchored_calls.find(t));
  }
}

TEST(AnchoredPattern, WithoutWordsLooksEverywhere) {
  const AnchoredPattern p({}, R"(\$\w+\()");
  EXPECT_EQ(all_matches(p, "a $f( b $g("), (std::vector<std::string>{"2:$f(|", "8:$g(|"}));
}

}  // namespace

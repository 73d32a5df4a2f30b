// The hand-written reader of PHP assignments reads them as the regex its
// header names, match for match, on texts made to hit its edges: indexes too
// long or broken by a newline, `.=`, `==` and `=>`, values capped or cut by ';'.
#include "files/heuristics/php_assignment.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "files/heuristics/pattern.h"

using namespace shodo::files;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs by_hand(std::string_view text, PhpAssignmentSyntax syntax) {
  Pairs out;
  each_php_assignment(text, syntax, [&](std::string_view variable, std::string_view value) {
    out.emplace_back(variable, value);
    return true;
  });
  return out;
}

Pairs by_regex(const Pattern& p, std::string_view text) {
  Pairs out;
  p.each(text, [&](std::string_view, const std::vector<std::string_view>& g) {
    out.emplace_back(g[0], g[1]);
    return true;
  });
  return out;
}

TEST(PhpAssignment, ReadsAsTheRegex) {
  const Pattern indexed(R"((\$[A-Za-z_]\w*)\s*(?:\[[^\]\n]{0,80}\]\s*)*\.?=([^=>][^;]{0,400}))");
  const Pattern plain(R"((\$[A-Za-z_]\w*)\s*=([^=>][^;]{0,300}))");
  const std::string alphabet = "$$$aZ_9[[]]]..==>>;; \n\t\f\r\v'x";
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    const size_t size = rng() % (i % 10 == 0 ? 1200 : 60);
    while (t.size() < size)
      t += rng() % 50 == 0 ? std::string(rng() % 120, 'a')
                           : std::string(1, alphabet[rng() % alphabet.size()]);
    ASSERT_EQ(by_regex(indexed, t), by_hand(t, {.indexed = true, .max_value = 400})) << t;
    ASSERT_EQ(by_regex(plain, t), by_hand(t, {.indexed = false, .max_value = 300})) << t;
  }
}

TEST(PhpAssignment, StopsWhenAsked) {
  size_t seen = 0;
  each_php_assignment("$a = 1; $b = 2;", {}, [&](std::string_view, std::string_view) {
    ++seen;
    return false;
  });
  EXPECT_EQ(seen, 1u);
}

}  // namespace

#include "detect/engine/value_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace shodo::detect::engine {
namespace {

using Atoms = std::vector<uint32_t>;

void offer_twice(ValueCache& c, std::string_view v, const Atoms& atoms) {
  const uint64_t h = ValueCache::hash(v);
  c.store(v, h, atoms);
  c.store(v, h, atoms);
}

TEST(ValueCache, KeepsAValueTheSecondTimeItIsOffered) {
  ValueCache c(16);
  const std::string v = "/index.php?id=1";
  const uint64_t h = ValueCache::hash(v);
  EXPECT_EQ(c.find(v, h), nullptr);
  c.store(v, h, {3, 7});
  EXPECT_EQ(c.find(v, h), nullptr) << "a value seen once is not kept";
  c.store(v, h, {3, 7});
  ASSERT_NE(c.find(v, h), nullptr);
  EXPECT_EQ(*c.find(v, h), (Atoms{3, 7}));
}

TEST(ValueCache, ASlotAnswersOnlyForItsOwnValue) {
  ValueCache c(1);  // every value maps to the one slot
  offer_twice(c, "/a", {1});
  EXPECT_EQ(c.find("/b", ValueCache::hash("/b")), nullptr);
  // Same hash, other text (a forged collision): still not an answer.
  EXPECT_EQ(c.find("/b", ValueCache::hash("/a")), nullptr);
  offer_twice(c, "/b", {});
  EXPECT_EQ(c.find("/a", ValueCache::hash("/a")), nullptr) << "replaced";
  ASSERT_NE(c.find("/b", ValueCache::hash("/b")), nullptr);
  EXPECT_TRUE(c.find("/b", ValueCache::hash("/b"))->empty());
}

TEST(ValueCache, LongValuesAreNotKept) {
  ValueCache c(16);
  const std::string v(ValueCache::kMaxValue + 1, 'x');
  offer_twice(c, v, {1});
  EXPECT_EQ(c.find(v, ValueCache::hash(v)), nullptr);
}

TEST(ValueCache, HashSeparatesPrefixesAndNeverGivesZero) {
  EXPECT_NE(ValueCache::hash("abc"), ValueCache::hash(std::string_view("abc\0", 4)));
  EXPECT_NE(ValueCache::hash(""), 0u);
  EXPECT_NE(ValueCache::hash("/static/js/app.min.js"), ValueCache::hash("/static/js/app.min.jS"));
}

TEST(ValueCache, AKeptFindHoldsUntilItsSlotIsStoredTo) {
  ValueCache c(1);
  const uint64_t a = ValueCache::hash("/a"), b = ValueCache::hash("/b");
  offer_twice(c, "/a", {1});
  const ValueCache::Found found = c.find_kept("/a", a);
  ASSERT_NE(c.again(found, "/a", a), nullptr);
  EXPECT_EQ(*c.again(found, "/a", a), (Atoms{1}));
  ASSERT_EQ(c.still(found), c.again(found, "/a", a)) << "known without the value";
  const ValueCache::Found missed = c.find_kept("/b", b);
  EXPECT_EQ(missed.atoms, nullptr) << "nothing found";
  EXPECT_EQ(c.again(missed, "/b", b), nullptr);
  EXPECT_EQ(c.still(missed), nullptr);
  offer_twice(c, "/b", {2});
  EXPECT_EQ(c.again(found, "/a", a), nullptr) << "the slot now holds another value";
  EXPECT_EQ(c.still(found), nullptr) << "stored to since";
  EXPECT_EQ(c.still(missed), nullptr) << "found by now, but only again() looks";
  ASSERT_NE(c.again(missed, "/b", b), nullptr) << "found by now";
  EXPECT_EQ(*c.again(missed, "/b", b), (Atoms{2}));
}

}  // namespace
}  // namespace shodo::detect::engine

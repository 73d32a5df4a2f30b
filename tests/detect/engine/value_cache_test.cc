#include "detect/engine/value_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/hash.h"

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

// The growth tests need to know which values share a slot: a fixed seed,
// where ValueCache::hash draws one per process.
uint64_t fixed_hash(std::string_view v) {
  return util::hash_bytes(0, v);
}

// Values taking turns, each looked up as the matcher does: kept answers
// are used, missed ones stored.
void look_up_in_turn(ValueCache& c, const std::vector<std::string>& values, size_t lookups) {
  for (size_t i = 0; i < lookups; ++i) {
    const std::string& v = values[i % values.size()];
    const uint64_t h = fixed_hash(v);
    if (!c.find_kept(v, h).atoms) c.store(v, h, {1});
  }
}

TEST(ValueCache, GrowsWhenALargerCacheWouldHaveKeptWhatItMissed) {
  std::vector<std::string> values;
  for (int i = 0; i < 64; ++i) values.push_back("/page/" + std::to_string(i));
  ValueCache c(4, 256);  // 64 values taking turns in 4 slots: nearly every look-up misses
  look_up_in_turn(c, values, ValueCache::kAdaptEvery - 1);
  c.adapt();
  EXPECT_EQ(c.slots(), 4u) << "not before kAdaptEvery look-ups";
  look_up_in_turn(c, values, 1);
  c.adapt();
  ASSERT_EQ(c.slots(), 256u);
  // Grown, it starts empty, and then keeps all 64 values.
  EXPECT_EQ(c.find(values[0], fixed_hash(values[0])), nullptr);
  look_up_in_turn(c, values, 2 * values.size());
  size_t kept = 0;
  for (const std::string& v : values) kept += c.find(v, fixed_hash(v)) != nullptr;
  EXPECT_GT(kept, 40u);
}

TEST(ValueCache, StaysSmallWhenItHoldsWhatRepeats) {
  // Few values that repeat, and many seen once (search terms, ids): a
  // larger cache would not answer the misses either.
  std::vector<std::string> values = {"Mozilla/5.0 a", "Mozilla/5.0 b", "curl/8.0"};
  ValueCache c(256, 8192);
  for (size_t i = 0; i < 2 * ValueCache::kAdaptEvery; ++i) {
    const std::string v = i % 2 ? values[i % values.size()] : "/item/" + std::to_string(i);
    const uint64_t h = fixed_hash(v);
    if (!c.find_kept(v, h).atoms) c.store(v, h, {});
    c.adapt();
  }
  EXPECT_EQ(c.slots(), 256u);
}

TEST(ValueCache, ValuesSeenTwiceOnlyDoNotMakeItGrow) {
  // A larger cache keeps a value on its second offer too: it would not
  // have answered the second sighting either.
  ValueCache c(256, 8192);
  for (size_t i = 0; i < 2 * ValueCache::kAdaptEvery; ++i) {
    const std::string v = "/search?q=" + std::to_string(i / 2);
    const uint64_t h = fixed_hash(v);
    if (!c.find_kept(v, h).atoms) c.store(v, h, {});
    c.adapt();
  }
  EXPECT_EQ(c.slots(), 256u);
}

TEST(ValueCache, WithoutALargerSizeNeverGrows) {
  std::vector<std::string> values;
  for (int i = 0; i < 64; ++i) values.push_back("/page/" + std::to_string(i));
  ValueCache c(4);
  look_up_in_turn(c, values, 2 * ValueCache::kAdaptEvery);
  c.adapt();
  EXPECT_EQ(c.slots(), 4u);
}

}  // namespace
}  // namespace shodo::detect::engine

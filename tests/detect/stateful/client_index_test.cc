#include "detect/stateful/client_index.h"

#include <gtest/gtest.h>

#include <string>

namespace shodo::detect {
namespace {

TEST(ClientIndex, NumbersAddressesInOrderOfFirstSight) {
  ClientIndex index;
  EXPECT_EQ(index.id("203.0.113.7"), 0u);
  EXPECT_EQ(index.id("2001:db8::1"), 1u);
  EXPECT_EQ(index.id("203.0.113.7"), 0u);
  EXPECT_EQ(index.id(""), ClientIndex::kNone);
  EXPECT_EQ(index.name(1), "2001:db8::1");
}

TEST(ClientIndex, KeepsEveryNumberAsTheTableGrows) {
  ClientIndex index;
  const auto address = [](uint32_t i) {
    return "10." + std::to_string(i >> 16) + "." + std::to_string((i >> 8) & 255) + "." +
           std::to_string(i & 255);
  };
  for (uint32_t i = 0; i < 20'000; ++i) ASSERT_EQ(index.id(address(i)), i);
  for (uint32_t i = 0; i < 20'000; i += 7) ASSERT_EQ(index.id(address(i)), i);
}

TEST(ClientIndex, NamesTooLongToKeepInlineAreComparedWhole) {
  // Forged evidence may hold anything where an address belongs.
  ClientIndex index;
  const std::string a(80, 'a');
  std::string b = a;
  b.back() = 'b';
  EXPECT_EQ(index.id(a), 0u);
  EXPECT_EQ(index.id(b), 1u);
  EXPECT_EQ(index.id("x"), 2u);
  EXPECT_EQ(index.id(a), 0u);
  EXPECT_EQ(index.id(b), 1u);
  EXPECT_EQ(index.name(0), a);
}

TEST(ClientIndex, RefusesNewAddressesPastTheLimit) {
  ClientIndex index(2);
  EXPECT_EQ(index.id("a"), 0u);
  EXPECT_EQ(index.id("b"), 1u);
  EXPECT_EQ(index.id("c"), ClientIndex::kNone);
  EXPECT_EQ(index.id("c"), ClientIndex::kNone);  // a run of one address counts once
  EXPECT_EQ(index.id("d"), ClientIndex::kNone);
  EXPECT_EQ(index.id("a"), 0u);
  EXPECT_EQ(index.refused(), 2u);
  EXPECT_EQ(index.id("d"), ClientIndex::kNone);  // after another address: a new run
  EXPECT_EQ(index.id("d", ClientIndex::hash("d"), ClientIndex::kNone), ClientIndex::kNone);
  EXPECT_EQ(index.id("a", ClientIndex::hash("a"), 0), 0u);  // found by a look-ahead
  EXPECT_EQ(index.id("d"), ClientIndex::kNone);
  EXPECT_EQ(index.refused(), 4u);
}

}  // namespace
}  // namespace shodo::detect

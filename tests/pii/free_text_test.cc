// Free-text search, data-driven: tests/data/pii/free_text.tsv lists texts
// and what must be found in each (cards with brand, test and masked forms,
// phones, postal codes, addresses, My Number, birth dates, e-mail) and
// what must not (Luhn failures, runs inside longer ones, ids, timestamps).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "pii/card.h"
#include "pii/phone.h"
#include "pii/text_finder.h"

namespace shodo::pii {
namespace {

std::string describe(const Hit& h) {
  std::string s(item_name(h.item));
  if (h.item == Item::card_number) {
    s += h.masked ? ":masked" : ":" + std::string(brand_name(static_cast<Brand>(h.kind)));
    if (h.test) s += ":test";
  } else if (h.item == Item::phone) {
    s += ":" + std::string(phone_kind_name(static_cast<PhoneKind>(h.kind)));
  }
  return s;
}

TEST(PiiFreeText, CasesFile) {
  std::ifstream in(std::string(SHODO_TEST_DATA) + "/pii/free_text.tsv");
  ASSERT_TRUE(in) << "missing free_text.tsv";
  std::string line;
  size_t cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string expected = line.substr(0, tab), text = line.substr(tab + 1);
    std::vector<Hit> hits;
    find_in_text(text, hits);
    std::string got;
    for (const Hit& h : hits) got += (got.empty() ? "" : " ") + describe(h);
    if (got.empty()) got = "-";
    EXPECT_EQ(got, expected) << "text: " << text;
    ++cases;
  }
  EXPECT_GT(cases, 50u);
}

TEST(PiiFreeText, HitsPointAtTheValue) {
  const std::string text = "mail taro@example.jp, card 4111-1111-1111-1111!";
  std::vector<Hit> hits;
  find_in_text(text, hits);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].raw(text), "taro@example.jp");
  EXPECT_EQ(hits[1].raw(text), "4111-1111-1111-1111");
  // Same e-mail in another case: same key.
  std::vector<Hit> upper;
  find_in_text("TARO@EXAMPLE.JP", upper);
  ASSERT_EQ(upper.size(), 1u);
  EXPECT_EQ(upper[0].key, hits[0].key);
}

}  // namespace
}  // namespace shodo::pii

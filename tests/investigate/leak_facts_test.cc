// The facts the APPI decision takes from a leak assessment.
#include <gtest/gtest.h>

#include "investigate/leak_assessment.h"
#include "obligations/obligations.h"

namespace shodo::investigate {
namespace {

LeakDataItem item(std::string name, uint64_t values, std::string where) {
  LeakDataItem i;
  i.item = std::move(name);
  i.values = values;
  i.where = {std::move(where)};
  return i;
}

TEST(LeakFacts, SpecialCareDataMakesCategoryOneWithItsPlace) {
  LeakAssessment L;
  L.verdict = "confirmed";
  L.persons = {30, 30, {}};
  L.data_items = {item("email", 30, "clinic.sql:patients"),
                  item("sensitive", 20, "clinic.sql:patients")};
  const obligations::Facts f = appi_facts(L, "2024-03-11", false);
  EXPECT_TRUE(f.sensitive_data);
  EXPECT_NE(f.sensitive_reason.en.find("20 values"), std::string::npos) << f.sensitive_reason.en;
  EXPECT_NE(f.sensitive_reason.en.find("clinic.sql:patients"), std::string::npos);
  const obligations::Assessment a = obligations::assess(f);
  ASSERT_FALSE(a.categories.empty());
  EXPECT_EQ(a.categories.front().id, "sensitive-data");
  EXPECT_TRUE(a.reportable);
  // 30 persons and no special-care item: none of the four categories but
  // the attack's.
  L.data_items.pop_back();
  const obligations::Facts g = appi_facts(L, "2024-03-11", false);
  EXPECT_FALSE(g.sensitive_data);
  for (const obligations::Category& c : obligations::assess(g).categories)
    EXPECT_NE(c.id, "sensitive-data");
}

}  // namespace
}  // namespace shodo::investigate

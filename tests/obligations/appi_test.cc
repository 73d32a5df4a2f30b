// The APPI decision table as data: tests/data/obligations/appi_decisions.tsv
// holds one case per line (facts → categories, deadlines, card path).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "obligations/obligations.h"
#include "support/temp_dir.h"

namespace shodo::obligations {
namespace {

using testing::split;

struct Case {
  int line = 0;
  std::vector<std::string> cols;
};

std::vector<Case> load_cases() {
  std::ifstream in(std::string(SHODO_TEST_DATA) + "/obligations/appi_decisions.tsv");
  std::vector<Case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (!line.empty() && line[0] != '#') cases.push_back({n, split(line, '\t')});
  return cases;
}

Facts facts_of(const std::vector<std::string>& c) {
  Facts f;
  f.leak_verdict = c[0];
  f.persons_min = std::stoull(c[1]);
  f.persons_max = std::stoull(c[2]);
  if (c[3] != "-")
    for (const std::string& flag : split(c[3], ',')) {
      if (flag == "sensitive")
        f.sensitive_data = true;
      else if (flag == "card")
        f.card_data = true;
      else if (flag == "credentials")
        f.payment_credentials = true;
      else if (flag == "attack")
        f.unauthorized_access = true;
      else if (flag == "skimming")
        f.skimming = true;
      else if (flag == "public")
        f.public_body = true;
      else if (flag == "encrypted")
        f.strongly_encrypted = true;
      else
        ADD_FAILURE() << "unknown flag " << flag;
    }
  f.knowledge_date = c[4] == "-" ? "" : c[4];
  return f;
}

std::string categories_of(const Assessment& a) {
  std::string out;
  for (const Category& c : a.categories)
    out += (out.empty() ? "" : ",") + std::to_string(c.number) + ":" + c.status;
  return out.empty() ? "-" : out;
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "-" : s;
}

TEST(Appi, DecisionTable) {
  const std::vector<Case> cases = load_cases();
  ASSERT_GE(cases.size(), 15u);
  for (const Case& c : cases) {
    SCOPED_TRACE("appi_decisions.tsv line " + std::to_string(c.line));
    ASSERT_EQ(c.cols.size(), 11u);
    const Assessment a = assess(facts_of(c.cols));
    const std::string reportable = a.reportable ? "yes" : (a.categories.empty() ? "no" : "maybe");
    EXPECT_EQ(reportable, c.cols[5]);
    EXPECT_EQ(categories_of(a), c.cols[6]);
    EXPECT_EQ(std::to_string(a.kakuho_days), c.cols[7]);
    EXPECT_EQ(or_dash(a.sokuho_due), c.cols[8]);
    EXPECT_EQ(or_dash(a.kakuho_due), c.cols[9]);
    EXPECT_EQ(a.card_brand_path ? "yes" : "no", c.cols[10]);
    EXPECT_EQ(a.notify_persons, c.cols[5] != "no");
    // Every statement names its rule, in both languages.
    for (const auto* list : {&a.deadlines, &a.notification, &a.card_steps, &a.notes})
      for (const Statement& s : *list) {
        EXPECT_FALSE(s.text.en.empty());
        EXPECT_FALSE(s.text.ja.empty());
        EXPECT_FALSE(s.rule.en.empty());
        EXPECT_FALSE(s.rule.ja.empty());
      }
    for (const Category& cat : a.categories) {
      EXPECT_FALSE(cat.reason.ja.empty());
      EXPECT_FALSE(cat.rule.ja.empty());
    }
    EXPECT_FALSE(a.summary.ja.empty());
    EXPECT_FALSE(a.disclaimer.en.empty());
  }
}

TEST(Appi, MissingKnowledgeDateSaysHowToSetIt) {
  Facts f;
  f.leak_verdict = "confirmed";
  f.unauthorized_access = true;
  const Assessment a = assess(f);
  ASSERT_EQ(a.deadlines.size(), 1u);
  EXPECT_NE(a.deadlines[0].text.en.find("knowledge_date"), std::string::npos);
  EXPECT_TRUE(a.sokuho_due.empty());
}

TEST(Appi, ReasonsGivenByTheAssessmentAreKept) {
  Facts f;
  f.leak_verdict = "confirmed";
  f.card_data = true;
  f.card_reason = {"250 card numbers in /var/www/html/uploads/img/.b.sql", ""};
  const Assessment a = assess(f);
  ASSERT_EQ(a.categories.size(), 1u);
  EXPECT_EQ(a.categories[0].reason.en, f.card_reason.en);
}

TEST(AppiDates, AddDaysRejectsWhatIsNotADate) {
  EXPECT_EQ(add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(add_days("2023-02-28", 1), "2023-03-01");
  EXPECT_EQ(add_days("2024-12-31", 1), "2025-01-01");
  EXPECT_EQ(add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(period_end("2024-03-11", 1), "2024-03-11");
  for (const char* bad : {"", "2024-3-11", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10",
                          "2024/03/11", "２０２４-03-11", "2024-03-11T00:00"})
    EXPECT_EQ(add_days(bad, 1), "") << bad;
}

}  // namespace
}  // namespace shodo::obligations

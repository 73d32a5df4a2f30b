// SQL payload analysis, driven by tests/data/leak/sql_payloads.tsv (one
// injected request per line with what it asks for) and not_sql.txt
// (searches and names that must not be taken for injections).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "leak/leak.h"
#include "support/sanitizers.h"
#include "support/temp_dir.h"

namespace shodo::leak {
namespace {

const std::string kData = std::string(SHODO_TEST_DATA) + "/leak/";

using testing::split;

std::vector<std::string> data_lines(const std::string& name) {
  std::ifstream in(kData + name);
  EXPECT_TRUE(in) << name;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

// "db.table(c1,c2)[first+count]" as the TSV writes reads.
std::string describe(const TableRead& r) {
  std::string s = r.database.empty() ? r.table : r.database + "." + r.table;
  s += "(" + join(r.columns) + ")";
  if (r.rows) s += "[" + std::to_string(r.rows->first) + "+" + std::to_string(r.rows->count) + "]";
  return s;
}

TEST(LeakSqlPayload, EveryTechniqueAndObfuscationInTheCaseFile) {
  const std::vector<std::string> lines = data_lines("sql_payloads.tsv");
  ASSERT_GE(lines.size(), 30u);
  for (const std::string& line : lines) {
    const std::vector<std::string> f = split(line, '\t');
    ASSERT_EQ(f.size(), 5u) << line;
    SCOPED_TRACE(f[4] + ": " + f[0]);
    const SqlPayload p = analyze_sql(f[0]);
    EXPECT_TRUE(p.injected) << p.decoded;
    EXPECT_EQ(join(p.techniques), f[1]) << p.decoded;
    std::string reads;
    for (const TableRead& r : p.reads) reads += (reads.empty() ? "" : ";") + describe(r);
    EXPECT_EQ(reads.empty() ? "-" : reads, f[2]) << p.decoded;
    bool schema_expected = false;
    for (const std::string& fact : split(f[3], ' ')) {
      const size_t eq = fact.find('=');
      const std::string key = fact.substr(0, eq);
      const std::string value = eq == std::string::npos ? "" : fact.substr(eq + 1);
      if (key == "schema") {
        schema_expected = true;
      } else if (key == "tables") {
        EXPECT_EQ(join(p.tables), value);
      } else if (key == "dbs") {
        EXPECT_EQ(join(p.databases), value);
      } else if (key == "condition") {
        ASSERT_TRUE(p.condition.has_value());
        EXPECT_EQ(*p.condition, value == "true");
      } else if (key == "inference") {
        EXPECT_TRUE(p.inference);
      } else if (key == "char") {
        EXPECT_EQ(p.char_position, std::stoul(value));
      } else if (key == "delay") {
        EXPECT_DOUBLE_EQ(p.delay_s, std::stod(value));
      } else if (key == "param") {
        EXPECT_EQ(p.parameter, value);
      }
    }
    EXPECT_EQ(p.schema_enumeration, schema_expected) << p.decoded;
    if (f[3].find("condition") == std::string::npos) {
      EXPECT_FALSE(p.condition.has_value());
    }
    if (f[3].find("inference") == std::string::npos) {
      EXPECT_FALSE(p.inference);
    }
  }
}

TEST(LeakSqlPayload, SearchesAndNamesAreNoInjection) {
  const std::vector<std::string> lines = data_lines("not_sql.txt");
  ASSERT_GE(lines.size(), 15u);
  for (const std::string& target : lines) {
    const SqlPayload p = analyze_sql(target);
    EXPECT_FALSE(p.injected) << target << " read as " << join(p.techniques) << ": " << p.decoded;
    EXPECT_TRUE(p.reads.empty()) << target;
  }
}

TEST(LeakSqlPayload, DecodedTextShowsTheObfuscationRemoved) {
  const SqlPayload p = analyze_sql(
      "/p.php?id=-1%2F%2A%2A%2FUNION%2F%2A%21SELECT%2A%2F%201%2CCHAR%2899%2C117%29%2C0x6162");
  ASSERT_TRUE(p.injected);
  EXPECT_EQ(p.decoded, "- 1 UNION SELECT 1 , 'cu' , 'ab'");
}

TEST(LeakSqlPayload, CheapRejectionNeedsAnSqlByte) {
  EXPECT_FALSE(may_hold_sql("/products/view.php?id=105"));
  EXPECT_FALSE(may_hold_sql("/static/app-3f2a.min.js"));
  EXPECT_TRUE(may_hold_sql("/products/view.php?id=105%20AND%201=1"));
  EXPECT_TRUE(may_hold_sql("/p?id=1'"));
  EXPECT_TRUE(may_hold_sql("/p?id=1+or+1"));
  EXPECT_FALSE(analyze_sql("/products/view.php?id=105").injected);
}

// Attacker-written targets: whatever they hold, the analysis ends quickly.
TEST(LeakSqlPayload, HostileInputEndsQuickly) {
  std::vector<std::string> inputs;
  inputs.push_back("/p?id=1" + std::string(1 << 20, '('));  // 1 MiB of '('
  std::string comments = "/p?id=1";
  for (int i = 0; i < 10000; ++i) comments += "/*";
  for (int i = 0; i < 10000; ++i) comments += "*/";
  inputs.push_back(comments + " UNION SELECT 1");
  std::string versioned = "/p?id=1 ";
  for (int i = 0; i < 10000; ++i) versioned += "/*!50000";
  inputs.push_back(versioned + " UNION SELECT email FROM customers");
  std::string concat = "/p?id=1 UNION SELECT ";
  for (int i = 0; i < 5000; ++i) concat += "CONCAT(";
  inputs.push_back(concat + "0x41");
  std::string chain = "/p?id=1 AND '";
  for (int i = 0; i < 20000; ++i) chain += "a'+'";
  inputs.push_back(chain);
  std::string selects = "/p?id=1 UNION ";
  for (int i = 0; i < 5000; ++i) selects += "SELECT (";
  inputs.push_back(selects);
  std::string invalid = "/p?id=1%27%20UNION%20SELECT%20";
  for (int i = 0; i < 1000; ++i) invalid += "\xff\xfe\xc0%c0%af0x";
  inputs.push_back(invalid);
  inputs.push_back(std::string(1 << 20, '%'));
  inputs.push_back(
      "/p?id=1 LIMIT 18446744073709551615,18446744073709551615 UNION SELECT a FROM b "
      "LIMIT 99999999999999999999999,1");
  for (const std::string& in : inputs) {
    const auto start = std::chrono::steady_clock::now();
    const SqlPayload p = analyze_sql(in);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_LT(ms, 2000 * shodo::testing::kTimeFactor) << in.substr(0, 60);
    EXPECT_LE(p.decoded.size(), 2048u);
  }
}

}  // namespace
}  // namespace shodo::leak

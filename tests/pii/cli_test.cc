// `shodo pii` end to end: exit codes, text (en, ja) and JSON output, and
// that no output ever holds a full card number, e-mail address, phone
// number or My Number of the files scanned.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "pii_fixture.h"
#include "support/shodo_cli.h"

namespace shodo::pii {
namespace {

namespace fs = std::filesystem;
using shodo::testing::CliRun;

CliRun shodo(const std::string& args) {
  return shodo::testing::run_shodo("pii " + args);
}

std::string digits_of(const std::string& s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

class PiiCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("shodo-pii-cli-{}", ::getpid());
    fs::create_directories(dir_);
    people_ = testing::make_people(21, 40);
    testing::write_file(dir_ / "db.sql", testing::mysql_dump(people_, 8, 5, 3));
    testing::write_file(dir_ / "users.csv", testing::csv_export(people_));
    testing::write_file(dir_ / "app.log", testing::access_log(people_) +
                                              "card 4111 1111 1111 1111 masked 4111********1111\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::vector<testing::Person> people_;
};

TEST_F(PiiCli, OutputsNeverHoldAFullValue) {
  std::vector<std::string> outputs;
  for (const char* args : {"", "--lang ja", "--format json", "-j1 --format json"}) {
    const CliRun r = shodo(dir_.string() + " " + args);
    EXPECT_EQ(r.code, 1) << args << "\n" << r.out;  // findings
    outputs.push_back(r.out);
  }
  for (const std::string& out : outputs) {
    const std::string out_digits = digits_of(out);
    for (const testing::Person& p : people_) {
      ASSERT_EQ(out.find(p.card), std::string::npos) << p.card;
      ASSERT_EQ(out.find(p.email), std::string::npos) << p.email;
      ASSERT_EQ(out.find(p.phone), std::string::npos) << p.phone;
      ASSERT_EQ(out.find(p.my_number), std::string::npos) << p.my_number;
      ASSERT_EQ(out.find(p.password), std::string::npos) << p.password;
      ASSERT_EQ(out.find(p.address), std::string::npos) << p.address;
    }
    EXPECT_EQ(out.find("4111111111111111"), std::string::npos);
    EXPECT_EQ(out.find("4111 1111 1111 1111"), std::string::npos);
  }
  EXPECT_NE(outputs[0].find("distinct persons: 44"), std::string::npos) << outputs[0];
  EXPECT_NE(outputs[1].find("本人の数（重複除外）: 44"), std::string::npos) << outputs[1];
  EXPECT_NE(outputs[1].find("マイナンバー（個人番号）"), std::string::npos);
  const auto json = nlohmann::json::parse(outputs[2]);
  EXPECT_EQ(json["persons"], 44);  // 40 customers, 3 subscribers, 1 card in the log
  EXPECT_EQ(json["test_cards"], 1);
  EXPECT_EQ(json["masked_cards"], 1);
  EXPECT_EQ(outputs[2], outputs[3]);  // deterministic for any thread count
}

TEST_F(PiiCli, NothingFoundAndUnreadableInput) {
  testing::write_file(dir_ / "clean.txt", "nothing personal here\n");
  CliRun r = shodo((dir_ / "clean.txt").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("distinct persons: 0"), std::string::npos);
  r = shodo((dir_ / "missing.sql").string());
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("cannot be read"), std::string::npos);
}

}  // namespace
}  // namespace shodo::pii

// The scanner on generated files with known persons and items: MySQL and
// PostgreSQL dumps, CSV, logs; Shift_JIS and EUC-JP; gzip; dedup across
// tables and files; damaged and truncated input; cut lines and values.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "pii/pii.h"
#include "pii_fixture.h"

namespace shodo::pii {
namespace {

namespace fs = std::filesystem;
using testing::make_people;
using testing::write_file;

class PiiScan : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("shodo-pii-{}-{}", ::getpid(),
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Report scan(const std::vector<std::string>& paths, Options o = {}) {
    Scanner s(o);
    for (const std::string& p : paths) s.scan_path(p);
    return s.finish();
  }

  fs::path dir_;
};

const Unit* find_unit(const Report& r, std::string_view table) {
  for (const Unit& u : r.units)
    if (u.table == table) return &u;
  return nullptr;
}

const ItemFinding* find_item(const Unit& u, std::string_view item) {
  for (const ItemFinding& f : u.items)
    if (f.item == item) return &f;
  return nullptr;
}

uint64_t kind(const ItemFinding& f, std::string_view name) {
  for (const Count& c : f.kinds)
    if (c.name == name) return c.count;
  return 0;
}

TEST_F(PiiScan, MysqlDumpCountsEveryItemAndPerson) {
  const auto people = make_people(11, 240);
  const std::string path = write_file(dir_ / "shop.sql", testing::mysql_dump(people, 7, 30, 12));
  const Report r = scan({path});
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].reason;
  const Unit* c = find_unit(r, "customers");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->format, "sql");
  EXPECT_EQ(c->encoding, "utf-8");
  EXPECT_EQ(c->rows, 240u);
  EXPECT_EQ(c->rows_with_pii, 240u);
  for (const char* item : {"email", "phone", "card_number", "my_number"}) {
    const ItemFinding* f = find_item(*c, item);
    ASSERT_TRUE(f) << item;
    EXPECT_EQ(f->values, 240u) << item;
    EXPECT_EQ(f->distinct, 240u) << item;
    EXPECT_EQ(f->columns.size(), 1u) << item;
  }
  for (const char* item : {"postal_code", "address", "birth_date", "credential"})
    EXPECT_EQ(find_item(*c, item)->values, 240u) << item;
  EXPECT_EQ(find_item(*c, "name")->values, 480u);  // name and name_kana
  EXPECT_EQ(find_item(*c, "name")->columns, (std::vector<std::string>{"name", "name_kana"}));
  const ItemFinding* cred = find_item(*c, "credential");
  EXPECT_EQ(kind(*cred, "bcrypt"), 80u);
  EXPECT_EQ(kind(*cred, "md5"), 80u);
  EXPECT_EQ(kind(*cred, "plaintext"), 80u);
  const ItemFinding* cards = find_item(*c, "card_number");
  EXPECT_EQ(kind(*cards, "visa"), 48u);
  EXPECT_EQ(kind(*cards, "mastercard"), 96u);  // 51 and 2221
  EXPECT_EQ(kind(*cards, "jcb"), 48u);
  EXPECT_EQ(kind(*cards, "amex"), 48u);
  EXPECT_EQ(cards->first.line, 21u);  // the first INSERT's line
  EXPECT_EQ(cards->examples.size(), 3u);
  const Unit* n = find_unit(r, "newsletter");
  ASSERT_TRUE(n);
  EXPECT_EQ(find_item(*n, "email")->values, 42u);
  // 240 customers; the newsletter adds 12 new persons (30 are customers).
  EXPECT_EQ(r.persons, 252u);
  EXPECT_EQ(r.persons_without_identifier, 0u);
  EXPECT_EQ(r.rows_with_pii, 282u);
  EXPECT_TRUE(r.found());
}

TEST_F(PiiScan, SameCountsInShiftJisAndEucJp) {
  const auto people = make_people(5, 60);
  const std::string utf8 = testing::mysql_dump(people, 5, 0, 0);
  const Report base = scan({write_file(dir_ / "u.sql", utf8)});
  for (const auto& [charset, name] :
       {std::pair{"CP932", "shift_jis"}, std::pair{"EUC-JP", "euc-jp"}}) {
    const Report r = scan({write_file(dir_ / "x.sql", testing::convert(utf8, charset))});
    ASSERT_EQ(r.units.size(), base.units.size()) << name;
    EXPECT_TRUE(r.problems.empty()) << name << ": " << r.problems[0].reason;
    for (size_t u = 0; u < r.units.size(); ++u) {
      EXPECT_EQ(r.units[u].encoding, name);
      ASSERT_EQ(r.units[u].items.size(), base.units[u].items.size()) << name;
      for (size_t i = 0; i < r.units[u].items.size(); ++i) {
        EXPECT_EQ(r.units[u].items[i].values, base.units[u].items[i].values) << name;
        EXPECT_EQ(r.units[u].items[i].distinct, base.units[u].items[i].distinct) << name;
        EXPECT_EQ(r.units[u].items[i].first.line, base.units[u].items[i].first.line) << name;
      }
    }
    EXPECT_EQ(r.persons, 60u);
  }
}

TEST_F(PiiScan, EncodingDetectedAfterAnAsciiStartAndAcrossChunks) {
  // Japanese first appears after 3 MiB of ASCII: decoding starts there, and
  // characters split between read chunks are carried over.
  std::string text(3u << 20, 'a');
  for (size_t i = 80; i < text.size(); i += 81) text[i] = '\n';
  for (int i = 0; i < 5000; ++i)
    text += fmt::format("住所: 東京都新宿区西新宿{}-1 メール u{}@example.jp\n", i % 9, i);
  const Report r = scan({write_file(dir_ / "mixed.log", testing::convert(text, "EUC-JP"))});
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].encoding, "euc-jp");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(find_item(r.units[0], "address")->values, 5000u);
  EXPECT_EQ(find_item(r.units[0], "email")->distinct, 5000u);
}

TEST_F(PiiScan, PostgresCopyBlock) {
  const auto people = make_people(9, 50);
  const Report r = scan({write_file(dir_ / "pg.sql", testing::postgres_dump(people))});
  EXPECT_TRUE(r.problems.empty());
  const Unit* u = find_unit(r, "users");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->rows, 50u);
  EXPECT_EQ(find_item(*u, "email")->values, 50u);
  EXPECT_EQ(find_item(*u, "phone")->values, 25u);  // \N in the others
  EXPECT_EQ(find_item(*u, "name")->values, 50u);
  EXPECT_EQ(r.persons, 50u);
}

TEST_F(PiiScan, SpecialCareRequiredColumnsCountedAndMasked) {
  // A clinic's booking table: 30 patients, 20 with a recorded condition.
  std::string sql =
      "CREATE TABLE `patients` (`id` int, `email` varchar(255), `既往歴` text, "
      "`allergy` varchar(64));\nINSERT INTO `patients` VALUES ";
  for (int i = 1; i <= 30; ++i)
    sql += fmt::format("{}({},'patient{}@example.jp',{},{})", i > 1 ? "," : "", i, i,
                       i <= 20 ? "'高血圧症 2019年から'" : "NULL", i % 3 == 0 ? "'卵'" : "NULL");
  sql += ";\n";
  const Report r = scan({write_file(dir_ / "clinic.sql", sql)});
  const Unit* u = find_unit(r, "patients");
  ASSERT_TRUE(u);
  const ItemFinding* s = find_item(*u, "sensitive");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->values, 30u);  // 20 conditions, 10 allergies
  EXPECT_EQ(s->columns, (std::vector<std::string>{"既往歴", "allergy"}));
  for (const std::string& e : s->examples) EXPECT_EQ(e.find("高血圧"), std::string::npos) << e;
  EXPECT_EQ(r.persons, 30u);
}

TEST_F(PiiScan, CsvWithQuotesAndNewlinesInCells) {
  const auto people = make_people(4, 80);
  const Report r = scan({write_file(dir_ / "export.csv", testing::csv_export(people))});
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.units.size(), 1u);
  const Unit& u = r.units[0];
  EXPECT_EQ(u.format, "csv");
  EXPECT_EQ(u.rows, 80u);
  for (const char* item : {"email", "phone", "postal_code", "address", "name"})
    EXPECT_EQ(find_item(u, item)->values, 80u) << item;
  EXPECT_EQ(find_item(u, "address")->columns, std::vector<std::string>{"住所"});
  EXPECT_EQ(r.persons, 80u);
}

TEST_F(PiiScan, LogsCountPersonsByIdentifiers) {
  const auto people = make_people(8, 100);
  const Report r = scan({write_file(dir_ / "access.log", testing::access_log(people))});
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].format, "text");
  EXPECT_EQ(r.units[0].rows, 200u);
  EXPECT_EQ(r.units[0].rows_with_pii, 100u);
  EXPECT_EQ(r.units[0].items.size(), 1u);  // e-mail only: no timestamp taken for a card
  EXPECT_EQ(r.persons, 100u);
}

TEST_F(PiiScan, PersonsDeduplicatedAcrossFiles) {
  const auto people = make_people(2, 120);
  const std::vector<testing::Person> half(people.begin(), people.begin() + 60);
  const std::string dump = write_file(dir_ / "a.sql", testing::mysql_dump(people, 9, 0, 0));
  const std::string csv = write_file(dir_ / "b.csv", testing::csv_export(half));
  const Report r = scan({dump, csv});
  EXPECT_EQ(r.files_scanned, 2u);
  EXPECT_EQ(r.persons, 120u);
  const std::vector<testing::Person> other = make_people(3, 10, 1000);
  const Report more = scan({dump, csv, write_file(dir_ / "c.csv", testing::csv_export(other))});
  EXPECT_EQ(more.persons, 130u);
}

TEST_F(PiiScan, BackupArchiveEntriesScannedByTheirFormat) {
  // A site backup as attackers download it: the dump inside keeps its
  // columns (names by header), and entries are named ARCHIVE:/path.
  const auto people = make_people(8, 70);
  fs::create_directories(dir_ / "www" / "backup");
  write_file(dir_ / "www" / "backup" / "shop.sql", testing::mysql_dump(people, 10, 0, 0));
  write_file(dir_ / "www" / "index.php", "<?php echo 'shop';\n");
  ASSERT_EQ(
      std::system(("tar -czf " + (dir_ / "site.tar.gz").string() + " -C " + dir_.string() + " www")
                      .c_str()),
      0);
  const Report r = scan({(dir_ / "site.tar.gz").string()});
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.files_scanned, 2u);
  const Unit* u = find_unit(r, "customers");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->file, (dir_ / "site.tar.gz").string() + ":/www/backup/shop.sql");
  EXPECT_EQ(u->format, "sql");
  ASSERT_TRUE(find_item(*u, "name"));
  EXPECT_EQ(find_item(*u, "name")->values, 140u);  // name and name_kana
  EXPECT_EQ(r.persons, 70u);
}

TEST_F(PiiScan, FolderAndGzipAndThreadsGiveTheSameReport) {
  const auto people = make_people(6, 90);
  fs::create_directories(dir_ / "site" / "backup");
  write_file(dir_ / "site" / "backup" / "db.sql", testing::mysql_dump(people, 4, 10, 5));
  write_file(dir_ / "site" / "users.csv", testing::csv_export(people));
  write_file(dir_ / "site" / "logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ASSERT_EQ(std::system(("gzip -k " + (dir_ / "site" / "backup" / "db.sql").string()).c_str()), 0);
  Options one;
  one.threads = 1;
  Options two;
  two.threads = 2;
  const Report a = scan({(dir_ / "site").string()}, one);
  const Report b = scan({(dir_ / "site").string()}, two);
  EXPECT_EQ(a.files_scanned, 3u);  // the PNG is a problem, not a file scanned
  ASSERT_EQ(a.problems.size(), 1u);
  EXPECT_NE(a.problems[0].reason.find("binary"), std::string::npos);
  EXPECT_EQ(a.persons, 95u);
  ASSERT_EQ(a.units.size(), b.units.size());
  for (size_t i = 0; i < a.units.size(); ++i) {
    EXPECT_EQ(a.units[i].file, b.units[i].file);
    EXPECT_EQ(a.units[i].rows, b.units[i].rows);
  }
  EXPECT_EQ(a.persons, b.persons);
  const Unit* gz = nullptr;
  for (const Unit& u : a.units)
    if (u.file.ends_with("db.sql.gz") && u.table == "customers") gz = &u;
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->compression, "gzip");
  EXPECT_EQ(find_item(*gz, "card_number")->values, 90u);
}

TEST_F(PiiScan, TruncatedDumpReportsAndCountsWhatItRead) {
  const auto people = make_people(12, 100);
  const std::string dump = testing::mysql_dump(people, 100, 0, 0);
  // Cut inside row 41, right after its opening quote of the name.
  const size_t row = dump.find("(41,'");
  ASSERT_NE(row, std::string::npos);
  const Report r = scan({write_file(dir_ / "cut.sql", dump.substr(0, row + 5))});
  ASSERT_FALSE(r.problems.empty());
  EXPECT_NE(r.problems[0].reason.find("truncated"), std::string::npos) << r.problems[0].reason;
  const Unit* c = find_unit(r, "customers");
  ASSERT_TRUE(c);
  EXPECT_EQ(find_item(*c, "email")->values, 40u);
  EXPECT_EQ(r.persons, 40u);
}

TEST_F(PiiScan, BrokenQuotingIsReportedAndTheNextStatementRead) {
  const auto people = make_people(13, 20);
  std::string dump = testing::mysql_dump(people, 10, 0, 0);
  // An unescaped quote in row 3 throws the first INSERT off.
  const size_t at = dump.find("(3,'");
  dump.insert(at + 4, "D'Arcy ");
  const Report r = scan({write_file(dir_ / "broken.sql", dump)});
  ASSERT_FALSE(r.problems.empty());
  EXPECT_NE(r.problems[0].reason.find("broken quoting"), std::string::npos) << r.problems[0].reason;
  const Unit* c = find_unit(r, "customers");
  ASSERT_TRUE(c);
  // Rows 1, 2 and the second statement's 10 are read whole.
  EXPECT_GE(find_item(*c, "email")->values, 12u);
  EXPECT_LE(find_item(*c, "email")->values, 13u);
}

TEST_F(PiiScan, LongLinesAndValuesAreCutAndCounted) {
  std::string text = "first taro@example.jp\n" + std::string(5000, 'x') + " hanako@example.jp\n" +
                     "last jiro@example.jp\n";
  Options o;
  o.max_line_bytes = 1024;
  Report r = scan({write_file(dir_ / "long.log", text)}, o);
  EXPECT_EQ(r.truncated, 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].where.line, 2u);
  EXPECT_EQ(find_item(r.units[0], "email")->values, 2u);  // the cut line's tail is not read
  EXPECT_EQ(r.units[0].rows, 3u);
  // A SQL string value longer than the limit: cut, and parsing goes on.
  std::string dump = "INSERT INTO t (id, note, email) VALUES (1,'" + std::string(5000, 'y') +
                     "','a@example.jp'),(2,'short','b@example.jp');\n";
  r = scan({write_file(dir_ / "long.sql", dump)}, o);
  EXPECT_EQ(r.truncated, 1u);
  EXPECT_EQ(find_item(r.units[0], "email")->values, 2u);
}

TEST_F(PiiScan, MaskedAndTestCardsCountedApart) {
  const std::string text =
      "paid 4111 1111 1111 1111\nreceipt card ****-****-****-4242\nlast 4539 1488 0343 6467\n";
  const Report r = scan({write_file(dir_ / "mail.txt", text)});
  ASSERT_EQ(r.units.size(), 1u);
  const ItemFinding* f = find_item(r.units[0], "card_number");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->values, 2u);
  EXPECT_EQ(f->test, 1u);
  EXPECT_EQ(f->masked, 1u);
  EXPECT_EQ(r.masked_cards, 1u);
  EXPECT_EQ(r.test_cards, 1u);
  ASSERT_EQ(r.cards_by_brand.size(), 1u);
  EXPECT_EQ(r.cards_by_brand[0].count, 2u);
}

TEST_F(PiiScan, HostileBytesNeverCrash) {
  std::mt19937 rng(99);
  for (int k = 0; k < 20; ++k) {
    static const char kBytes[] = "('\\\",;)\n\t\r@0123456789\xE3\x80\x92\x82";
    std::string junk;
    for (int i = 0; i < 20000; ++i) junk += kBytes[rng() % (sizeof(kBytes) - 1)];
    Options o;
    o.max_line_bytes = 100;
    const Report r =
        scan({write_file(dir_ / fmt::format("j{}.sql", k), "INSERT INTO t VALUES " + junk),
              write_file(dir_ / fmt::format("j{}.csv", k), junk)},
             o);
    EXPECT_EQ(r.files_scanned, 2u);
  }
}

}  // namespace
}  // namespace shodo::pii

// The case store: fields, migrations, and the custody chain against
// tampering done directly in SQLite.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "case/case.h"
#include "support/temp_dir.h"

namespace {

using shodo::cases::CaseDir;
using shodo::cases::CaseFields;
using shodo::cases::CaseStore;
using shodo::cases::CustodyEvent;

std::unique_ptr<CaseStore> make_case(const shodo::testing::TempDir& t, CaseDir& dir) {
  CaseFields f;
  f.number = "2024-017";
  f.created_at = "2024-03-10T00:00:00.000Z";
  std::unique_ptr<CaseStore> store;
  EXPECT_TRUE(shodo::cases::create_case((t.path() / "c").string(), f, store).ok);
  dir.root = (t.path() / "c").string();
  return store;
}

void add_events(CaseStore& store, int n) {
  std::vector<CustodyEvent> evs;
  for (int i = 0; i < n; ++i) {
    CustodyEvent e;
    e.action = "accessed";
    e.actor = "tester";
    e.time_utc = "2024-03-10T00:00:0" + std::to_string(i) + ".000Z";
    e.tool = "shodo test";
    e.host = "h";
    evs.push_back(e);
  }
  ASSERT_TRUE(store.append_events(evs).ok);
}

shodo::cases::ChainCheck check(CaseStore& store) {
  std::vector<CustodyEvent> evs;
  EXPECT_TRUE(store.events(0, evs).ok);
  int64_t seq = 0;
  std::string hash;
  EXPECT_TRUE(store.custody_head(seq, hash).ok);
  return shodo::cases::verify_custody_chain(evs, seq, hash);
}

// Tampering as someone with the database file would do it: the
// append-only triggers dropped first.
void tamper(const CaseDir& dir, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.db().c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const std::string all = "DROP TRIGGER custody_no_update; DROP TRIGGER custody_no_delete; " + sql;
  EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

TEST(CaseStore, FieldsAreValidatedAndKept) {
  shodo::testing::TempDir t;
  CaseDir dir;
  auto store = make_case(t, dir);
  CaseFields f;
  ASSERT_TRUE(store->fields(f).ok);
  EXPECT_EQ(f.number, "2024-017");
  EXPECT_FALSE(shodo::cases::set_case_field(f, "phase", "lunch").ok);
  EXPECT_FALSE(shodo::cases::set_case_field(f, "knowledge_date", "10/03/2024").ok);
  EXPECT_FALSE(shodo::cases::set_case_field(f, "time_zone", "Mars/Base").ok);
  EXPECT_FALSE(shodo::cases::set_case_field(f, "nosuch", "x").ok);
  ASSERT_TRUE(shodo::cases::set_case_field(f, "phase", "full").ok);
  ASSERT_TRUE(shodo::cases::set_case_field(f, "knowledge_date", "2024-03-10").ok);
  ASSERT_TRUE(shodo::cases::set_case_field(f, "time_zone", "Asia/Tokyo").ok);
  ASSERT_TRUE(shodo::cases::set_case_field(f, "tlp", "TLP:AMBER").ok);
  ASSERT_TRUE(store->save_fields(f).ok);
  store.reset();
  ASSERT_TRUE(shodo::cases::open_case(dir, store).ok);
  CaseFields g;
  ASSERT_TRUE(store->fields(g).ok);
  EXPECT_EQ(g.phase, "full");
  EXPECT_EQ(g.knowledge_date, "2024-03-10");
  EXPECT_EQ(g.time_zone, "Asia/Tokyo");
}

TEST(CaseStore, OlderSchemaIsMigratedOnOpen) {
  shodo::testing::TempDir t;
  CaseDir dir;
  auto store = make_case(t, dir);
  const int latest = store->schema_version();
  EXPECT_GE(latest, 1);
  store.reset();
  // A newer shodo's case is refused rather than misread.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.db().c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, ("PRAGMA user_version=" + std::to_string(latest + 5)).c_str(), nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  EXPECT_FALSE(shodo::cases::open_case(dir, store).ok);
  ASSERT_EQ(sqlite3_open(dir.db().c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, ("PRAGMA user_version=" + std::to_string(latest)).c_str(), nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  ASSERT_TRUE(shodo::cases::open_case(dir, store).ok);
  EXPECT_EQ(store->schema_version(), latest);
}

TEST(CaseStore, FindsTheCaseInParentFolders) {
  shodo::testing::TempDir t;
  CaseDir dir;
  auto store = make_case(t, dir);
  const auto old = std::filesystem::current_path();
  std::filesystem::current_path(dir.reports());
  CaseDir found;
  EXPECT_TRUE(shodo::cases::find_case("", found).ok);
  std::filesystem::current_path(old);
  EXPECT_EQ(found.root, dir.root);
  EXPECT_FALSE(shodo::cases::find_case((t.path() / "nope").string(), found).ok);
}

TEST(CustodyChain, IntactChainVerifies) {
  shodo::testing::TempDir t;
  CaseDir dir;
  auto store = make_case(t, dir);
  add_events(*store, 5);
  const auto c = check(*store);
  EXPECT_TRUE(c.ok) << c.reason;
  EXPECT_EQ(c.events, 5u);
}

TEST(CustodyChain, AppendOnlyTriggersRefuseEdits) {
  shodo::testing::TempDir t;
  CaseDir dir;
  auto store = make_case(t, dir);
  add_events(*store, 2);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.db().c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE custody SET actor='x'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM custody", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

struct TamperCase {
  const char* name;
  const char* sql;
  int64_t first_bad;
};

class CustodyTamper : public ::testing::TestWithParam<TamperCase> {};

TEST_P(CustodyTamper, IsDetectedAndNamed) {
  shodo::testing::TempDir t;
  CaseDir dir;
  auto store = make_case(t, dir);
  add_events(*store, 5);
  store.reset();
  tamper(dir, GetParam().sql);
  ASSERT_TRUE(shodo::cases::open_case(dir, store).ok);
  const auto c = check(*store);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.first_bad_seq, GetParam().first_bad) << c.reason;
  EXPECT_NE(c.reason.find("event " + std::to_string(GetParam().first_bad)), std::string::npos)
      << c.reason;
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, CustodyTamper,
    ::testing::Values(
        TamperCase{"edit", "UPDATE custody SET actor='someone else' WHERE seq=3", 3},
        TamperCase{"delete", "DELETE FROM custody WHERE seq=2", 2},
        TamperCase{"delete_last", "DELETE FROM custody WHERE seq=5", 5},
        TamperCase{"reorder",
                   "UPDATE custody SET seq=-1 WHERE seq=2; UPDATE custody SET seq=2 WHERE seq=3; "
                   "UPDATE custody SET seq=3 WHERE seq=-1",
                   2},
        TamperCase{"insert",
                   "UPDATE custody SET seq=seq+10 WHERE seq>=4; "
                   "UPDATE custody SET seq=seq-9 WHERE seq>=14; "
                   "INSERT INTO custody SELECT 4,item_id,action,actor,time_utc,time_local,zone,"
                   "purpose,hashes,matched,tool,host,details,prev_hash,event_hash FROM custody "
                   "WHERE seq=3",
                   4}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace

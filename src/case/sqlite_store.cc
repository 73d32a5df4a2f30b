// The SQLite implementation of CaseStore: case.db in the case folder, in WAL
// mode so readers never block the writer, with a busy timeout and
// BEGIN IMMEDIATE transactions so that concurrent shodo processes queue.
#include "case/sqlite_store.h"

#include <sqlite3.h>

#include <string>

#include "case/case.h"
#include "case/migrations.h"
#include "case/sqlite_db.h"

namespace shodo::cases {
namespace {

constexpr int kBusyTimeoutMs = 30000;
constexpr std::string_view kItemColumns =
    "id, IFNULL(parent_id, 0), kind, method, source, entry_path, size, sha256, sha1, md5, "
    "metadata, problems, acquired_at, acquired_zone, acquired_by, host, tool, notes, "
    "disposition";
constexpr std::string_view kEventColumns =
    "seq, IFNULL(item_id, 0), action, actor, time_utc, time_local, zone, purpose, hashes, "
    "matched, tool, host, details, prev_hash, event_hash";

Item item_from(const Statement& s) {
  Item it;
  it.id = s.integer(0);
  it.parent_id = s.integer(1);
  it.kind = s.text(2);
  it.method = s.text(3);
  it.source = s.text(4);
  it.entry_path = s.text(5);
  it.size = static_cast<uint64_t>(s.integer(6));
  it.hashes = {s.text(7), s.text(8), s.text(9)};
  it.metadata_json = s.text(10);
  it.problems = s.text(11);
  it.acquired_at = s.text(12);
  it.acquired_zone = s.text(13);
  it.acquired_by = s.text(14);
  it.host = s.text(15);
  it.tool = s.text(16);
  it.notes = s.text(17);
  it.disposition = s.text(18);
  return it;
}

CustodyEvent event_from(const Statement& s) {
  CustodyEvent e;
  e.seq = s.integer(0);
  e.item_id = s.integer(1);
  e.action = s.text(2);
  e.actor = s.text(3);
  e.time_utc = s.text(4);
  e.time_local = s.text(5);
  e.zone = s.text(6);
  e.purpose = s.text(7);
  e.hashes_json = s.text(8);
  e.matched = s.text(9);
  e.tool = s.text(10);
  e.host = s.text(11);
  e.details = s.text(12);
  e.prev_hash = s.text(13);
  e.event_hash = s.text(14);
  return e;
}

Status fail_from(const Statement& s, std::string_view what) {
  return Status::fail(std::string(what) + ": " + s.error());
}

// Appends custody events inside a write transaction: each chained to the
// one before, the head read at the start and written once at the end.
class ChainAppender {
 public:
  explicit ChainAppender(sqlite3* db)
      : db_(db),
        ins_(db,
             "INSERT INTO custody (seq, item_id, action, actor, time_utc, time_local, zone, "
             "purpose, hashes, matched, tool, host, details, prev_hash, event_hash) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}

  Status start() {
    Statement s(db_, "SELECT custody_head_seq, custody_head_hash FROM case_info WHERE id = 1");
    if (!s.step()) return fail_from(s, "reading the custody head");
    seq_ = s.integer(0);
    hash_ = s.text(1);
    return {};
  }

  Status append(CustodyEvent& e) {
    e.seq = seq_ + 1;
    e.prev_hash = hash_;
    e.event_hash = custody_event_hash(e);
    ins_.reset();
    ins_.bind(1, e.seq);
    if (e.item_id) {
      ins_.bind(2, e.item_id);
    } else {
      ins_.bind_null(2);
    }
    ins_.bind(3, e.action).bind(4, e.actor).bind(5, e.time_utc).bind(6, e.time_local);
    ins_.bind(7, e.zone).bind(8, e.purpose).bind(9, e.hashes_json).bind(10, e.matched);
    ins_.bind(11, e.tool).bind(12, e.host).bind(13, e.details).bind(14, e.prev_hash);
    ins_.bind(15, e.event_hash);
    if (!ins_.run()) return fail_from(ins_, "appending to the custody log");
    seq_ = e.seq;
    hash_ = e.event_hash;
    moved_ = true;
    return {};
  }

  Status finish() {
    if (!moved_) return {};
    Statement head(db_, "UPDATE case_info SET custody_head_seq = ?, custody_head_hash = ?");
    head.bind(1, seq_).bind(2, hash_);
    return head.run() ? Status{} : fail_from(head, "moving the custody head");
  }

 private:
  sqlite3* db_;
  Statement ins_;
  int64_t seq_ = 0;
  std::string hash_;
  bool moved_ = false;
};

class SqliteStore final : public CaseStore {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status init(bool create) {
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    // secure_delete: freed pages are zeroed, so nothing lingers after updates.
    for (std::string_view pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                                    "PRAGMA secure_delete=ON", "PRAGMA synchronous=FULL"}) {
      if (Status s = exec(db_, pragma); !s) return s;
    }
    return migrate(create);
  }

  int schema_version() const override { return version_; }

  Status fields(CaseFields& out) override {
    Statement s(db_,
                "SELECT number, title, customer, examiners, time_zone, phase, severity, tlp, "
                "knowledge_date, status, created_at FROM case_info WHERE id = 1");
    if (!s.step())
      return s.error().empty() ? Status::fail("case record missing")
                               : fail_from(s, "reading the case");
    out = {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
           s.text(6), s.text(7), s.text(8), s.text(9), s.text(10)};
    return {};
  }

  Status save_fields(const CaseFields& f) override {
    Transaction tx(db_);
    if (!tx.status()) return tx.status();
    Statement s(db_,
                "INSERT INTO case_info (id, number, title, customer, examiners, time_zone, "
                "phase, severity, tlp, knowledge_date, status, created_at) "
                "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                "ON CONFLICT(id) DO UPDATE SET number=?1, title=?2, customer=?3, examiners=?4, "
                "time_zone=?5, phase=?6, severity=?7, tlp=?8, knowledge_date=?9, status=?10");
    s.bind(1, f.number).bind(2, f.title).bind(3, f.customer).bind(4, f.examiners);
    s.bind(5, f.time_zone).bind(6, f.phase).bind(7, f.severity).bind(8, f.tlp);
    s.bind(9, f.knowledge_date).bind(10, f.status).bind(11, f.created_at);
    if (!s.run()) return fail_from(s, "saving the case");
    return tx.commit();
  }

  Status add_item(Item& item, CustodyEvent acquired, bool& existing) override {
    std::vector<NewItem> one = {{std::move(item), std::move(acquired), false}};
    Status st = add_items(one);
    item = std::move(one[0].item);
    existing = one[0].existing;
    return st;
  }

  Status add_items(std::vector<NewItem>& items) override {
    Transaction tx(db_);
    if (!tx.status()) return tx.status();
    ChainAppender chain(db_);
    if (Status st = chain.start(); !st) return st;
    Statement find(db_, "SELECT id FROM items WHERE source = ? AND entry_path = ? AND sha256 = ?");
    Statement ins(db_,
                  "INSERT INTO items (parent_id, kind, method, source, entry_path, size, sha256, "
                  "sha1, md5, metadata, problems, acquired_at, acquired_zone, acquired_by, host, "
                  "tool, notes, disposition) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (NewItem& n : items) {
      Item& item = n.item;
      n.existing = false;
      find.reset();
      find.bind(1, item.source).bind(2, item.entry_path).bind(3, item.hashes.sha256);
      if (find.step()) {
        item.id = find.integer(0);
        n.existing = true;
        continue;
      }
      ins.reset();
      if (item.parent_id) {
        ins.bind(1, item.parent_id);
      } else {
        ins.bind_null(1);
      }
      ins.bind(2, item.kind).bind(3, item.method).bind(4, item.source).bind(5, item.entry_path);
      ins.bind(6, static_cast<int64_t>(item.size)).bind(7, item.hashes.sha256);
      ins.bind(8, item.hashes.sha1).bind(9, item.hashes.md5).bind(10, item.metadata_json);
      ins.bind(11, item.problems).bind(12, item.acquired_at).bind(13, item.acquired_zone);
      ins.bind(14, item.acquired_by).bind(15, item.host).bind(16, item.tool).bind(17, item.notes);
      ins.bind(18, item.disposition);
      if (!ins.run()) return fail_from(ins, "recording the item");
      item.id = sqlite3_last_insert_rowid(db_);
      n.acquired.item_id = item.id;
      if (Status st = chain.append(n.acquired); !st) return st;
    }
    if (Status st = chain.finish(); !st) return st;
    return tx.commit();
  }

 public:
  Status items(std::vector<Item>& out) override {
    out.clear();
    Statement s(db_, "SELECT " + std::string(kItemColumns) + " FROM items ORDER BY id");
    while (s.step()) out.push_back(item_from(s));
    return s.error().empty() ? Status{} : fail_from(s, "reading items");
  }

  Status item(int64_t id, Item& out) override {
    Statement s(db_, "SELECT " + std::string(kItemColumns) + " FROM items WHERE id = ?");
    s.bind(1, id);
    if (s.step()) {
      out = item_from(s);
      return {};
    }
    return s.error().empty() ? Status::fail("no item #" + std::to_string(id))
                             : fail_from(s, "reading the item");
  }

  Status set_disposition(int64_t id, std::string_view disposition) override {
    Statement s(db_, "UPDATE items SET disposition = ? WHERE id = ?");
    s.bind(1, disposition).bind(2, id);
    return s.run() ? Status{} : fail_from(s, "updating the item");
  }

  Status append_events(std::vector<CustodyEvent>& events) override {
    Transaction tx(db_);
    if (!tx.status()) return tx.status();
    ChainAppender chain(db_);
    if (Status st = chain.start(); !st) return st;
    for (CustodyEvent& e : events)
      if (Status st = chain.append(e); !st) return st;
    if (Status st = chain.finish(); !st) return st;
    return tx.commit();
  }

  Status events(int64_t item_id, std::vector<CustodyEvent>& out) override {
    out.clear();
    std::string sql = "SELECT " + std::string(kEventColumns) + " FROM custody";
    if (item_id) sql += " WHERE item_id = ?1 OR item_id IS NULL";
    Statement s(db_, sql + " ORDER BY seq");
    if (item_id) s.bind(1, item_id);
    while (s.step()) out.push_back(event_from(s));
    return s.error().empty() ? Status{} : fail_from(s, "reading the custody log");
  }

  Status custody_head(int64_t& seq, std::string& hash) override {
    Statement s(db_, "SELECT custody_head_seq, custody_head_hash FROM case_info WHERE id = 1");
    if (!s.step()) return fail_from(s, "reading the custody head");
    seq = s.integer(0);
    hash = s.text(1);
    return {};
  }

  Status compact() override {
    if (Status s = exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)"); !s) return s;
    if (Status s = exec(db_, "VACUUM"); !s) return s;
    return exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
  }

 private:
  // Applies the migrations this case has not seen yet, each in its own
  // transaction (re-reading the version under the write lock, in case
  // another process migrated meanwhile).
  Status migrate(bool create) {
    const auto& all = migrations();
    for (;;) {
      Transaction tx(db_);
      if (!tx.status()) return tx.status();
      Statement v(db_, "PRAGMA user_version");
      version_ = v.step() ? static_cast<int>(v.integer(0)) : 0;
      if (version_ == 0 && !create) return Status::fail("not a shodo case database");
      if (version_ > static_cast<int>(all.size()))
        return Status::fail("case made by a newer shodo (schema " + std::to_string(version_) +
                            ", this one knows " + std::to_string(all.size()) + ")");
      if (version_ == static_cast<int>(all.size())) return tx.commit();
      if (Status s = exec(db_, all[static_cast<size_t>(version_)]); !s)
        return Status::fail("migration " + std::to_string(version_ + 1) + ": " + s.error);
      if (Status s = exec(db_, "PRAGMA user_version = " + std::to_string(version_ + 1)); !s)
        return s;
      if (Status s = tx.commit(); !s) return s;
      create = false;
    }
  }

  sqlite3* db_;
  int version_ = 0;
};

}  // namespace

Status open_case_store(const std::string& path, bool create, std::unique_ptr<CaseStore>& out) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status s = Status::fail(path + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteStore>(db);
  if (Status s = store->init(create); !s) return Status::fail(path + ": " + s.error);
  out = std::move(store);
  return {};
}

}  // namespace shodo::cases

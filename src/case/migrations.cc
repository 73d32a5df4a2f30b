#include "case/migrations.h"

namespace shodo::cases {
namespace {

// 1: case fields, evidence items, chain of custody.
constexpr std::string_view kCaseAndEvidence = R"sql(
CREATE TABLE case_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  number TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', customer TEXT NOT NULL DEFAULT '',
  examiners TEXT NOT NULL DEFAULT '', time_zone TEXT NOT NULL DEFAULT 'UTC',
  phase TEXT NOT NULL DEFAULT 'intake', severity TEXT NOT NULL DEFAULT '',
  tlp TEXT NOT NULL DEFAULT '', knowledge_date TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open', created_at TEXT NOT NULL,
  -- the last custody event, kept apart from the log so truncation shows
  custody_head_seq INTEGER NOT NULL DEFAULT 0, custody_head_hash TEXT NOT NULL DEFAULT ''
);
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES items(id),
  kind TEXT NOT NULL, method TEXT NOT NULL, source TEXT NOT NULL,
  entry_path TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL,
  sha256 TEXT NOT NULL, sha1 TEXT NOT NULL, md5 TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}', problems TEXT NOT NULL DEFAULT '',
  acquired_at TEXT NOT NULL, acquired_zone TEXT NOT NULL, acquired_by TEXT NOT NULL,
  host TEXT NOT NULL, tool TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '',
  disposition TEXT NOT NULL DEFAULT 'held',
  UNIQUE (source, entry_path, sha256)
);
CREATE INDEX items_sha256 ON items(sha256);
CREATE TABLE custody (
  seq INTEGER PRIMARY KEY,
  item_id INTEGER REFERENCES items(id),
  action TEXT NOT NULL, actor TEXT NOT NULL, time_utc TEXT NOT NULL,
  time_local TEXT NOT NULL, zone TEXT NOT NULL, purpose TEXT NOT NULL DEFAULT '',
  hashes TEXT NOT NULL DEFAULT '', matched TEXT NOT NULL DEFAULT '',
  tool TEXT NOT NULL, host TEXT NOT NULL, details TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL, event_hash TEXT NOT NULL
);
CREATE INDEX custody_item ON custody(item_id);
CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody
  BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
  BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
)sql";

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> kMigrations = {
      kCaseAndEvidence,
  };
  return kMigrations;
}

}  // namespace shodo::cases

// Thin RAII over the SQLite C API, for the store only.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "case/case.h"

namespace shodo::cases {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, int64_t v);
  Statement& bind_null(int i);
  // true while a row is available; error() says why it stopped otherwise.
  bool step();
  // Runs to completion; false on an error.
  bool run();
  // Ready to run again with new values (a statement prepared once for many rows).
  void reset();
  std::string text(int col) const;
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  const std::string& error() const { return error_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

// Runs statements without results; false and the message on an error.
Status exec(sqlite3* db, std::string_view sql);

// BEGIN IMMEDIATE (the write lock up front, so two writers queue on
// busy_timeout instead of failing mid-transaction); rolls back unless
// commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { status_ = exec(db, "BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (status_.ok && !done_) exec(db_, "ROLLBACK");
  }
  const Status& status() const { return status_; }
  Status commit() {
    done_ = true;
    return exec(db_, "COMMIT");
  }

 private:
  sqlite3* db_;
  Status status_;
  bool done_ = false;
};

}  // namespace shodo::cases

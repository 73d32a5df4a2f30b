// One file's results as its parser reports rows, fields and lines: items
// per unit (a table of a dump, or the file), rows with personal data, the
// identifiers of each row for the person count, and problems.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "pii/card.h"
#include "pii/columns.h"
#include "pii/hash_set.h"
#include "pii/input.h"
#include "pii/pii.h"

namespace shodo::pii {

struct ItemTally {
  uint64_t values = 0, masked = 0, test = 0;
  HashSet64 distinct;
  std::array<HashSet64, kBrands> card_brands;  // cards: distinct per brand
  HashSet64 test_cards;                        // cards: distinct test numbers
  std::array<uint64_t, 16> kinds{};            // phones, credentials: values per kind
  std::vector<std::string> columns;            // names of the columns it was in
  size_t last_column = SIZE_MAX;               // of the current headers
  bool seen = false;
  uint64_t first_line = 0, first_offset = 0;
  std::vector<std::string> examples;  // masked, distinct
  size_t example_tries = 0;
};

struct UnitTally {
  std::string table;
  std::vector<std::string> headers;  // the last column list seen
  std::vector<ColumnRole> roles;
  uint64_t rows = 0, rows_with_pii = 0;
  std::array<ItemTally, kItems> items;
};

class FileScan {
 public:
  FileScan(std::string label, std::string format, const Input& in, size_t max_problems = 100);

  // Column mode: rows of `table` ("" for CSV) with these headers.
  void begin_unit(std::string_view table, const std::vector<std::string>& headers);
  void begin_row() {
    row_pii_ = row_person_ = false;
    row_ids_.clear();
  }
  // A field's value at window position `pos`; `number`: an unquoted SQL
  // literal (never searched as free text).
  void field(size_t column, size_t pos, size_t len, bool number);
  void end_row();

  // Free-text mode: one line at window position `pos`.
  void line(size_t pos, size_t len);

  void problem(size_t pos, std::string reason);
  void truncated(size_t pos, std::string_view what);

  const std::string& label() const { return label_; }
  const std::string& format() const { return format_; }
  std::map<std::string, UnitTally>& units() { return units_; }
  std::vector<Problem>& problems() { return problems_; }
  uint64_t truncated_count() const { return truncated_; }
  uint64_t persons_without_identifier() const { return without_id_; }
  // Identifier keys of rows, each row ended by a 0; handed to `flush` when
  // many are held.
  std::vector<uint64_t>& person_rows() { return person_rows_; }
  void on_person_rows(std::function<void(std::vector<uint64_t>&)> flush) {
    flush_ = std::move(flush);
  }

 private:
  void record(const Hit& h, std::string_view text, size_t base, size_t column);
  UnitTally& free_text_unit();

  std::string label_, format_;
  const Input& in_;
  size_t max_problems_;
  std::map<std::string, UnitTally> units_;
  UnitTally* unit_ = nullptr;
  bool row_pii_ = false;
  // An item other than a credential: a row of accounts (login, password
  // hash) alone tells no person, so it is not counted as one.
  bool row_person_ = false;
  std::vector<uint64_t> row_ids_;
  std::vector<Hit> hits_;
  std::vector<Problem> problems_;
  uint64_t problems_dropped_ = 0, truncated_ = 0, without_id_ = 0;
  std::vector<uint64_t> person_rows_;
  std::function<void(std::vector<uint64_t>&)> flush_;
};

}  // namespace shodo::pii

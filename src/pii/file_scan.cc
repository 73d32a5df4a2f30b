#include "pii/file_scan.h"

#include <fmt/format.h>

#include <algorithm>

#include "pii/text_finder.h"

namespace shodo::pii {
namespace {

constexpr size_t kMaxRowIds = 16;
constexpr size_t kExamples = 3;
constexpr size_t kExampleTries = 32;
constexpr size_t kPersonBatch = 1 << 20;

}  // namespace

FileScan::FileScan(std::string label, std::string format, const Input& in, size_t max_problems)
    : label_(std::move(label)), format_(std::move(format)), in_(in), max_problems_(max_problems) {}

void FileScan::begin_unit(std::string_view table, const std::vector<std::string>& headers) {
  UnitTally& u = units_[std::string(table)];
  u.table = table;
  if (u.headers != headers || u.roles.size() != headers.size()) {
    u.headers = headers;
    u.roles = column_roles(headers);
    for (ItemTally& t : u.items) t.last_column = SIZE_MAX;
  }
  unit_ = &u;
}

void FileScan::field(size_t column, size_t pos, size_t len, bool number) {
  const std::string_view text = in_.window();
  const std::string_view value = text.substr(pos, len);
  const ColumnRole role = column < unit_->roles.size() ? unit_->roles[column] : ColumnRole{};
  if (role.pii) {
    Hit h;
    if (check_column_value(role.item, value, h)) record(h, text, pos, column);
    return;
  }
  // Ids, times and amounts hold no free text worth the search.
  if (number || role.id_like) return;
  hits_.clear();
  find_in_text(value, hits_);
  for (const Hit& h : hits_) record(h, text, pos, column);
}

void FileScan::end_row() {
  ++unit_->rows;
  if (!row_pii_) return;
  ++unit_->rows_with_pii;
  if (!row_person_) return;
  if (row_ids_.empty()) {
    ++without_id_;
    return;
  }
  person_rows_.insert(person_rows_.end(), row_ids_.begin(), row_ids_.end());
  person_rows_.push_back(0);
  if (person_rows_.size() >= kPersonBatch && flush_) flush_(person_rows_);
}

UnitTally& FileScan::free_text_unit() {
  if (!unit_) begin_unit("", {});
  return *unit_;
}

void FileScan::line(size_t pos, size_t len) {
  UnitTally& u = free_text_unit();
  ++u.rows;
  hits_.clear();
  find_in_text(in_.window().substr(pos, len), hits_);
  if (hits_.empty()) return;
  row_pii_ = false;
  row_ids_.clear();
  for (const Hit& h : hits_) record(h, in_.window(), pos, SIZE_MAX);
  if (row_pii_) ++u.rows_with_pii;
  // A line is no person: each identifier counts on its own.
  for (uint64_t k : row_ids_) {
    person_rows_.push_back(k);
    person_rows_.push_back(0);
  }
  if (person_rows_.size() >= kPersonBatch && flush_) flush_(person_rows_);
}

void FileScan::record(const Hit& h, std::string_view text, size_t base, size_t column) {
  ItemTally& t = unit_->items[static_cast<size_t>(h.item)];
  row_pii_ = true;
  row_person_ = row_person_ || h.item != Item::credential;
  const std::string_view raw = text.substr(base + h.pos, h.len);
  if (h.masked) {
    ++t.masked;
  } else {
    ++t.values;
    t.distinct.add(h.key);
    if (h.item == Item::card_number) {
      t.card_brands[h.kind].add(h.key);
      t.test += h.test;
      if (h.test) t.test_cards.add(h.key);
    } else if (h.item == Item::phone || h.item == Item::credential) {
      ++t.kinds[h.kind];
    }
    if (h.identifies() && row_ids_.size() < kMaxRowIds) row_ids_.push_back(h.key);
  }
  if (!t.seen) {
    t.seen = true;
    t.first_line = in_.line(base + h.pos);
    t.first_offset = in_.offset(base + h.pos);
  }
  // Examples differ in their masked form; a few tries find them or not.
  if (t.examples.size() < kExamples && t.example_tries < kExampleTries) {
    ++t.example_tries;
    std::string m = mask(h.item, raw);
    if (std::find(t.examples.begin(), t.examples.end(), m) == t.examples.end())
      t.examples.push_back(std::move(m));
  }
  if (column != SIZE_MAX && column != t.last_column) {
    t.last_column = column;
    std::string name =
        column < unit_->headers.size() ? unit_->headers[column] : fmt::format("#{}", column + 1);
    if (std::find(t.columns.begin(), t.columns.end(), name) == t.columns.end() &&
        t.columns.size() < 64)
      t.columns.push_back(std::move(name));
  }
}

void FileScan::problem(size_t pos, std::string reason) {
  if (problems_.size() >= max_problems_) {
    ++problems_dropped_;
    if (problems_dropped_ == 1)
      problems_.push_back({{label_, in_.line(pos), in_.offset(pos)},
                           "more problems in this file: not listed (limit reached)"});
    return;
  }
  problems_.push_back({{label_, in_.line(pos), in_.offset(pos)}, std::move(reason)});
}

void FileScan::truncated(size_t pos, std::string_view what) {
  ++truncated_;
  problem(pos, fmt::format("{} longer than {} bytes: read up to there, the rest skipped", what,
                           in_.max_token()));
}

}  // namespace shodo::pii

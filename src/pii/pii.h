// Public API of the pii component: what personal data exposed files hold
// (SQL dumps, CSV/TSV exports, logs and other text, plain or compressed, in
// UTF-8, Shift_JIS or EUC-JP) and how many distinct persons it concerns.
// Values are never kept or reported in full: examples are masked.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"
#include "util/expansion_limit.h"

namespace shodo::pii {

enum class Item : uint8_t {
  card_number,
  email,
  phone,
  postal_code,
  address,
  my_number,
  birth_date,
  name,
  credential,
  // Special care-required information (要配慮個人情報: medical history,
  // disabilities, criminal records, creed, race...), told by column headers.
  sensitive,
};
inline constexpr size_t kItems = 10;

// Stable snake_case name ("card_number"...) and Japanese label ("カード番号"...).
std::string_view item_name(Item item);
std::string_view item_label_ja(Item item);

struct Options {
  // Longest line (text, COPY rows), SQL statement header or field value
  // held; longer ones are cut there, counted and reported, and the scan
  // goes on after them.
  size_t max_line_bytes = 1u << 20;
  util::ExpansionLimit expansion;  // compressed files (.gz, .zst, .bz2)
  unsigned threads = 0;            // scan_path on folders and images; 0: all cores
};

// Where something was first seen: line (1-based) and byte offset in the
// file's content as read (decompressed; UTF-8 after decoding a Shift_JIS or
// EUC-JP file, so offsets of those count decoded bytes).
struct Citation {
  std::string file;
  uint64_t line = 0;
  uint64_t offset = 0;
};

struct Count {
  std::string name;
  uint64_t count = 0;
};

struct ItemFinding {
  std::string item;                   // item_name()
  uint64_t values = 0;                // occurrences (full card numbers only for cards)
  uint64_t distinct = 0;              // distinct normalized values
  std::vector<std::string> columns;   // where found in column mode; empty in free text
  Citation first;                     // first occurrence (a masked card when only those)
  std::vector<std::string> examples;  // masked, at most 3
  // Cards: distinct per brand ("visa"...); credentials: values per type
  // ("bcrypt", "md5", "plaintext"...); phones: "mobile", "landline", "ip".
  std::vector<Count> kinds;
  uint64_t masked = 0;  // cards: masked forms (4111********1111), not in `values`
  uint64_t test = 0;    // cards: well-known brand test numbers (in `values`)
};

struct Column {
  std::string name;
  std::string item;  // what its header says it holds
};

// One table of a SQL dump, or one CSV/TSV or text file.
struct Unit {
  std::string file;         // label of the file
  std::string table;        // SQL table; empty for other files
  std::string format;       // "sql", "csv", "tsv", "text"
  std::string encoding;     // "ascii", "utf-8", "shift_jis", "euc-jp", "unknown"
  std::string compression;  // "none", "gzip", "zstd", "bzip2"...
  uint64_t rows = 0;        // rows (SQL, CSV) or lines (text)
  uint64_t rows_with_pii = 0;
  std::vector<ItemFinding> items;         // in Item order
  std::vector<Column> sensitive_columns;  // in column order
};

struct Problem {
  Citation where;  // line and offset 0 when it concerns the whole file
  std::string reason;
};

struct Report {
  std::vector<Unit> units;        // by file, then table
  std::vector<Problem> problems;  // by file, offset
  uint64_t files_scanned = 0;
  uint64_t bytes_scanned = 0;  // content bytes read (decompressed)
  // Rows sharing an e-mail, card, phone or My Number are one person; a row
  // of a table or CSV with personal data and none of these is one person of
  // its own; a row holding credentials only (an account) is no person. Lines of text files count by
  // their identifiers only.
  uint64_t persons = 0;
  uint64_t persons_without_identifier = 0;  // of `persons`
  uint64_t rows_with_pii = 0;
  std::vector<Count> cards_by_brand;  // distinct full numbers, brand order
  uint64_t masked_cards = 0;
  uint64_t test_cards = 0;   // distinct
  std::vector<Count> items;  // distinct values per item over all files, Item order
  uint64_t truncated = 0;    // lines, headers or values cut at max_line_bytes
  bool found() const { return rows_with_pii != 0 || masked_cards != 0; }
};

// Accumulates over many files; persons are deduplicated across them. The
// scan calls may come from several threads at once.
class Scanner {
 public:
  explicit Scanner(const Options& options);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // One file of a view (a webroot, a file system of an image); `label` names
  // it in the report.
  void scan(const fsview::View& view, const fsview::FileInfo& file, std::string label);
  // A host file, a folder (recursively), an archive (a site or database
  // backup: .tar.gz, .zip...) or a disk image.
  void scan_path(const std::string& host_path);
  // Per-file/per-table results and totals, sorted, the same for any thread
  // count. The scanner is empty afterwards.
  Report finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The items columns hold by their headers alone (what a query that read
// those columns obtained, when no copy of the table is at hand): item names,
// in Item order, once each.
std::vector<std::string> items_of_columns(const std::vector<std::string>& headers);

// Masking for anything shown: never a full value.
// Cards: at most the first 6 and last 4 digits ("411111******1111").
std::string mask_card(std::string_view text);
// E-mail: first character of the local part and the domain ("t***@example.jp").
std::string mask_email(std::string_view text);
// Phone: the last 4 digits ("***-****-5678").
std::string mask_phone(std::string_view text);
// Anything else: its length only ("[12 chars]").
std::string mask_other(std::string_view text);
// The masking that fits `item`.
std::string mask(Item item, std::string_view text);

}  // namespace shodo::pii

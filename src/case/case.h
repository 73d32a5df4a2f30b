// Public API of the case component: one investigation's folder and its
// structured store (case fields, evidence items, chain of custody).
//
// The store is an interface so that other back ends (a ClickHouse store, a
// web UI reading cases) can sit behind the same calls; SQLite in the case
// folder is the one implementation today. Evidence bytes never go into the
// store: it holds metadata and hashes only (purge relies on that).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::cases {

// Errors as values.
struct Status {
  bool ok = true;
  std::string error;
  static Status fail(std::string why) { return {false, std::move(why)}; }
  explicit operator bool() const { return ok; }
};

// ---- Case fields -----------------------------------------------------------

struct CaseFields {
  std::string number;  // the customer-facing case number; purge asks for it
  std::string title, customer;
  std::string examiners;          // comma-separated names
  std::string time_zone = "UTC";  // IANA name, "UTC" or ±HH:MM
  std::string phase = "intake";   // see case_field_specs()
  std::string severity, tlp;      // 1-4; TLP:CLEAR/GREEN/AMBER/AMBER+STRICT/RED
  std::string knowledge_date;     // 知った日, YYYY-MM-DD: starts the legal clocks
  std::string status = "open";    // open / resolved / duplicated
  std::string created_at;         // UTC, set by create_case
};

struct FieldSpec {
  std::string_view name;
  std::string_view help;
  std::vector<std::string_view> allowed;  // empty: free text (checked by name)
};
// The fields `case set` accepts, in display order.
const std::vector<FieldSpec>& case_field_specs();
// Sets one field by name after checking its value; false and why otherwise.
Status set_case_field(CaseFields& fields, std::string_view name, std::string_view value);
std::string get_case_field(const CaseFields& fields, std::string_view name);

// ---- Evidence items ----------------------------------------------------------

struct Hashes {
  std::string sha256, sha1, md5;  // lowercase hex
};

struct Item {
  int64_t id = 0;
  int64_t parent_id = 0;  // archive entries and E01 segments: the item they came with
  std::string
      kind;  // file, archive, archive-entry, raw-image, split-raw, e01-segment, block-device
  std::string method;      // logical | physical
  std::string source;      // host path as given
  std::string entry_path;  // path inside an archive (as stored there, may be hostile)
  uint64_t size = 0;
  Hashes hashes;              // measured at acquisition: the reference values
  std::string metadata_json;  // source metadata as found (JSON object)
  std::string problems;       // e.g. "path escapes the archive"; empty when none
  std::string acquired_at, acquired_zone, acquired_by, host, tool, notes;
  std::string disposition = "held";  // held | purged

  // "#id source[!entry]" for messages (raw bytes: escape before display).
  std::string label() const;
};

// ---- Chain of custody ----------------------------------------------------------

struct CustodyEvent {
  int64_t seq = 0;      // 1, 2, 3… in order of recording
  int64_t item_id = 0;  // 0: the case as a whole
  std::string action;   // acquired verified accessed exported transferred purged
  std::string actor, time_utc, time_local, zone, purpose;
  std::string hashes_json;  // hashes measured ({"sha256":…}), "" when none
  std::string matched;      // "yes" / "no" against the reference, "" when nothing compared
  std::string tool, host, details;
  std::string prev_hash, event_hash;  // SHA-256 chain, filled by the store
};

// The bytes an event's hash covers: every field but event_hash, in a fixed order.
std::string custody_canonical(const CustodyEvent& e);
std::string custody_event_hash(const CustodyEvent& e);

struct ChainCheck {
  bool ok = true;
  size_t events = 0;
  int64_t first_bad_seq = 0;  // the first event whose link is broken
  std::string reason;
};
// Checks hashes, links, numbering, and the head recorded apart from the log
// (so that deleting the last events is seen too).
ChainCheck verify_custody_chain(const std::vector<CustodyEvent>& events, int64_t head_seq,
                                const std::string& head_hash);

// ---- The store -------------------------------------------------------------------

class CaseStore {
 public:
  virtual ~CaseStore() = default;
  virtual int schema_version() const = 0;

  virtual Status fields(CaseFields& out) = 0;
  virtual Status save_fields(const CaseFields& fields) = 0;

  // Records an item and its "acquired" event in one transaction. The same
  // source and entry with the same SHA-256 is recorded once: then `existing`
  // is true, item.id is the recorded item and no event is added.
  virtual Status add_item(Item& item, CustodyEvent acquired, bool& existing) = 0;
  // The same for many items in one transaction (one sync for all).
  struct NewItem {
    Item item;
    CustodyEvent acquired;
    bool existing = false;
  };
  virtual Status add_items(std::vector<NewItem>& items) = 0;
  virtual Status items(std::vector<Item>& out) = 0;
  virtual Status item(int64_t id, Item& out) = 0;
  virtual Status set_disposition(int64_t id, std::string_view disposition) = 0;

  // Appends events in one transaction, chained; fills seq and the hashes.
  virtual Status append_events(std::vector<CustodyEvent>& events) = 0;
  // Events in order (item_id 0: all of them; else that item's and the case's).
  virtual Status events(int64_t item_id, std::vector<CustodyEvent>& out) = 0;
  virtual Status custody_head(int64_t& seq, std::string& hash) = 0;

  // Folds the write-ahead log into the database and rewrites it, so that no
  // freed page keeps old content.
  virtual Status compact() = 0;
};

// ---- The case folder -------------------------------------------------------------

// case.db, vault/ (vault/tmp/), keys/, exports/, reports/
struct CaseDir {
  std::string root;
  std::string db() const { return root + "/case.db"; }
  std::string vault() const { return root + "/vault"; }
  std::string keys() const { return root + "/keys"; }
  std::string exports() const { return root + "/exports"; }
  std::string reports() const { return root + "/reports"; }
};

// Creates the folder (which must be empty or absent) and its store.
Status create_case(const std::string& dir, const CaseFields& fields,
                   std::unique_ptr<CaseStore>& out);
// Opens an existing case, bringing an older schema up to date.
Status open_case(const CaseDir& dir, std::unique_ptr<CaseStore>& out);
// `flag` (--case) when given, else the first folder from the current one
// upwards that holds case.db (as git finds its repository).
Status find_case(const std::string& flag, CaseDir& out);

// An advisory lock on the case folder: shared for work on evidence,
// exclusive for purge. Released when destroyed.
class CaseLock {
 public:
  CaseLock() = default;
  ~CaseLock();
  CaseLock(const CaseLock&) = delete;
  CaseLock& operator=(const CaseLock&) = delete;
  Status lock(const CaseDir& dir, bool exclusive);

 private:
  int fd_ = -1;
};

// ---- Who, when, where --------------------------------------------------------------

struct Stamp {
  std::string utc;    // 2024-03-10T03:04:05.123Z
  std::string local;  // 2024-03-10T12:04:05.123+09:00
  std::string zone;   // the zone `local` is in
};
Stamp stamp_now(const std::string& zone);
bool valid_zone(std::string_view zone);
// --examiner, else $SHODO_EXAMINER, else the OS user.
std::string examiner_name(const std::string& flag);
std::string host_name();

}  // namespace shodo::cases

// Public API of the evidence component (証拠保全): acquiring sources into the
// case's encrypted vault with one read pass (SHA-256, SHA-1, MD5 and
// encryption together), the chain of custody around every action, verifying,
// exporting, reading evidence for analysis, and the certified purge.
//
// The vault is content-addressed by SHA-256 and encrypted with AES-256-GCM
// under the case key (keys/, optionally wrapped with a passphrase); its file
// format is described in docs/evidence.md and vault_format.h.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "case/case.h"
#include "fsview/fsview.h"

namespace shodo::evidence {

using cases::Hashes;
using cases::Status;

// ---- The case key ---------------------------------------------------------------

// The passphrase that wraps the case key: --passphrase-file, else
// $SHODO_PASSPHRASE, else none (the key is stored unwrapped).
struct Passphrase {
  bool given = false;
  std::string text;
};
Status read_passphrase(const std::string& file_flag, Passphrase& out);

class CaseKey {
 public:
  CaseKey() = default;
  ~CaseKey();
  CaseKey(const CaseKey&) = delete;
  CaseKey& operator=(const CaseKey&) = delete;
  const unsigned char* data() const { return bytes_.data(); }
  std::array<unsigned char, 32>& bytes() { return bytes_; }

 private:
  std::array<unsigned char, 32> bytes_{};
};

// Makes a new random case key in keys/ (wrapped when a passphrase is given).
Status create_case_key(const cases::CaseDir& dir, const Passphrase& pass);

// ---- A working session on a case -------------------------------------------------

// Who acts, with what tool, on which case: every call below records custody
// events under these names.
struct Session {
  cases::CaseDir dir;
  cases::CaseStore* store = nullptr;
  std::string actor;  // cases::examiner_name()
  std::string tool;   // "shodo 0.1.0"
  std::string zone;   // the case's zone
  CaseKey key;
  bool key_loaded = false;
};
// Fills the session; loads the case key (needs the passphrase if wrapped).
Status open_session(const cases::CaseDir& dir, cases::CaseStore& store, const std::string& actor,
                    const std::string& tool, const Passphrase& pass, Session& out);

// "#12", "12", or a SHA-256 prefix of at least 8 hex digits (must be unique).
Status resolve_item(cases::CaseStore& store, const std::string& ref, cases::Item& out);

// ---- Acquisition --------------------------------------------------------------------

enum class SourceKind { automatic, file, tree, archive, raw, split_raw, e01, device };
// "auto", "file", "dir", "archive", "raw", "split-raw", "e01", "device".
bool parse_source_kind(const std::string& name, SourceKind& out);

struct AcquireOptions {
  SourceKind kind = SourceKind::automatic;
  std::string notes;
  std::string purpose = "evidence preservation";
};

struct Problem {
  std::string where;  // path (evidence-derived: escape before display)
  std::string reason;
};

// The E01 image's own stored hashes against the media read back.
struct E01Check {
  std::string image;
  Hashes media;  // measured over the media
  std::string stored_md5, stored_sha1;
  bool match = false;  // every stored hash equals the measured one
};

struct AcquireReport {
  struct Entry {
    cases::Item item;
    bool existing = false;  // already in the case: nothing new recorded
  };
  std::vector<Entry> items;
  std::vector<Problem> problems;  // unreadable files, unsafe archive entries…
  size_t malformed_entries = 0;   // archive entries that could not be read
  std::vector<E01Check> e01;
};

// Acquires one source (a file, folder, archive, raw or split raw image, E01,
// block device). Never modifies the source. Interrupted at any point, it
// leaves no half item; run again, it skips what is stored and resumes.
Status acquire(Session& s, const std::string& source, const AcquireOptions& options,
               AcquireReport& report);

// ---- Verification, export, analysis access ----------------------------------------------

struct ItemCheck {
  cases::Item item;
  Hashes found;
  uint64_t size = 0;
  bool ok = false;
  std::string error;  // why it failed: hash mismatch, authentication failure, missing file
};

struct VerifyReport {
  std::vector<ItemCheck> items;  // held items; purged ones are skipped
  cases::ChainCheck chain;
  bool ok() const;
};
// Re-hashes every held item from the vault and checks the custody chain;
// records a "verified" event per item (with the result).
Status verify(Session& s, VerifyReport& report);

// Verifies the chain only.
Status verify_custody(cases::CaseStore& store, cases::ChainCheck& out);

struct ExportReport {
  struct File {
    cases::Item item;
    std::string path;  // inside the target folder
  };
  std::vector<File> files;
  std::string manifest_path;
};
// Writes each item's original bytes to DIR/<id>_<name> (never outside DIR,
// never over an existing file), checks the hashes of what was written and
// writes DIR/shodo-export-<time>.json with them; one "exported" event per item.
Status export_items(Session& s, const std::vector<cases::Item>& items, const std::string& to_dir,
                    const std::string& purpose, ExportReport& report);

// An item's original bytes, decrypted from the vault with every chunk
// authenticated: read() stops with error() set at the first altered chunk.
std::unique_ptr<fsview::Reader> open_item(const Session& s, const cases::Item& item,
                                          std::string& error);
// Records that an analysis read an item (an "accessed" event).
Status record_access(Session& s, const cases::Item& item, const std::string& purpose);
// The same for many items in one transaction; `details[i]` (when given) says
// what was found of item_ids[i], e.g. its hash measured after the analysis.
Status record_accesses(Session& s, const std::vector<int64_t>& item_ids, const std::string& purpose,
                       const std::vector<std::string>& details);

// Hashes a host path in one pass (O_NOATIME): the three hashes an
// acquisition records.
Status hash_path(const std::string& path, Hashes& out, uint64_t& size);
// SHA-256 of a host path (O_NOATIME), for analyses that read evidence in
// place: the acquisition hashed it before, this hashes it after, the caller
// compares. One hash, not three: it only has to match the recorded SHA-256.
Status sha256_path(const std::string& path, std::string& sha256, uint64_t& size);

// ---- Certified deletion ------------------------------------------------------------------

struct PurgeReport {
  std::vector<cases::Item> items;
  std::vector<std::string> removed;  // files deleted (key files, vault, exports)
  size_t probes = 0;                 // evidence fragments searched for afterwards
  size_t files_scanned = 0;
  std::vector<std::string> residue;  // files where evidence content was still found
  bool clean() const { return residue.empty(); }
  std::string certificate_json, certificate_html;  // paths
};
// Crypto-erases the case (overwrites and deletes every key file), deletes the
// vault and the exports folder, scans the folder for left-over evidence
// content, and writes the deletion certificate (JSON, HTML ja/en) to reports/.
// Keeps the case record and the custody log. Refuses unless `confirm` is the
// case number.
Status purge(Session& s, const std::string& confirm, PurgeReport& report);

}  // namespace shodo::evidence

// Public API of the files component: webroot triage (YARA plus code
// heuristics, skimmers, placement and time) and integrity (baseline manifest,
// diff against it or a known-good release). Everything is read through an
// fsview::View, so a live folder and a disk image give the same results.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detect/file_finding.h"
#include "fsview/fsview.h"

namespace shodo::files {

// A folder of the view served at a URL prefix: /var/www/html=/ maps
// /var/www/html/a/b.php to /a/b.php.
struct DocRoot {
  std::string dir;         // view path
  std::string url_prefix;  // "/" or "/blog"
};

struct ScanOptions {
  std::vector<std::string> webroots;  // view paths to scan; empty: the whole view
  std::vector<DocRoot> docroots;
  bool shipped_rules = true;               // rules/yara of shodo
  std::vector<std::string> yara_dirs;      // the analyst's rule folders or files (host paths)
  unsigned threads = 0;                    // 0: all cores
  fsview::TimeNs since = fsview::kNoTime;  // incident window [since, until)
  fsview::TimeNs until = fsview::kNoTime;
  // Bytes of one file held and scanned; larger files are scanned on their
  // first max_scan_bytes (said in problems), hashed whole.
  uint64_t max_scan_bytes = 16u << 20;
  detect::Level min_level = detect::Level::low;
};

struct ScanResult {
  std::vector<detect::FileFinding> findings;  // level desc, score desc, path
  // What could not be read or was read partly, and rule files that did not
  // compile (path = rule file, reason = the compiler's message).
  std::vector<fsview::Problem> problems;
  uint64_t files_examined = 0;
  uint64_t bytes_scanned = 0;
};

ScanResult scan(const fsview::View& view, const ScanOptions& options);

// The shipped YARA rules folder ($SHODO_RULES_DIR/yara or the source tree's).
std::string shipped_yara_dir();

// Checks the examples every shipped (or given) YARA rule carries:
// DIR/examples/<rule>/match/* must match the rule, .../nomatch/* must not.
struct ExampleFailure {
  std::string rule, example, reason;
};
struct ExampleReport {
  size_t rules = 0, examples = 0;
  std::vector<ExampleFailure> failures;
};
ExampleReport test_yara_examples(const std::string& yara_dir);

// One line of a baseline manifest.
struct ManifestEntry {
  std::string path;  // view path, relative to the baselined root ("/a/b.php")
  uint64_t size = 0;
  uint32_t mode = 0;
  std::string owner;
  std::string sha256;
  fsview::TimeNs mtime = fsview::kNoTime;
};

// Every regular file under root, in walk order, hashed. Problems: what could
// not be read (still listed, without hash).
std::vector<ManifestEntry> make_baseline(const fsview::View& view, const std::string& root,
                                         std::vector<fsview::Problem>& problems);
// JSON lines, one entry each; parse returns false and the line on a bad one.
std::string manifest_to_jsonl(const std::vector<ManifestEntry>& entries);
bool parse_manifest(const std::string& text, std::vector<ManifestEntry>& out, std::string& error);

struct DiffOptions {
  std::string root = "/";                      // view path compared with the baseline's root
  const fsview::View* known_good = nullptr;    // pristine release tree
  std::vector<std::string> known_good_hashes;  // lower-case SHA-256 of known-good files
  uint64_t max_diff_bytes = 1u << 20;          // text larger than this: no unified diff
  size_t max_diff_lines = 400;                 // lines of unified diff kept per file
};
struct Change {
  enum class Kind { added, changed, removed } kind = Kind::added;
  ManifestEntry before, after;  // before empty for added, after empty for removed
  std::string unified_diff;     // raw evidence text (escape before display)
  std::string note;             // e.g. "binary", "diff truncated"
};
struct DiffResult {
  std::vector<Change> changes;  // path order
  std::vector<fsview::Problem> problems;
  uint64_t files_compared = 0, skipped_known_good = 0;
};
// `baseline` is the old state; the view the new one. Without a baseline (empty
// manifest) everything not known-good is "added".
DiffResult diff(const std::vector<ManifestEntry>& baseline, const fsview::View& view,
                const DiffOptions& options);

}  // namespace shodo::files

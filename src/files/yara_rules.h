// YARA through libyara: the shipped and the analyst's rules compiled once per
// run, scanned with one YR_SCANNER per worker thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"

// libyara's types, without its headers (YR_SCANNER is its scan context).
typedef struct YR_RULES YR_RULES;
typedef struct YR_SCAN_CONTEXT YR_SCAN_CONTEXT;

namespace shodo::files {

// The external variables rule sets written for other scanners expect; every
// rule is compiled with them ("" by default) and they are set per file.
struct YaraExternals {
  std::string filename, filepath, extension, filetype, owner;
};

struct YaraMatch {
  std::string rule, file;  // identifier; the rule file it came from
  // From the rule's meta (all optional): description/title, title_ja,
  // level (informational..critical), score (0-100), mitre ("T1505.003, T1027").
  std::string title, title_ja, level, mitre;
  int score = -1;
  size_t offset = std::string_view::npos;  // first matching string
  std::string string_id;                   // "$a"
};

class YaraScanner;

class YaraRules {
 public:
  // Compiles every *.yar / *.yara file under `sources` (folders or files);
  // a file that does not compile goes to `problems` with the compiler's
  // message and the others still run.
  YaraRules(const std::vector<std::string>& sources, std::vector<fsview::Problem>& problems);
  ~YaraRules();
  YaraRules(const YaraRules&) = delete;
  YaraRules& operator=(const YaraRules&) = delete;
  size_t rule_files() const { return files_; }
  std::vector<std::string> rule_names() const;
  std::unique_ptr<YaraScanner> scanner() const;

 private:
  YR_RULES* rules_ = nullptr;
  size_t files_ = 0;
};

// One per thread.
class YaraScanner {
 public:
  explicit YaraScanner(YR_RULES* rules);
  ~YaraScanner();
  YaraScanner(const YaraScanner&) = delete;
  YaraScanner& operator=(const YaraScanner&) = delete;
  // false and the reason when YARA stopped (timeout, too many matches...).
  bool scan(std::string_view data, const YaraExternals& ext, std::vector<YaraMatch>& out,
            std::string& error);

 private:
  YR_SCAN_CONTEXT* scanner_ = nullptr;
};

// The rule files of a folder (recursively) or the file itself, sorted.
std::vector<std::string> yara_rule_files(const std::string& source);

}  // namespace shodo::files

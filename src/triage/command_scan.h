// Internal to triage: judging shell commands — history lines, cron jobs,
// systemd Exec lines — with the shipped shell_history Sigma rules, the same
// rules `shodo hunt` runs on histories, so one rule set serves both.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "ingest/time/zone.h"

namespace re2 {
class RE2;
}

namespace shodo::detect {
class RuleSet;
}

namespace shodo::triage {

struct CommandLine {
  std::string_view text;
  uint64_t line = 0, offset = 0;
};

struct CommandHit {
  std::string rule_id;  // the Sigma rule's id, or "marker.<name>"
  std::string title, title_ja;
  detect::Level level = detect::Level::medium;
  std::vector<std::string> techniques;
  uint64_t line = 0, offset = 0;
  std::string command;  // the command as matched (bounded)
};

class CommandScanner {
 public:
  // rules may be nullptr: then only the markers run.
  explicit CommandScanner(const detect::RuleSet* rules);
  ~CommandScanner();

  // A history file's lines read as `format` (bash_history, zsh_history,
  // fish_history), through the rules.
  std::vector<CommandHit> scan_history(std::string_view path, std::string_view format,
                                       const std::vector<CommandLine>& lines) const;
  // Commands that run unattended (cron, systemd): the rules plus markers the
  // history rules lack because they are ordinary typed by hand but not in a
  // scheduled job: decoding base64 and running from a temporary folder.
  std::vector<CommandHit> scan_commands(std::string_view path,
                                        const std::vector<CommandLine>& lines) const;

 private:
  struct Marker {
    std::string name, title, title_ja, technique;
    std::unique_ptr<re2::RE2> re;
  };
  const detect::RuleSet* rules_;
  std::shared_ptr<const ingest::Zone> utc_;
  std::vector<Marker> markers_;
};

}  // namespace shodo::triage

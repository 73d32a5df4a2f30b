// Shell histories. Their content alone does not tell them from other text,
// so they are chosen by file name only (FormatInfo::name_says).
#include "ingest/formats/registry.h"
#include "ingest/formats/shell_history/shell_history.h"

namespace shodo::ingest {

void register_shell_history_formats(FormatRegistry& r) {
  FormatInfo f;
  f.kind = LogKind::shell_history;
  f.detect = false;

  f.name = "bash_history";
  f.description =
      "bash/sh history (.bash_history, .sh_history, .history; #EPOCH stamp lines are read)";
  f.make = [] { return std::make_unique<history::LineHistoryParser>(false); };
  f.name_says = history::named_bash_history;
  r.add(f);

  f.name = "zsh_history";
  f.description = "zsh history (.zsh_history; extended ': EPOCH:SECONDS;command' lines)";
  f.make = [] { return std::make_unique<history::LineHistoryParser>(true); };
  f.name_says = history::named_zsh_history;
  r.add(f);

  f.name = "fish_history";
  f.description = "fish history (fish_history: '- cmd:' / '  when:' entries)";
  f.make = [] { return std::make_unique<history::FishHistoryParser>(); };
  f.name_says = history::named_fish_history;
  r.add(std::move(f));
}

}  // namespace shodo::ingest

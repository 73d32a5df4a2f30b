// From what was seen to what is reported: heuristic signals of one file are
// added into one finding (the strongest names it), YARA matches each give
// one; levels follow scores.
#pragma once

#include <string_view>
#include <vector>

#include "detect/file_finding.h"
#include "files/signal.h"
#include "files/yara_rules.h"

namespace shodo::files {

// critical >= 80, high >= 60, medium >= 40, low >= 20, else informational.
detect::Level level_for_score(int score);

// Line (1-based) and a short excerpt of the line around `offset` in data.
void cite(std::string_view data, size_t offset, detect::FileFinding& f);

// false when there is no signal. `f` comes with the file's fields filled.
bool finding_from_signals(const std::vector<Signal>& signals, std::string_view data,
                          detect::FileFinding& f);
void finding_from_yara(const YaraMatch& m, std::string_view data, detect::FileFinding& f);

}  // namespace shodo::files

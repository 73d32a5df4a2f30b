// What `shodo rules lint|test|list` print: how the loaded rules run, which do
// not and why, and the result of their examples.
#pragma once

#include <string>
#include <string_view>

#include "detect/detect.h"

namespace shodo::report {

// Counts, then every rule that does not run (with its file, line and reason)
// and every note on how running rules run. text | json.
std::string render_rule_lint(const detect::RuleSet& rules, std::string_view format);

// Examples run and every failure. text | json.
std::string render_rule_test(const detect::ExampleReport& report, std::string_view format);

// One line per running rule: level, id, title, log source, ATT&CK ids.
// text | json | csv.
std::string render_rule_list(const detect::RuleSet& rules, std::string_view format);

}  // namespace shodo::report

// The condition language alone, over a fixed set of selection names.
#include "detect/sigma/condition.h"
#include "detect/sigma/rule_error.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"

namespace shodo::fuzz {

int sigma_condition(const uint8_t* data, size_t size) {
  static const std::vector<detect::sigma::Selection> selections = [] {
    std::vector<detect::sigma::Selection> s;
    for (const char* name : {"selection", "sel_a", "sel_b", "filter_main", "filter_x", "_hidden"})
      s.push_back({name, {}});
    return s;
  }();
  try {
    detect::sigma::parse_condition(as_text(data, size), selections);
  } catch (const detect::sigma::RuleError&) {
    // A malformed condition is reported, as designed.
  }
  return 0;
}

}  // namespace shodo::fuzz

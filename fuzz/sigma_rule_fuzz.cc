// The Sigma loader: YAML documents (rules and correlations, every modifier)
// and the cross-file correlation checks.
#include "detect/sigma/loader.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"

namespace shodo::fuzz {

int sigma_rule(const uint8_t* data, size_t size) {
  detect::sigma::LoadedRules loaded;
  detect::sigma::load_rule_text(as_text(data, size), "fuzz.yml", loaded);
  detect::sigma::resolve_correlations(loaded);
  return 0;
}

}  // namespace shodo::fuzz

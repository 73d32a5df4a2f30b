// The SQL payload reader (URL layer, comments, hex, CHAR(), CONCAT folding,
// technique and table recognition) on attacker-written request targets, and
// its promises: bounded decoded text, nothing found without an SQL byte.
#include <cstdlib>

#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "leak/leak.h"

namespace shodo::fuzz {

int sql_payload(const uint8_t* data, size_t size) {
  const std::string_view in = as_text(data, size);
  const leak::SqlPayload p = leak::analyze_sql(in);
  if (p.decoded.size() > 2048) std::abort();
  if (p.injected && !leak::may_hold_sql(in)) std::abort();
  if (!p.injected && (!p.reads.empty() || !p.techniques.empty())) std::abort();
  return 0;
}

}  // namespace shodo::fuzz

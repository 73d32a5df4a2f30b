// Internal: what a tokenized injection does: its techniques, and the
// databases, tables, columns and rows it asks for.
#pragma once

#include "leak/leak.h"
#include "leak/sql_tokens.h"

namespace shodo::leak::sql {

// Bits of SqlPayload::techniques, in the order they are named.
enum Technique : uint8_t {
  kUnion = 1,
  kError = 2,
  kBoolean = 4,
  kTime = 8,
  kStacked = 16,
  kOrderBy = 32,
};
inline constexpr int kTechniqueCount = 6;
std::string_view technique_name(int bit_index);

// Fills everything in `p` but parameter, decoded and truncated; returns the
// technique bits (0: not an injection).
uint8_t analyze(const Tokens& t, SqlPayload& p);

}  // namespace shodo::leak::sql

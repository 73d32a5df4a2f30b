#include "files/heuristics/hs_scratch.h"

#include <algorithm>
#include <vector>

namespace shodo::files {
namespace {

struct Scratch {
  hs_scratch_t* hs = nullptr;
  std::vector<const hs_database_t*> fitted;
  ~Scratch() { hs_free_scratch(hs); }
};

}  // namespace

hs_scratch_t* thread_scratch(const hs_database_t* db) {
  thread_local Scratch s;
  if (std::find(s.fitted.begin(), s.fitted.end(), db) != s.fitted.end()) return s.hs;
  if (hs_alloc_scratch(db, &s.hs) != HS_SUCCESS) return nullptr;
  s.fitted.push_back(db);
  return s.hs;
}

}  // namespace shodo::files

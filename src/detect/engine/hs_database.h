// A Hyperscan block-mode database over many patterns, compiled so that a
// pattern Hyperscan rejects is set aside (and named) instead of failing all.
#pragma once

#include <hs/hs.h>

#include <memory>
#include <string>
#include <vector>

namespace shodo::detect::engine {

struct HsPattern {
  std::string regex;
  unsigned flags = 0;  // HS_FLAG_* (SINGLEMATCH and ALLOWEMPTY are added)
};

struct HsRejected {
  size_t index = 0;  // into the patterns given
  std::string error;
};

class HsDatabase {
 public:
  // Compiles every pattern it can; match ids are indices into `patterns`.
  // `rejected` lists the ones left out. nullptr when none compiled. A
  // pattern reports its first match only, unless `every_match`.
  static std::unique_ptr<HsDatabase> compile(const std::vector<HsPattern>& patterns,
                                             std::vector<HsRejected>& rejected,
                                             bool every_match = false);
  ~HsDatabase();
  HsDatabase(const HsDatabase&) = delete;
  HsDatabase& operator=(const HsDatabase&) = delete;

  const hs_database_t* get() const { return db_; }
  // Grows `scratch` (may be null) to fit this database.
  bool fit_scratch(hs_scratch_t** scratch) const;

 private:
  explicit HsDatabase(hs_database_t* db) : db_(db) {}
  hs_database_t* db_;
};

}  // namespace shodo::detect::engine

#include "detect/engine/hs_database.h"

#include "detect/engine/hs_cache.h"

namespace shodo::detect::engine {

namespace {

constexpr unsigned kAlways = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;

// Checks one pattern without building a database; empty when acceptable.
std::string hs_check(const HsPattern& p) {
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_expression_info(p.regex.c_str(), p.flags | kAlways, &info, &err) != HS_SUCCESS) {
    std::string msg = err && err->message ? err->message : "rejected by Hyperscan";
    hs_free_compile_error(err);
    return msg;
  }
  std::free(info);
  return {};
}

}  // namespace

std::unique_ptr<HsDatabase> HsDatabase::compile(const std::vector<HsPattern>& patterns,
                                                std::vector<HsRejected>& rejected,
                                                bool every_match) {
  const unsigned always = every_match ? kAlways & ~HS_FLAG_SINGLEMATCH : kAlways;
  const std::string key = hs_cache_key(patterns) + (every_match ? "\nevery match" : "");
  if (hs_database_t* cached = hs_cache_load(key, rejected))
    return std::unique_ptr<HsDatabase>(new HsDatabase(cached));
  // What Hyperscan cannot parse alone is set aside first (a check costs far
  // less than a compile); each failed compile then names the offending
  // expression, which is dropped before the next try.
  std::vector<size_t> live;
  for (size_t i = 0; i < patterns.size(); ++i) {
    std::string why = hs_check(patterns[i]);
    if (why.empty())
      live.push_back(i);
    else
      rejected.push_back({i, std::move(why)});
  }
  while (!live.empty()) {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (size_t i : live) {
      exprs.push_back(patterns[i].regex.c_str());
      flags.push_back(patterns[i].flags | always);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                         &err) == HS_SUCCESS) {
      hs_cache_store(key, db, rejected);
      return std::unique_ptr<HsDatabase>(new HsDatabase(db));
    }
    const int bad = err ? err->expression : -1;
    std::string msg = err && err->message ? err->message : "rejected by Hyperscan";
    hs_free_compile_error(err);
    if (bad < 0) {
      // Not one pattern's fault (e.g. the whole set too large): none compile.
      for (size_t i : live) rejected.push_back({i, msg});
      return nullptr;
    }
    rejected.push_back({live[static_cast<size_t>(bad)], msg});
    live.erase(live.begin() + bad);
  }
  return nullptr;
}

HsDatabase::~HsDatabase() {
  hs_free_database(db_);
}

bool HsDatabase::fit_scratch(hs_scratch_t** scratch) const {
  return hs_alloc_scratch(db_, scratch) == HS_SUCCESS;
}

}  // namespace shodo::detect::engine

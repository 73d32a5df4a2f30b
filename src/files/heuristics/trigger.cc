#include "files/heuristics/trigger.h"

#include <hs/hs.h>

#include <cctype>
#include <limits>
#include <memory>

#include "detect/engine/hs_database.h"
#include "files/heuristics/hs_scratch.h"
#include "files/signal.h"

namespace shodo::files {
namespace {

using detect::engine::HsDatabase;
using detect::engine::HsPattern;

std::vector<HsPattern>& registry() {
  static std::vector<HsPattern> patterns;
  return patterns;
}

struct Database {
  std::unique_ptr<HsDatabase> db;
  std::vector<bool> always;  // rejected by Hyperscan: never skip their checks
};

const Database& database() {
  static const Database d = [] {
    Database out;
    std::vector<detect::engine::HsRejected> rejected;
    out.db = HsDatabase::compile(registry(), rejected);
    out.always.assign(registry().size(), out.db == nullptr);
    for (const auto& r : rejected) out.always[r.index] = true;
    return out;
  }();
  return d;
}

int on_match(unsigned id, unsigned long long, unsigned long long, unsigned, void* found) {
  (*static_cast<std::vector<bool>*>(found))[id] = true;
  return 0;
}

// Which triggers occur in `data`, by id; a trigger Hyperscan could not compile
// counts as present.
std::vector<bool> find_triggers(std::string_view data) {
  const Database& d = database();
  std::vector<bool> found = d.always;
  hs_scratch_t* scratch = d.db ? thread_scratch(d.db->get()) : nullptr;
  // Hyperscan takes an unsigned length (a 4 GiB scan limit exceeds it).
  if (!scratch || data.size() > std::numeric_limits<unsigned>::max() ||
      hs_scan(d.db->get(), data.data(), static_cast<unsigned>(data.size()), 0, scratch, on_match,
              &found) != HS_SUCCESS)
    return std::vector<bool>(found.size(), true);
  return found;
}

}  // namespace

Trigger::Trigger(std::string regex, bool case_insensitive) : id_(registry().size()) {
  registry().push_back({std::move(regex), case_insensitive ? HS_FLAG_CASELESS : 0u});
}

std::string any_literal(const std::vector<std::string_view>& words) {
  std::string out = "(?:";
  for (std::string_view w : words) {
    for (char ch : w) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') out += '\\';
      out += ch;
    }
    out += '|';
  }
  out.back() = ')';
  return out;
}

bool FileContext::has(const Trigger& t) const {
  if (!found_) found_ = find_triggers(data);
  // A trigger made after the database was built was never looked for.
  return t.id() >= found_->size() || (*found_)[t.id()];
}

}  // namespace shodo::files

// The one way rule reading gives up on a rule: reading code throws a
// RuleError, and the loader turns it into a Problem at the document
// boundary, so nothing escapes load_rule_text() and friends.
#pragma once

#include <string>

#include "detect/sigma/rule.h"

namespace shodo::detect::sigma {

struct RuleError {
  Problem::Kind kind = Problem::Kind::error;
  std::string reason;
  int line = 0;  // 1-based line in the file; 0: the caller knows better
};

[[noreturn]] inline void fail(std::string reason, int line = 0) {
  throw RuleError{Problem::Kind::error, std::move(reason), line};
}
[[noreturn]] inline void fail_unsupported(std::string reason, int line = 0) {
  throw RuleError{Problem::Kind::unsupported, std::move(reason), line};
}

}  // namespace shodo::detect::sigma

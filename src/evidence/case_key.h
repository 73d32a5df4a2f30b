// Loading the case key (case_key.cc), for open_session and purge.
#pragma once

#include "evidence/evidence.h"

namespace shodo::evidence {

Status load_case_key(const cases::CaseDir& dir, const Passphrase& pass, CaseKey& key);
inline std::string case_key_dir(const cases::CaseDir& dir) {
  return dir.keys();
}

}  // namespace shodo::evidence

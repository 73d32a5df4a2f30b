// Opening the SQLite store behind CaseStore (case_dir.cc picks it).
#pragma once

#include <memory>
#include <string>

#include "case/case.h"

namespace shodo::cases {

// Opens (or creates) the database and applies pending migrations.
Status open_case_store(const std::string& path, bool create, std::unique_ptr<CaseStore>& out);

}  // namespace shodo::cases

// Flags and opening shared by the case and evidence commands (case,
// acquire, custody, verify, export).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "case/case.h"
#include "evidence/evidence.h"

namespace shodo::cli {

struct CaseOptions {
  std::string case_dir;         // --case
  std::string examiner;         // --examiner
  std::string passphrase_file;  // --passphrase-file
};

// --case, --examiner and (when the command reads evidence) --passphrase-file.
void add_case_options(CLI::App& cmd, CaseOptions& o, bool uses_key);

// A case opened for one command: found, locked, its store open and, when
// asked for, the key loaded.
struct OpenCase {
  cases::CaseDir dir;
  cases::CaseLock lock;
  std::unique_ptr<cases::CaseStore> store;
  evidence::Session session;
};

enum class CaseAccess { read, evidence, exclusive };
// Prints the reason to stderr and returns false when the case cannot be opened.
bool open_case(const CaseOptions& o, CaseAccess access, const char* command, OpenCase& out);

// "shodo VERSION", as custody records name the tool.
std::string tool_name();

}  // namespace shodo::cli

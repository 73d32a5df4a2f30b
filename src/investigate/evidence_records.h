// The evidence side of an investigation: every argument acquired into the
// case (vault and custody) while the analyses read it, and every source
// hashed again afterwards to show the analyses changed nothing.
#pragma once

#include <string>
#include <vector>

#include "evidence/evidence.h"
#include "investigate/investigation.h"

namespace shodo::investigate {

struct Acquired {
  std::vector<cases::Item> items;  // parallel to records
  std::vector<EvidenceRecord> records;
  std::vector<std::string> problems;
};

// `roles[i]` says what argument i holds (from find_sources).
Acquired acquire_evidence(evidence::Session& s, const std::vector<std::string>& args,
                          const std::vector<std::string>& roles);

// Hashes every source file again (SHA-256, on `threads` threads; archive
// entries and image segments through the file they came in), fills
// sha256_after / unchanged, and records one "accessed" custody event per
// item with the result. false when any differs.
bool check_after(evidence::Session& s, Acquired& acquired, unsigned threads,
                 std::vector<std::string>& problems);

}  // namespace shodo::investigate

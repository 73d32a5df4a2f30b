// The evidence side of an investigation: every argument acquired into the
// case (vault and custody) while the analyses read it, and every source
// hashed again afterwards to show the analyses changed nothing.
#pragma once

#include <map>
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

// The SHA-256 of every source file after the analyses (on `threads`
// threads; a file is hashed once however many items came from it). Touches
// no case data, so it can run beside other work.
struct HashedAfter {
  bool readable = false;
  std::string sha256, error;
};
using HashesAfter = std::map<std::string, HashedAfter>;  // by source path
HashesAfter hash_after(const std::vector<cases::Item>& items, unsigned threads);

// Fills sha256_after / unchanged (archive entries and image segments through
// the file they came in) and records one "accessed" custody event per item
// with the result. false when any differs.
bool record_after(evidence::Session& s, Acquired& acquired, const HashesAfter& hashed,
                  std::vector<std::string>& problems);

}  // namespace shodo::investigate

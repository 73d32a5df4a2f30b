// The leak assessment (情報漏えいの有無と範囲): joins what the attackers could
// reach — the channels the attacker pass reconstructed (SQL injection,
// downloads, webshell commands, mail) and the skimmers the webroot scan
// found — with what that data was (the PII scanner on the exposed files),
// into inv.leak, and derives what the law asks next (inv.leak.appi).
#pragma once

#include <string>
#include <vector>

#include "investigate/correlate.h"
#include "investigate/sources.h"
#include "leak/leak.h"
#include "util/expansion_limit.h"

namespace shodo::investigate {

// What the attacker pass needs to follow the channels: the webshells' URLs
// and the sizes of the webroot files (downloads are compared with them).
// The result refers to `sources`: keep it alive while the config is used.
leak::Config leak_config(const Sources& sources, const std::vector<FileFindingIn>& file_findings);

struct LeakOptions {
  bool public_body = false;  // 行政機関等: the persons threshold is 100
  util::ExpansionLimit expansion;
};

// Fills inv.leak; needs inv's findings, webshells, changed files and case
// fields (the knowledge date) already set. Exposed files are read from the
// webroots, never written; what cannot be read goes to `problems`.
void assess_leak(const CorrelationInput& in, const Sources& sources, const leak::Channels& channels,
                 const LeakOptions& options, Investigation& inv,
                 std::vector<std::string>& problems);

// The facts the APPI decision rests on, from a leak assessment (one just
// made, or one read back from findings.json with a later knowledge date).
obligations::Facts appi_facts(const LeakAssessment& leak, const std::string& knowledge_date,
                              bool public_body);

}  // namespace shodo::investigate

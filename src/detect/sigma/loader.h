// Loads Sigma rules (YAML) into the model of rule.h.
//
// Nothing here throws: every YAML or rule error becomes a Problem naming the
// file, line and rule. A Problem means the rule or correlation it names was
// not loaded — except a malformed `level`, which keeps the rule at medium.
// A hostile file (deep nesting, alias bombs, huge or binary content) is a
// Problem too, never a crash or a hang.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detect/sigma/rule.h"

namespace shodo::detect::sigma {

// Rule files are small; a bigger one is a mistake or an attack.
inline constexpr size_t kMaxRuleFileBytes = size_t{8} << 20;

struct LoadedRules {
  std::vector<Rule> rules;
  std::vector<Correlation> correlations;
  std::vector<Problem> problems;
  size_t files = 0;  // files (or texts) read

  // Everything `other` holds, after what this holds.
  void append(LoadedRules&& other);
};

// Loads every document of a (multi-document, `---`-separated) YAML text.
// `file_label` is what Problems and RuleMeta::file call it.
void load_rule_text(std::string_view yaml, const std::string& file_label, LoadedRules& out);
void load_rule_file(const std::string& path, LoadedRules& out);
// Every *.yml / *.yaml file below `dir`, in path order. Symbolic links are
// not followed (each is reported); hidden files and folders (.git, .github)
// are skipped.
void load_rule_dir(const std::string& dir, LoadedRules& out);
// Rule files and folders, in the order given (a folder as load_rule_dir),
// all loaded at once on the machine's cores; a source that does not exist is
// a Problem.
void load_rule_sources(const std::vector<std::string>& sources, LoadedRules& out);

// Run once after loading everything (correlations may name rules of other
// files): checks that every rule a correlation names (by id or name) was
// loaded, drops correlations that name missing rules or form a cycle (each
// a Problem), and applies Sigma's `generate` semantics: a rule referred to
// by a correlation produces no findings of its own unless one of the
// correlations referring to it says `generate: true`. Correlations without
// an examples format take their first rule's.
void resolve_correlations(LoadedRules& rules);

}  // namespace shodo::detect::sigma

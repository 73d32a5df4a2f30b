// Every shipped YARA rule carries examples it must and must not match:
// <dir>/examples/<rule>/match/* and <dir>/examples/<rule>/nomatch/*.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "files/files.h"
#include "files/yara_rules.h"

namespace shodo::files {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

ExampleReport test_yara_examples(const std::string& yara_dir) {
  ExampleReport report;
  std::vector<fsview::Problem> problems;
  const YaraRules rules({yara_dir}, problems);
  for (const auto& p : problems) report.failures.push_back({"", p.path, p.reason});
  auto scanner = rules.scanner();
  if (!scanner) {
    report.failures.push_back({"", yara_dir, "no rule compiled"});
    return report;
  }
  std::error_code ec;
  std::vector<fs::path> rule_dirs;
  for (const auto& e : fs::directory_iterator(fs::path(yara_dir) / "examples", ec))
    if (e.is_directory()) rule_dirs.push_back(e.path());
  std::sort(rule_dirs.begin(), rule_dirs.end());
  std::set<std::string> with_examples;
  for (const fs::path& dir : rule_dirs) with_examples.insert(dir.filename().string());
  for (const std::string& name : rules.rule_names())
    if (!with_examples.count(name)) report.failures.push_back({name, "", "rule has no examples"});
  for (const fs::path& dir : rule_dirs) {
    const std::string rule = dir.filename().string();
    ++report.rules;
    for (bool expect : {true, false}) {
      std::vector<fs::path> examples = files_in(dir / (expect ? "match" : "nomatch"));
      if (examples.empty())
        report.failures.push_back(
            {rule, "", expect ? "no matching example" : "no non-matching example"});
      for (const fs::path& path : examples) {
        ++report.examples;
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::vector<YaraMatch> matches;
        std::string error;
        YaraExternals ext{path.filename().string(), path.string(), path.extension().string(), "",
                          ""};
        if (!scanner->scan(ss.str(), ext, matches, error)) {
          report.failures.push_back({rule, path.string(), error});
          continue;
        }
        bool hit = std::any_of(matches.begin(), matches.end(),
                               [&](const YaraMatch& m) { return m.rule == rule; });
        if (hit != expect)
          report.failures.push_back(
              {rule, path.string(),
               expect ? "should match but does not" : "matches but should not"});
      }
    }
  }
  return report;
}

}  // namespace shodo::files

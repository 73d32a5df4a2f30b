// `shodo rules test`: every example a rule carries is read by the ingest
// pipeline in its format and hunted with all the rules, exactly as `shodo
// hunt` would; the rule must (not) produce a finding.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "detect/detect.h"
#include "detect/engine/matcher.h"

namespace shodo::detect {
namespace {

struct ExampleRun {
  bool parsed = false;     // every line became an event
  std::string parse_note;  // why not
  std::vector<Finding> findings;
};

class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/shodo-example-XXXXXX";
    fd_ = mkstemp(path_.data());
  }
  ~TempFile() {
    if (fd_ >= 0) {
      close(fd_);
      unlink(path_.c_str());
    }
  }
  bool write(std::string_view text) {
    if (fd_ < 0 || ftruncate(fd_, 0) != 0 || lseek(fd_, 0, SEEK_SET) != 0) return false;
    std::string data(text);
    if (data.empty() || data.back() != '\n') data.push_back('\n');
    return ::write(fd_, data.data(), data.size()) == static_cast<ssize_t>(data.size());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

ExampleRun run_example(const RuleSet& rules, const sigma::Examples& ex, std::string_view text,
                       TempFile& file) {
  ExampleRun run;
  if (!file.write(text)) {
    run.parse_note = "cannot write a temporary file";
    return run;
  }
  ingest::IngestOptions opt;
  opt.log_format = ex.format;
  std::string error;
  opt.zone = ingest::Zone::locate(ex.tz.empty() ? "UTC" : ex.tz, error);
  if (!opt.zone) {
    run.parse_note = "bad example tz: " + error;
    return run;
  }
  HuntOptions hopt;
  hopt.detectors = false;
  hopt.all_matches = true;
  Hunt hunt(rules, hopt);
  ingest::InputSet inputs;
  inputs.files.push_back({file.path(), text.size(), 0});
  const ingest::IngestResult result = ingest::ingest(inputs, opt, hunt);
  run.findings = hunt.finish();
  if (!result.error.empty()) {
    run.parse_note = result.error;
  } else if (result.files.empty() || result.files[0].bad_lines > 0 || result.files[0].events == 0) {
    run.parse_note = "not read as " + ex.format;
    if (!result.files.empty() && !result.files[0].bad_examples.empty())
      run.parse_note += ": " + result.files[0].bad_examples[0].reason;
  } else {
    run.parsed = true;
  }
  return run;
}

size_t count_of(const ExampleRun& run, const std::string& key) {
  return static_cast<size_t>(std::count_if(run.findings.begin(), run.findings.end(),
                                           [&](const Finding& f) { return f.rule_id == key; }));
}

// `stateless`: a rule, not a correlation. Its example is also run three times
// in a row, which must give three times its findings: the matcher remembers
// what a value made true from one line to the next, and that must never
// change an answer.
void check(const RuleSet& rules, const std::string& key, const sigma::RuleMeta& meta,
           const sigma::Examples& ex, bool stateless, TempFile& file, ExampleReport& report) {
  auto one = [&](const std::string& text, bool want) {
    ++report.examples;
    const ExampleRun run = run_example(rules, ex, text, file);
    const size_t fired = count_of(run, key);
    std::string reason;
    if (!run.parsed)
      reason = run.parse_note;
    else if (want && !fired)
      reason = "no finding";
    else if (!want && fired)
      reason = "matched";
    if (reason.empty() && stateless) {
      std::string thrice = text;
      while (!thrice.empty() && thrice.back() == '\n') thrice.pop_back();
      thrice = thrice + "\n" + thrice + "\n" + thrice + "\n";
      const size_t repeated = count_of(run_example(rules, ex, thrice, file), key);
      if (repeated != 3 * fired)
        reason = std::to_string(repeated) + " findings when the example is repeated 3 times, not " +
                 std::to_string(3 * fired);
    }
    if (reason.empty()) return;
    report.failures.push_back({key, meta.file, meta.line, want, text, reason});
  };
  for (const std::string& t : ex.match) one(t, true);
  for (const std::string& t : ex.no_match) one(t, false);
}

}  // namespace

ExampleReport test_examples(const RuleSet& rules) {
  ExampleReport report;
  TempFile file;
  auto visit = [&](const sigma::RuleMeta& meta, const sigma::Examples& ex, bool stateless) {
    const std::string key = rule_key(meta);
    if (ex.match.empty() && ex.no_match.empty()) {
      ++report.rules_without_examples;
      report.untested.push_back(key);
      return;
    }
    ++report.rules_with_examples;
    check(rules, key, meta, ex, stateless, file, report);
  };
  for (const sigma::Rule& r : rules.rules())
    if (rules.matcher().runs(static_cast<uint32_t>(&r - rules.rules().data())))
      visit(r.meta, r.examples, true);
  for (const sigma::Correlation& c : rules.correlations()) visit(c.meta, c.examples, false);
  for (const sigma::Problem& p : rules.problems())
    if (p.kind == sigma::Problem::Kind::error) report.not_loaded.push_back(p);
  return report;
}

}  // namespace shodo::detect

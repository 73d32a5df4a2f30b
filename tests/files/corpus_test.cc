// The inert corpus (tests/data/files/webroot): every webshell look-alike is
// detected with the expected rules, every benign look-alike is left alone,
// and renamed or whitespace-changed copies stay detected.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "files/files.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace shodo;

namespace {

const std::string kWebroot = std::string(SHODO_TEST_DATA) + "/files/webroot";

struct Expectation {
  std::string path;
  std::vector<std::string> rules;  // empty: benign
};

std::vector<Expectation> read_expectations() {
  std::ifstream in(std::string(SHODO_TEST_DATA) + "/files/webroot.expect");
  std::vector<Expectation> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    Expectation e;
    ss >> e.path;
    for (std::string r; ss >> r;)
      if (r != "-") e.rules.push_back(r);
    out.push_back(e);
  }
  return out;
}

std::map<std::string, std::vector<const detect::FileFinding*>> by_path(const files::ScanResult& r) {
  std::map<std::string, std::vector<const detect::FileFinding*>> out;
  for (const auto& f : r.findings) out[f.file.path].push_back(&f);
  return out;
}

files::ScanResult scan_dir(const std::string& dir, unsigned threads = 2) {
  std::string error;
  auto view = fsview::open_directory(dir, error);
  EXPECT_TRUE(view) << error;
  files::ScanOptions o;
  o.threads = threads;
  return files::scan(*view, o);
}

detect::Level top_level(const std::vector<const detect::FileFinding*>& fs) {
  detect::Level l = detect::Level::informational;
  for (const auto* f : fs) l = std::max(l, f->level);
  return l;
}

TEST(ScanCorpus, EverySampleDetectedAndNoBenignLookAlikeFlagged) {
  const auto expectations = read_expectations();
  ASSERT_GT(expectations.size(), 30u);
  const files::ScanResult result = scan_dir(kWebroot);
  EXPECT_TRUE(result.problems.empty())
      << result.problems[0].path << ": " << result.problems[0].reason;
  auto found = by_path(result);
  for (const Expectation& e : expectations) {
    const auto& fs = found[e.path];
    std::set<std::string> ids;
    for (const auto* f : fs) ids.insert(f->rule_id);
    if (e.rules.empty()) {
      EXPECT_TRUE(fs.empty()) << e.path << " is benign but got " << fs[0]->rule_id << ": "
                              << fs[0]->reason;
      continue;
    }
    ASSERT_FALSE(fs.empty()) << e.path << " not detected";
    EXPECT_GE(top_level(fs), detect::Level::medium) << e.path;
    for (const std::string& r : e.rules) EXPECT_TRUE(ids.count(r)) << e.path << " lacks " << r;
  }
}

TEST(ScanCorpus, SameResultsForAnyThreadCount) {
  auto one = scan_dir(kWebroot, 1), four = scan_dir(kWebroot, 4);
  ASSERT_EQ(one.findings.size(), four.findings.size());
  for (size_t i = 0; i < one.findings.size(); ++i) {
    EXPECT_EQ(one.findings[i].file.path, four.findings[i].file.path);
    EXPECT_EQ(one.findings[i].rule_id, four.findings[i].rule_id);
    EXPECT_EQ(one.findings[i].score, four.findings[i].score);
  }
}

// Whitespace changed (spaces around parentheses, CRLF, tabs) and the file
// renamed: detection must not hang on the exact bytes or the name.
std::string respaced(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '(')
      out += " (\t";
    else if (c == ';')
      out += " ;";
    else if (c == '\n')
      out += "\r\n";
    else
      out += c;
  }
  return out;
}

std::string crlf(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

TEST(ScanCorpus, RenamedAndWhitespaceChangedVariantsStayDetected) {
  shodo::testing::TempDir dir;
  std::map<std::string, std::string> origin;
  int n = 0;
  for (const Expectation& e : read_expectations()) {
    if (e.rules.empty()) continue;
    const fs::path src = kWebroot + e.path;
    std::ifstream in(src, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string body = ss.str();
    if (body.find('\0') != std::string::npos) continue;  // binary polyglots: bytes are the point
    // Same folder (placement matters) and extension, another name.
    const std::string ext = src.extension().string();
    const std::string parent = fs::path(e.path).parent_path().string();
    const std::string stem = fs::path(e.path).stem().string();
    const std::string keep_suffix = stem.find('.') != std::string::npos  // avatar.php.jpg
                                        ? stem.substr(stem.find('.'))
                                        : std::string();
    std::string name = src.filename().string()[0] == '.'
                           ? src.filename().string()  // .htaccess / .user.ini keep their name
                           : "variant" + std::to_string(n++) + keep_suffix + ext;
    const std::string path = parent + "/" + name;
    // Server configuration keeps its syntax (a space changes a rewrite
    // rule's meaning); only its line ends change.
    const bool config = name[0] == '.';
    dir.write(path.substr(1), config ? crlf(body) : respaced(body));
    origin[path] = e.path;
  }
  const files::ScanResult result = scan_dir(dir.path().string());
  auto found = by_path(result);  // pointers into `result`
  for (const auto& [path, from] : origin) {
    ASSERT_FALSE(found[path].empty()) << "variant of " << from << " not detected";
    EXPECT_GE(top_level(found[path]), detect::Level::medium) << "variant of " << from;
  }
}

TEST(ScanCorpus, FindingsCarryHashLineExcerptAndUrl) {
  std::string error;
  auto view = fsview::open_directory(kWebroot, error);
  files::ScanOptions o;
  o.docroots = {{"/html", "/"}};
  const auto result = files::scan(*view, o);
  const detect::FileFinding* f = nullptr;
  for (const auto& x : result.findings)
    if (x.file.path == "/html/shell/cmd.php" && x.rule_id == "yara.php_request_to_command") f = &x;
  ASSERT_TRUE(f);
  EXPECT_EQ(f->sha256.size(), 64u);
  EXPECT_EQ(f->line, 3u);
  EXPECT_NE(f->excerpt.find("shell_exec"), std::string::npos);
  EXPECT_EQ(f->url_path, "/shell/cmd.php");
  EXPECT_EQ(f->level, detect::Level::critical);
  EXPECT_FALSE(f->techniques.empty());
}

TEST(YaraExamples, EveryShippedRuleMatchesItsExamplesAndNotItsCounterExamples) {
  const files::ExampleReport r = files::test_yara_examples(files::shipped_yara_dir());
  EXPECT_GE(r.rules, 20u);
  EXPECT_GE(r.examples, 2 * r.rules);
  for (const auto& f : r.failures) ADD_FAILURE() << f.rule << " " << f.example << ": " << f.reason;
}

}  // namespace

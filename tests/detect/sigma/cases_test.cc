// Runs every tests/data/sigma/cases/*.case (format: tests/data/sigma/README.md):
// the YAML is loaded as one file, correlations resolved, and the dump
// (dump.h) compared with the expected lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detect/sigma/dump.h"

namespace shodo::detect::sigma {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string yaml;
  std::vector<std::string> expect;
};

Case read_case(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  Case c;
  std::string line;
  enum { comment, yaml, expect } part = comment;
  while (std::getline(in, line)) {
    if (line == "=== yaml") {
      part = yaml;
    } else if (line == "=== expect") {
      part = expect;
    } else if (part == yaml) {
      c.yaml += line + "\n";
    } else if (part == expect && !line.empty()) {
      c.expect.push_back(line);
    }
  }
  return c;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// An expected line ending in "..." matches any actual line it starts.
bool line_matches(const std::string& expected, const std::string& actual) {
  if (expected.ends_with("..."))
    return actual.starts_with(std::string_view(expected).substr(0, expected.size() - 3));
  return expected == actual;
}

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(SHODO_TEST_DATA) / "sigma" / "cases"))
    if (e.path().extension() == ".case") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

class SigmaLoaderCases : public ::testing::TestWithParam<std::string> {};

TEST_P(SigmaLoaderCases, LoadsAsExpected) {
  const Case c = read_case(GetParam());
  ASSERT_FALSE(c.expect.empty()) << "no '=== expect' lines in " << GetParam();
  LoadedRules loaded;
  load_rule_text(c.yaml, "case.yml", loaded);
  resolve_correlations(loaded);
  const std::string actual = testing::dump(loaded);
  const std::vector<std::string> got = lines_of(actual);
  bool same = got.size() == c.expect.size();
  for (size_t i = 0; same && i < got.size(); ++i) same = line_matches(c.expect[i], got[i]);
  EXPECT_TRUE(same) << GetParam() << "\n--- actual:\n" << actual;
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Sigma, SigmaLoaderCases, ::testing::ValuesIn(case_files()), case_name);

}  // namespace
}  // namespace shodo::detect::sigma

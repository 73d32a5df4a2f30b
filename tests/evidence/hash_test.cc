// Hash values against the published test vectors (FIPS 180, RFC 1321),
// read from tests/data/evidence/hash_vectors.txt.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "evidence/evidence.h"
#include "support/temp_dir.h"

namespace {

std::string expand(const std::string& spec) {
  if (spec == "\"\"") return "";
  size_t star = spec.find('*');
  if (star == std::string::npos) return spec;
  return std::string(std::stoul(spec.substr(star + 1)), spec[0]);
}

TEST(Hashes, KnownVectors) {
  std::ifstream in(std::string(SHODO_TEST_DATA) + "/evidence/hash_vectors.txt");
  ASSERT_TRUE(in);
  shodo::testing::TempDir t;
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string spec, sha256, sha1, md5;
    fields >> spec >> sha256 >> sha1 >> md5;
    const std::string content = expand(spec);
    const std::string path = t.write("v" + std::to_string(cases++), content);
    shodo::evidence::Hashes h;
    uint64_t size = 0;
    ASSERT_TRUE(shodo::evidence::hash_path(path, h, size).ok);
    EXPECT_EQ(size, content.size()) << spec;
    EXPECT_EQ(h.sha256, sha256) << spec;
    EXPECT_EQ(h.sha1, sha1) << spec;
    EXPECT_EQ(h.md5, md5) << spec;
    std::string only_sha256;
    ASSERT_TRUE(shodo::evidence::sha256_path(path, only_sha256, size).ok);
    EXPECT_EQ(only_sha256, sha256) << spec;
    EXPECT_EQ(size, content.size()) << spec;
  }
  EXPECT_EQ(cases, 3);
}

}  // namespace

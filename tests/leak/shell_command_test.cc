// Webshell commands read as a shell would, driven by
// tests/data/leak/shell_commands.tsv: the files each command reads, creates,
// appends to or deletes, resolved against the webshell's folder.
#include "leak/shell_command.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace shodo::leak {
namespace {

std::vector<std::string> split_tabs(const std::string& s) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, '\t')) out.push_back(part);
  return out;
}

TEST(LeakShellCommand, FilesAndUrlsOfEachCommandInTheCaseFile) {
  std::ifstream in(std::string(SHODO_TEST_DATA) + "/leak/shell_commands.tsv");
  ASSERT_TRUE(in);
  size_t cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = split_tabs(line);
    ASSERT_EQ(f.size(), 5u) << line;
    SCOPED_TRACE(f[4] + ": " + f[0]);
    const ShellEffects fx = read_shell_command(f[0], f[1]);
    std::string files;
    for (const FileUse& u : fx.files)
      files += (files.empty() ? "" : " ; ") + u.role + " " + u.path + "=" + u.url_path;
    EXPECT_EQ(files.empty() ? "-" : files, f[2]);
    std::string urls;
    for (const std::string& u : fx.urls) urls += (urls.empty() ? "" : ",") + u;
    EXPECT_EQ(urls.empty() ? "-" : urls, f[3]);
    ++cases;
  }
  EXPECT_GE(cases, 15u);
}

TEST(LeakShellCommand, ProgramsBehindWrappersAndPipes) {
  const ShellEffects fx = read_shell_command("sudo -n tar cf - . | gzip -c > /tmp/a.gz", "/");
  EXPECT_EQ(fx.programs, (std::vector<std::string>{"tar", "gzip"}));
}

TEST(LeakShellCommand, HostileCommandsEndBounded) {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "touch f" + std::to_string(i) + ";";
  EXPECT_LE(read_shell_command(many, "/").files.size(), 256u);
  EXPECT_TRUE(read_shell_command(std::string(1 << 20, '\''), "/").files.empty());
  EXPECT_TRUE(read_shell_command("cat $(((((((", "/x").files.size() <= 1);
  EXPECT_TRUE(read_shell_command(std::string("cat \xff\xfe\x00 >", 9), "/").files.size() <= 1);
}

}  // namespace
}  // namespace shodo::leak

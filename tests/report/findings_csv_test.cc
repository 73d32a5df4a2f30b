#include <gtest/gtest.h>

#include "report/findings.h"
#include "report/hunt_fixture.h"

namespace shodo::report {
namespace {

using testing::Hunt;

constexpr std::string_view kHeader =
    "@timestamp,event.timezone,event.end,rule.id,rule.title,rule.title_ja,rule.level,"
    "rule.source,threat.technique.id,source.ip,user.name,shodo.match.field,shodo.match.value,"
    "http.request.method,url.path,http.response.status_code,http.response.body.bytes,"
    "shodo.outcome,shodo.outcome_reason,shodo.count,shodo.detail,shodo.detail_ja,log.file.path,"
    "log.file.line,log.offset\n";

TEST(FindingsCsv, OneRowPerFindingNamedAsTheJsonFields) {
  Hunt h;
  h.add_sample_findings();
  const std::string out = render_hunt(h.report, "csv");
  ASSERT_TRUE(out.starts_with(kHeader));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 6);
  EXPECT_NE(out.find("\n2024-03-09T16:35:10.123456Z,+09:00,,5f1c2d3e-0000-4000-8000-00000000a001,"
                     "Webshell command execution,Web シェルによるコマンド実行,critical,sigma,"
                     "T1505.003 T1059,203.0.113.7,,url.query,cmd=id,GET,/uploads/x.php,200,512,"
                     "attempted,2xx with a response unlike the path's usual one,1,,,"
                     "/evidence/var/log/apache2/access.log,815,81500\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(",2024-03-09T18:09:42Z,shodo.ssh_brute_force,"), std::string::npos);
}

TEST(FindingsCsv, FormulasNeutralizedControlsEscaped) {
  Hunt h;
  detect::Finding f = Hunt::scanner();
  f.value = "=cmd|' /C calc'!A0";
  f.user = "@SUM(A1)";
  f.title = "two\nlines, \x1b[31mred";
  f.outcome_reason = "-2+3";
  h.findings = {f};
  const std::string out = render_hunt(h.report, "csv");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
  EXPECT_NE(out.find(",\"'=cmd|' /C calc'!A0\","), std::string::npos) << out;
  EXPECT_NE(out.find(",\"'@SUM(A1)\","), std::string::npos);
  EXPECT_NE(out.find(",\"two\\nlines, \\e[31mred\","), std::string::npos);
  EXPECT_NE(out.find(",\"'-2+3\","), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(FindingsCsv, NoFindingsJustTheHeader) {
  Hunt h;
  EXPECT_EQ(render_hunt(h.report, "csv"), kHeader);
}

}  // namespace
}  // namespace shodo::report

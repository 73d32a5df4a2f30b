#include <gtest/gtest.h>

#include <string>

#include "report/findings.h"
#include "report/hunt_fixture.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using testing::Hunt;

size_t count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

// Every byte valid UTF-8 and no control character but newline: nothing in
// the output can act on a terminal.
bool terminal_safe(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = util::utf8_sequence_length(s, i);
    if (n == 0) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1 && ((c < 0x20 && c != '\n') || c == 0x7f)) return false;
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    i += n;
  }
  return true;
}

TEST(FindingsText, EnglishBySeverityThenRuleWithExamplesAndAttackers) {
  Hunt h;
  h.add_sample_findings();
  EXPECT_EQ(render_hunt(h.report, "text"),
            R"txt(2 files, 106.4 KiB read, 998 events, 2 bad lines in 0.50 s (2,000 lines/s)
Times written without an offset were read as Asia/Tokyo (--tz).
Events from 2024-03-09T15:00:00Z to 2024-03-10T14:58:30Z (UTC).
Rules: 412 Sigma rules, 12 correlations, 6 detectors; 3 not run (see shodo rules lint)

Findings at level low and above:

== CRITICAL: 1 rule, 2 findings ==

Webshell command execution
  critical · T1505.003, T1059 · sigma rule 5f1c2d3e-0000-4000-8000-00000000a001
  2 findings: 1 success, 1 attempted
    2024-03-10T01:33:05+09:00         203.0.113.7  success    /evidence/var/log/apache2/access.log:812
        GET /uploads/x.php -> 200 (512 B)
        url.query=cmd=id
    2024-03-10T01:35:10.123456+09:00  203.0.113.7  attempted  /evidence/var/log/apache2/access.log:815
        GET /uploads/x.php -> 200 (512 B)
        url.query=cmd=id

== HIGH: 2 rules, 2 findings ==

SQL injection attempt
  high · T1190 · sigma rule 5f1c2d3e-0000-4000-8000-00000000b002
  1 finding: 1 blocked
    2024-03-10T01:00:00+09:00  198.51.100.23  blocked  /evidence/var/log/apache2/access.log:120
        GET /item.php -> 403
        url.query=id=1' OR '1'='1

SSH password guessing
  high · T1110.001 · detector shodo.ssh_brute_force
  1 finding (500 events): 1 failed
    2024-03-10T03:00:02+09:00  198.51.100.23  failed  /evidence/var/log/auth.log:3
        user.name=root
        500 failed logins for 3 accounts in 9 minutes
        500 events until 2024-03-10T03:09:42+09:00

== MEDIUM: 1 rule, 1 finding ==

Vulnerability scanner user agent
  medium · T1595.002 · sigma rule 5f1c2d3e-0000-4000-8000-00000000c003
  1 finding: 1 blocked
    2024-03-10T11:00:00+09:00  192.0.2.1  blocked  /evidence/var/log/apache2/access.log:900
        GET / -> 404
        user_agent.original=sqlmap/1.7

Attackers: 3 client IPs, by findings
  CLIENT IP      FINDINGS  LEVEL     FIRST SEEN                 LAST SEEN
  203.0.113.7           2  critical  2024-03-10T01:33:05+09:00  2024-03-10T01:35:10.123456+09:00
      1 success, 1 attempted
      T1059, T1505.003
      rules: Webshell command execution
  198.51.100.23         2  high      2024-03-10T01:00:00+09:00  2024-03-10T03:09:42+09:00
      1 failed, 1 blocked
      T1110.001, T1190
      rules: SQL injection attempt, SSH password guessing
  192.0.2.1             1  medium    2024-03-10T11:00:00+09:00  2024-03-10T11:00:00+09:00
      1 blocked
      T1595.002
      rules: Vulnerability scanner user agent

5 findings (2 critical, 2 high, 1 medium) from 4 rules; 3 client IPs.
)txt");
}

TEST(FindingsText, JapaneseEveryLabelTranslated) {
  Hunt h;
  h.add_sample_findings();
  h.report.lang = "ja";
  EXPECT_EQ(
      render_hunt(h.report, "text"),
      R"txt(ファイル 2 件、106.4 KiB を読み込み、イベント 998 件、不正な行 2 行（0.50 秒、毎秒 2,000 行）
オフセットのない時刻は Asia/Tokyo として解釈しました（--tz）。
イベントの期間: 2024-03-09T15:00:00Z 〜 2024-03-10T14:58:30Z（UTC）
ルール: Sigma ルール 412 件、相関ルール 12 件、組み込み検知 6 件。うち 3 件は実行されていません（shodo rules lint で確認できます）

レベル「低」以上の検知:

== 重大: ルール 1 件、検知 2 件 ==

Web シェルによるコマンド実行
  重大 · T1505.003, T1059 · Sigma ルール 5f1c2d3e-0000-4000-8000-00000000a001
  検知 2 件: 成功 1、試行のみ 1
    2024-03-10T01:33:05+09:00         203.0.113.7  成功      /evidence/var/log/apache2/access.log:812
        GET /uploads/x.php -> 200 (512 B)
        url.query=cmd=id
    2024-03-10T01:35:10.123456+09:00  203.0.113.7  試行のみ  /evidence/var/log/apache2/access.log:815
        GET /uploads/x.php -> 200 (512 B)
        url.query=cmd=id

== 高: ルール 2 件、検知 2 件 ==

SQL インジェクションの試行
  高 · T1190 · Sigma ルール 5f1c2d3e-0000-4000-8000-00000000b002
  検知 1 件: 遮断 1
    2024-03-10T01:00:00+09:00  198.51.100.23  遮断  /evidence/var/log/apache2/access.log:120
        GET /item.php -> 403
        url.query=id=1' OR '1'='1

SSH パスワードの総当たり
  高 · T1110.001 · 組み込み検知 shodo.ssh_brute_force
  検知 1 件（イベント 500 件）: 失敗 1
    2024-03-10T03:00:02+09:00  198.51.100.23  失敗  /evidence/var/log/auth.log:3
        user.name=root
        9 分間に 3 アカウントへのログイン失敗 500 回
        イベント 500 件、最終 2024-03-10T03:09:42+09:00

== 中: ルール 1 件、検知 1 件 ==

Vulnerability scanner user agent
  中 · T1595.002 · Sigma ルール 5f1c2d3e-0000-4000-8000-00000000c003
  検知 1 件: 遮断 1
    2024-03-10T11:00:00+09:00  192.0.2.1  遮断  /evidence/var/log/apache2/access.log:900
        GET / -> 404
        user_agent.original=sqlmap/1.7

攻撃元: 送信元 IP 3 件（検知件数順）
  送信元 IP      検知数  レベル  初回                       最終
  203.0.113.7         2  重大    2024-03-10T01:33:05+09:00  2024-03-10T01:35:10.123456+09:00
      成功 1、試行のみ 1
      T1059, T1505.003
      ルール: Web シェルによるコマンド実行
  198.51.100.23       2  高      2024-03-10T01:00:00+09:00  2024-03-10T03:09:42+09:00
      失敗 1、遮断 1
      T1110.001, T1190
      ルール: SQL インジェクションの試行、SSH パスワードの総当たり
  192.0.2.1           1  中      2024-03-10T11:00:00+09:00  2024-03-10T11:00:00+09:00
      遮断 1
      T1595.002
      ルール: Vulnerability scanner user agent

検知 5 件（重大 2、高 2、中 1）、ルール 4 件、送信元 IP 3 件。
)txt");
}

TEST(FindingsText, NoFindingsSaysSoPlainly) {
  Hunt h;
  h.report.rules.problems = 0;
  const std::string en = render_hunt(h.report, "text");
  EXPECT_NE(en.find("Rules: 412 Sigma rules, 12 correlations, 6 detectors\n"), std::string::npos);
  EXPECT_TRUE(en.ends_with("\n\nNo findings at level low and above.\n")) << en;
  EXPECT_EQ(en.find("Attackers"), std::string::npos);
  h.report.lang = "ja";
  EXPECT_TRUE(
      render_hunt(h.report, "text").ends_with("\n\nレベル「低」以上の検知はありません。\n"));
}

TEST(FindingsText, HostileEvidenceIsShownEscapedNeverActedOn) {
  Hunt h;
  detect::Finding f =
      Hunt::webshell(testing::utc(2024, 3, 9, 16, 33, 5), 812, detect::Outcome::success);
  f.value =
      "\x1b[2J\x1b]0;owned\x07=cmd|' /C calc'!A0\r\nFAKE: line <script>x</script> \xff\xc2\x9b";
  f.client_ip = "1.2.3.4\x1b[8m";
  f.title = "Title\nwith newline";
  f.title_ja.clear();
  f.user = "\x1b[31mroot";
  f.path = "/x.php\r";
  f.detail = "seen \x07";
  h.findings = {f};
  for (const char* lang : {"en", "ja"}) {
    h.report.lang = lang;
    const std::string out = render_hunt(h.report, "text");
    EXPECT_TRUE(terminal_safe(out)) << out;
    EXPECT_NE(out.find("url.query=\\e[2J\\e]0;owned\\x07=cmd|' /C calc'!A0\\r\\nFAKE: line "
                       "<script>x</script> \\xff\\xc2\\x9b\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("\nTitle\\nwith newline\n"), std::string::npos);
    EXPECT_NE(out.find("1.2.3.4\\e[8m"), std::string::npos);
    EXPECT_NE(out.find("user.name=\\e[31mroot"), std::string::npos);
    EXPECT_EQ(out.find("\nFAKE"), std::string::npos);
  }
}

TEST(FindingsText, LongValuesAreCutAtACharacter) {
  Hunt h;
  detect::Finding f = Hunt::sqli(testing::utc(2024, 3, 9, 16, 0, 0), 1, detect::Outcome::blocked);
  f.value = std::string(500, 'A');
  detect::Finding g = f;
  std::string ja;
  for (int i = 0; i < 200; ++i) ja += "攻";
  g.value = ja;
  h.findings = {f, g};
  const std::string out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("url.query=" + std::string(120, 'A') + "...\n"), std::string::npos);
  EXPECT_EQ(out.find(std::string(121, 'A')), std::string::npos);
  EXPECT_NE(out.find("url.query=" + ja.substr(0, 120 * 3) + "...\n"), std::string::npos);
  EXPECT_TRUE(terminal_safe(out));
}

TEST(FindingsText, ExamplesCappedPreferringWhatWorkedVerboseShowsAll) {
  Hunt h;
  for (uint64_t line = 1; line <= 5; ++line)
    h.findings.push_back(
        Hunt::webshell(testing::utc(2024, 3, 9, 16, 0, static_cast<int>(line)), line,
                       line == 5 ? detect::Outcome::success : detect::Outcome::blocked));
  h.findings[4].related = {{1, 9, 900}};
  std::string out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("5 findings: 1 success, 4 blocked\n"), std::string::npos);
  EXPECT_NE(out.find("access.log:1\n"), std::string::npos);
  EXPECT_NE(out.find("access.log:2\n"), std::string::npos);
  EXPECT_EQ(out.find("access.log:3\n"), std::string::npos);
  EXPECT_NE(out.find("access.log:5\n"), std::string::npos);  // the success, though last
  EXPECT_NE(out.find("    ... 2 more (--verbose shows all)\n"), std::string::npos);
  EXPECT_LT(out.find("access.log:2\n"), out.find("access.log:5\n"));  // in input order
  EXPECT_EQ(out.find("why:"), std::string::npos);

  h.report.verbose = true;
  out = render_hunt(h.report, "text");
  for (const char* line :
       {"access.log:1\n", "access.log:2\n", "access.log:3\n", "access.log:4\n", "access.log:5\n"})
    EXPECT_NE(out.find(line), std::string::npos) << line;
  EXPECT_EQ(out.find("more (--verbose"), std::string::npos);
  EXPECT_EQ(count(out, "        why: 2xx with a response unlike the path's usual one\n"), 5u);
  EXPECT_NE(out.find("        also: /evidence/var/log/auth.log:9\n"), std::string::npos);

  h.report.lang = "ja";
  out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("        判定理由: "), std::string::npos);
  EXPECT_NE(out.find("        関連: /evidence/var/log/auth.log:9\n"), std::string::npos);
}

TEST(FindingsText, AttackersCappedAtTwentyVerboseShowsAll) {
  Hunt h;
  for (int i = 1; i <= 25; ++i) {
    detect::Finding f = Hunt::scanner();
    f.client_ip = "10.0.0." + std::to_string(i);
    h.findings.push_back(f);
  }
  std::string out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("Attackers: the first 20 of 25 client IPs, by findings\n"), std::string::npos);
  EXPECT_NE(out.find("\n  ... 5 more (--verbose shows all)\n"), std::string::npos);
  EXPECT_EQ(count(out, "      rules: Vulnerability scanner user agent\n"), 20u);
  h.report.verbose = true;
  out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("Attackers: 25 client IPs, by findings\n"), std::string::npos);
  EXPECT_EQ(count(out, "      rules: Vulnerability scanner user agent\n"), 25u);
  h.report.lang = "ja";
  h.report.verbose = false;
  out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("攻撃元: 送信元 IP 25 件のうち上位 20 件（検知件数順）\n"), std::string::npos);
}

TEST(FindingsText, UnreadInputsAlwaysShownTheFileTableWithVerbose) {
  Hunt h;
  h.add_sample_findings();
  h.inputs.problems = {{"/nonexistent/access.log", "no such file or folder"}};
  ingest::FileReport evil;
  evil.path = "/evidence/evil\x1b[31m.log";
  evil.error = "no known log format";
  h.inputs.files.push_back({evil.path, 10, 0});
  h.ingest.files.push_back(evil);
  std::string out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("\nSkipped files:\n  /evidence/evil\\e[31m.log: no known log format\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\nInputs that gave nothing to read:\n  /nonexistent/access.log: no such "
                     "file or folder\n\nFindings at level low and above:\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("combined"), std::string::npos);
  h.report.verbose = true;
  out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("/evidence/var/log/apache2/access.log     combined "), std::string::npos)
      << out;
  EXPECT_TRUE(terminal_safe(out));
  h.report.lang = "ja";
  EXPECT_NE(render_hunt(h.report, "text").find("\n読み込むものがなかった入力:\n"),
            std::string::npos);
}

TEST(FindingsText, AttackerRulesAsManyAsFitVerboseAll) {
  Hunt h;
  for (int i = 1; i <= 9; ++i) {
    detect::Finding f = Hunt::scanner();
    f.rule_id = "rule-" + std::to_string(i);
    f.title = "A rule title of some length number " + std::to_string(i);
    h.findings.push_back(f);
  }
  std::string out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("\n      rules: A rule title of some length number 1, A rule title of some "
                     "length number 2 (+7 more)\n"),
            std::string::npos)
      << out;
  h.report.verbose = true;
  out = render_hunt(h.report, "text");
  EXPECT_NE(out.find(", A rule title of some length number 9\n"), std::string::npos);
}

TEST(FindingsText, AMatchOnThePathIsNotRepeated) {
  Hunt h;
  detect::Finding f = Hunt::scanner();
  f.field = "url.path";
  f.value = f.path = "/.env";
  h.findings = {f};
  const std::string out = render_hunt(h.report, "text");
  EXPECT_NE(out.find("        GET /.env -> 404\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("url.path="), std::string::npos);
}

TEST(FindingsText, CitationOfAnUnknownFileStillShowsTheLine) {
  Hunt h;
  detect::Finding f = Hunt::scanner();
  f.cite = {7, 42, 0};
  h.findings = {f};
  EXPECT_NE(render_hunt(h.report, "text").find("  ?:42\n"), std::string::npos);
}

TEST(FindingsText, SameFindingsSameBytes) {
  Hunt a, b;
  a.add_sample_findings();
  b.add_sample_findings();
  for (const char* format : {"text", "json", "jsonl", "csv"})
    EXPECT_EQ(render_hunt(a.report, format), render_hunt(b.report, format)) << format;
}

}  // namespace
}  // namespace shodo::report

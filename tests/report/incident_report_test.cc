#include "report/incident_report.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "report/incident_report_internal.h"
#include "support/sample_investigation.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using investigate::Investigation;
using investigate::kNoTime;
using testing::kHostileScript;
using testing::kHostileStyle;
using testing::sample_investigation;

constexpr const char* kEscapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";
constexpr const char* kEscapedStyle = "&lt;/style&gt;&lt;b&gt;x&lt;/b&gt;";

std::string initial(const Investigation& inv, std::string_view format, std::string_view lang) {
  return render_incident_report(inv, ReportKind::initial, format, lang);
}
std::string disk(const Investigation& inv, std::string_view format, std::string_view lang) {
  return render_incident_report(inv, ReportKind::disk, format, lang);
}

// Every match of group 1 of `pattern`, in order.
std::vector<std::string> matches(const std::string& s, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

size_t count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

// Whether the parts occur in `s` in this order.
::testing::AssertionResult in_order(const std::string& s, const std::vector<std::string>& parts) {
  size_t at = 0;
  for (const auto& part : parts) {
    const size_t found = s.find(part, at);
    if (found == std::string::npos)
      return ::testing::AssertionFailure() << "\"" << part << "\" missing or out of order";
    at = found + part.size();
  }
  return ::testing::AssertionSuccess();
}

// Heading texts of one level, without markup: <hN ...>text</hN>, or "## text" after a
// Markdown anchor line or not.
std::string html_text(std::string s) {
  for (auto [entity, c] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
    s = std::regex_replace(s, std::regex(entity), c);
  return s;
}
std::string markdown_text(std::string s) {
  s = std::regex_replace(s, std::regex(R"(\\([[:punct:]]))"), "$1");
  return html_text(s);
}
std::vector<std::string> html_headings(const std::string& html, int level) {
  const std::string n = std::to_string(level);
  std::vector<std::string> out;
  for (auto& h : matches(html, "<h" + n + "(?: id=\"[^\"]*\")?>([^<]*)</h" + n + ">"))
    out.push_back(html_text(h));
  return out;
}
std::vector<std::string> markdown_headings(const std::string& md, int level) {
  std::vector<std::string> out;
  for (auto& h :
       matches(md, "(?:^|\n)" + std::string(static_cast<size_t>(level), '#') + " ([^\n]*)"))
    out.push_back(markdown_text(h));
  return out;
}

// The Markdown outside its fenced code blocks; `closed` says whether every fence closes.
std::string outside_fences(const std::string& md, bool& closed) {
  std::string out, fence;
  size_t start = 0;
  while (start < md.size()) {
    const size_t end = std::min(md.find('\n', start), md.size());
    const std::string line = md.substr(start, end - start);
    const bool backticks = line.size() >= 3 && line.find_first_not_of('`') == std::string::npos;
    if (fence.empty() && backticks)
      fence = line;
    else if (!fence.empty() && line == fence)
      fence.clear();
    else if (fence.empty())
      out += line + '\n';
    start = end + 1;
  }
  closed = fence.empty();
  return out;
}

TEST(IncidentReport, JapaneseInitialHtmlHasEverySectionInOrder) {
  const std::string html = initial(sample_investigation(), "html", "ja");
  EXPECT_TRUE(in_order(html, {"<html lang=\"ja\">",
                              "<h1>初動調査報告書</h1>",
                              "関係者限り",
                              "IR-2024-001",
                              "Example Shop K.K.",
                              "Sato, Suzuki",
                              "shodo 0.1.0",
                              "1. 概要と判定",
                              "判定: 侵害あり",
                              "確度: 高",
                              "判定の根拠",
                              "不足している証拠",
                              "2. 攻撃の経緯",
                              "偵察",
                              "初期侵入",
                              "永続化",
                              "持ち出し",
                              "影響",
                              "3. インシデント期間",
                              "最初の攻撃活動",
                              "侵害の時点",
                              "最後の攻撃活動",
                              "4. 攻撃元",
                              "攻撃元別の活動量",
                              "5. アクセス状況",
                              "6. 改ざん・不正設置ファイル",
                              "Web シェル",
                              "変更されたファイル",
                              "7. 現時点の被害状況",
                              "8. 情報漏えいの有無と範囲",
                              "漏えい経路",
                              "漏えい等した（おそれのある）個人データの項目",
                              "法令上の対応（個人情報保護法）",
                              "9. 暫定策",
                              "直ちに",
                              "本日中",
                              "10. 今後の対応",
                              "今週中",
                              "法令上の期限",
                              "11. 証拠一覧",
                              "読み込んだログ",
                              "12. 所見一覧",
                              "13. 制約事項"}));
  EXPECT_TRUE(in_order(html, {"T1595.002", "T1190", "T1505.003", "T1041", "T1491.001"}));
}

TEST(IncidentReport, EnglishInitialHtmlHasEverySectionInOrder) {
  const std::string html = initial(sample_investigation(), "html", "en");
  EXPECT_TRUE(in_order(html, {"<html lang=\"en\">",
                              "<h1>Initial investigation report</h1>",
                              "Confidential",
                              "1. Summary and verdict",
                              "Verdict: Compromised",
                              "confidence: high",
                              "2. What happened",
                              "Reconnaissance",
                              "Initial access",
                              "Persistence",
                              "Exfiltration",
                              "Impact",
                              "3. Incident window",
                              "4. Attackers",
                              "Attackers by activity",
                              "5. Web activity",
                              "6. Compromised files and webshells",
                              "7. Damage established so far",
                              "8. Leak assessment",
                              "Channels",
                              "Personal data concerned",
                              "What the law requires next (APPI)",
                              "9. Interim measures",
                              "Now",
                              "Today",
                              "10. Next steps and milestones",
                              "This week",
                              "Legal deadlines",
                              "11. Evidence",
                              "12. Findings",
                              "13. Limitations"}));
  EXPECT_EQ(html.find("侵害"), std::string::npos) << "Japanese words in the English report";
}

TEST(IncidentReport, VerdictValuesInBothLanguages) {
  const std::vector<std::tuple<std::string, std::string, std::string>> verdicts = {
      {"compromised", "侵害あり", "Compromised"},
      {"attacked-not-compromised", "攻撃を受けたが侵害の痕跡なし", "Attacked, not compromised"},
      {"no-evidence", "攻撃の痕跡なし", "No evidence of attack"},
      {"inconclusive", "判定不能", "Inconclusive"},
  };
  Investigation inv = sample_investigation();
  for (const auto& [value, ja, en] : verdicts) {
    inv.verdict.value = value;
    EXPECT_NE(initial(inv, "html", "ja").find("判定: " + ja), std::string::npos) << value;
    EXPECT_NE(initial(inv, "md", "en").find("Verdict: " + en), std::string::npos) << value;
    EXPECT_NE(render_investigation_summary(inv, "ja", {}).find("判定: " + ja), std::string::npos);
  }
}

TEST(IncidentReport, EveryFindingHasOneAnchorAndEveryLinkLandsOnOne) {
  const Investigation inv = sample_investigation();
  for (const char* lang : {"ja", "en"}) {
    const std::string html = initial(inv, "html", lang);
    const auto ids = matches(html, " id=\"([^\"]*)\"");
    const std::set<std::string> id_set(ids.begin(), ids.end());
    EXPECT_EQ(id_set.size(), ids.size()) << "duplicate ids";
    for (const auto& f : inv.findings) EXPECT_EQ(count(html, "id=\"" + f.id + "\""), 1u) << f.id;
    const auto hrefs = matches(html, " href=\"([^\"]*)\"");
    EXPECT_GT(hrefs.size(), inv.findings.size());
    for (const auto& href : hrefs) {
      ASSERT_EQ(href[0], '#') << href;
      EXPECT_TRUE(id_set.contains(href.substr(1))) << href;
    }
  }
}

TEST(IncidentReport, FindingIdsThatCannotBeAnchorsAreNeitherAnchorsNorLinks) {
  Investigation inv = sample_investigation();
  const std::string unsafe = "F5\" onmouseover=\"alert(1)";
  inv.findings[4].id = unsafe;
  inv.verdict.reason_findings[1] = {unsafe};
  inv.chain[4].finding_ids = {unsafe};
  const std::string html = initial(inv, "html", "en");
  EXPECT_EQ(html.find(unsafe), std::string::npos);
  EXPECT_EQ(html.find("=\"F5"), std::string::npos);
  EXPECT_EQ(html.find("=\"#F5"), std::string::npos);
  EXPECT_EQ(count(html, "F5&quot; onmouseover=&quot;alert(1)"), 1u) << "its own entry only";
  const std::string md = initial(inv, "md", "en");
  EXPECT_EQ(md.find("<a id=\"F5"), std::string::npos);
  EXPECT_EQ(md.find("(#F5"), std::string::npos);
  EXPECT_EQ(count(md, unsafe), 1u) << "its own entry only";
  // The chain step falls back to its citation.
  EXPECT_NE(initial(inv, "html", "en")
                .find("The home page was defaced. [<code>webroot.tar.gz:/var/www/html/index.php:1"),
            std::string::npos);
}

TEST(IncidentReport, StatementsLinkToTheirFindingsOrCiteTheLogLine) {
  const std::string ja = initial(sample_investigation(), "html", "ja");
  // A verdict reason, a chain step, a measure: each names its findings.
  EXPECT_NE(ja.find("Web シェルがアップロードされ使用された [<a href=\"#F0003\">F0003</a>, "
                    "<a href=\"#F0004\">F0004</a>]"),
            std::string::npos);
  EXPECT_NE(ja.find("203.0.113.45 が Nikto でサイトを探索した。 [<a href=\"#F0001\">F0001</a>]"),
            std::string::npos);
  EXPECT_NE(ja.find("DB と管理者のパスワードを変更 [<a href=\"#F0002\">F0002</a>]"),
            std::string::npos);
  // The download step and the last activity have no finding: the log line is cited.
  EXPECT_NE(ja.find("データベースのダンプがダウンロードされた。 "
                    "[<code>samples/incident/var/log/apache2/access.log:11100</code>]"),
            std::string::npos);
  EXPECT_NE(ja.find("<code>samples/incident/var/log/apache2/access.log:11300</code>"),
            std::string::npos);
  // A finding about a file cites the file in its view.
  EXPECT_NE(ja.find("webroot.tar.gz:/var/www/html/uploads/img/cache.php:3"), std::string::npos);
}

TEST(IncidentReport, HtmlIsOneSelfContainedFile) {
  const std::string html = initial(sample_investigation(), "html", "en");
  EXPECT_TRUE(in_order(
      html, {"<!DOCTYPE html>", "<head>", "<meta charset=\"utf-8\">",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
             "'none'; style-src 'unsafe-inline'; img-src data:\">",
             "<style>", "@media print", "</style>", "</head>", "<body>", "</body>", "</html>"}));
  for (const char* fetching : {"<script", "<link", "<img", "src=", "url(", "@import", "<iframe"})
    EXPECT_EQ(html.find(fetching), std::string::npos) << fetching;
}

TEST(IncidentReport, TimesInTheCaseDisplayZone) {
  Investigation inv = sample_investigation();
  // Recon started 2024-03-09T16:12:03Z.
  EXPECT_NE(initial(inv, "html", "en").find("2024-03-10 01:12:03 +09:00"), std::string::npos);
  inv.case_info.time_zone = "UTC";
  EXPECT_NE(initial(inv, "md", "en").find("2024-03-09 16:12:03 +00:00"), std::string::npos);
  inv.case_info.time_zone = "-05:30";
  EXPECT_NE(initial(inv, "html", "ja").find("2024-03-09 10:42:03 -05:30"), std::string::npos);

  // New York's offset changes at 2024-03-10T07:00Z; each time gets its own.
  const incident::DisplayZone new_york("America/New_York");
  constexpr investigate::TimeUs kS = 1'000'000;
  EXPECT_EQ(new_york.format(1710054000 * kS - 1), "2024-03-10 01:59:59 -05:00");
  EXPECT_EQ(new_york.format(1710054000 * kS), "2024-03-10 03:00:00 -04:00");
  // An unknown zone falls back to UTC, and the report says which zone it used.
  const incident::DisplayZone unknown("Mars/Olympus");
  EXPECT_EQ(unknown.name(), "UTC");
  EXPECT_EQ(unknown.format(1710000723 * kS), "2024-03-09 16:12:03 +00:00");
  inv.case_info.time_zone = "Mars/Olympus";
  EXPECT_TRUE(in_order(
      initial(inv, "md", "en"),
      {"UTC, as the case's zone \"Mars/Olympus\" is not known", "2024-03-09 16:12:03 +00:00"}));

  inv.window.compromise = {};
  EXPECT_NE(initial(inv, "html", "ja")
                .find("<td>侵害の時点</td><td>不明</td><td>特定されていません</td>"),
            std::string::npos);
  EXPECT_NE(
      initial(inv, "html", "en").find("<td>Compromise</td><td>—</td><td>Not established</td>"),
      std::string::npos);
}

// The deadlines come from the leak assessment's APPI decision (the 5th and
// the 60th day, the knowledge date counted as day 1: category 3 applies).
TEST(IncidentReport, LegalMilestonesFromTheLeakAssessment) {
  Investigation inv = sample_investigation();
  ASSERT_EQ(inv.case_info.knowledge_date, "2024-03-11");
  EXPECT_TRUE(in_order(initial(inv, "html", "ja"),
                       {"法令上の期限", "個人情報保護委員会への速報", "2024-03-15",
                        "個人情報保護委員会への確報", "2024-05-09"}));
  EXPECT_TRUE(in_order(initial(inv, "md", "en"), {"Legal deadlines", "PPC preliminary report",
                                                  "2024-03-15", "PPC final report", "2024-05-09"}));
  obligations::Facts facts;
  facts.leak_verdict = "confirmed";
  facts.card_data = facts.unauthorized_access = true;
  facts.persons_min = facts.persons_max = 250;
  facts.knowledge_date = "2024-12-30";  // across the year and February
  inv.leak.appi = obligations::assess(facts);
  EXPECT_TRUE(
      in_order(initial(inv, "html", "en"), {"Legal deadlines", "2025-01-03", "2025-02-27"}));

  facts.knowledge_date = "";
  inv.leak.appi = obligations::assess(facts);
  EXPECT_TRUE(
      in_order(initial(inv, "html", "ja"),
               {"法令上の期限", "知った日）が設定されていないため、期限は算出していません"}));
  facts.card_data = facts.unauthorized_access = false;
  facts.leak_verdict = "not-supported";
  inv.leak.appi = obligations::assess(facts);
  const std::string en = initial(inv, "html", "en");
  EXPECT_EQ(en.find("PPC preliminary report"), std::string::npos);
  EXPECT_TRUE(in_order(en, {"Legal deadlines", "Not reportable on this evidence"}));
}

TEST(IncidentReport, MarkdownMirrorsTheHtmlSections) {
  const Investigation inv = sample_investigation();
  for (const char* lang : {"ja", "en"}) {
    for (auto kind : {ReportKind::initial, ReportKind::disk}) {
      const std::string html = render_incident_report(inv, kind, "html", lang);
      const std::string md = render_incident_report(inv, kind, "md", lang);
      for (int level = 1; level <= 4; ++level) {
        EXPECT_FALSE(html_headings(html, level).empty() && level <= 2) << lang << level;
        EXPECT_EQ(html_headings(html, level), markdown_headings(md, level)) << lang << level;
      }
    }
  }
  const std::string md = initial(inv, "md", "ja");
  EXPECT_TRUE(in_order(md, {"# 初動調査報告書", "## 1. 概要と判定", "> **判定: 侵害あり**",
                            "## 9. 暫定策", "### 直ちに", "- 203.0.113.77 と 203.0.113.45"}));
}

TEST(IncidentReport, MarkdownLinksLandOnExplicitAnchors) {
  const Investigation inv = sample_investigation();
  const std::string md = initial(inv, "md", "en");
  for (const auto& f : inv.findings)
    EXPECT_TRUE(in_order(md, {"<a id=\"" + f.id + "\"></a>\n\n### " + f.id}));
  const auto targets = matches(md, R"(\]\(#([^)]*)\))");
  EXPECT_GT(targets.size(), inv.findings.size());
  for (const auto& id : targets) EXPECT_NE(md.find("<a id=\"" + id + "\"></a>"), std::string::npos);
  EXPECT_NE(md.find("[F0003](#F0003), [F0004](#F0004)"), std::string::npos);
}

TEST(IncidentReport, HostileTextIsInertInHtml) {
  Investigation inv = sample_investigation(true);
  inv.attackers[0].ip = kHostileScript;  // chart labels (SVG text) too
  for (const char* lang : {"ja", "en"}) {
    for (const std::string& html : {initial(inv, "html", lang), disk(inv, "html", lang)}) {
      EXPECT_EQ(html.find(kHostileScript), std::string::npos);
      EXPECT_EQ(html.find(kHostileStyle), std::string::npos);
      EXPECT_EQ(html.find("</style><b>"), std::string::npos);
      EXPECT_EQ(html.find("<b>"), std::string::npos);
      EXPECT_EQ(count(html, "</style>"), 1u);
      EXPECT_EQ(html.find('\x1b'), std::string::npos);
      EXPECT_EQ(html.find('\xff'), std::string::npos);
      EXPECT_NE(html.find(kEscapedStyle), std::string::npos);
    }
  }
  const std::string html = initial(inv, "html", "en");
  EXPECT_NE(html.find(kEscapedScript), std::string::npos);
  // Control characters and invalid bytes are shown, not dropped.
  EXPECT_NE(html.find("\\e[31m\\xff"), std::string::npos);
  EXPECT_TRUE(in_order(html, {"<svg", std::string(">") + kEscapedScript + "</text>", "</svg>"}));
}

TEST(IncidentReport, HostileTextIsInertInMarkdown) {
  const Investigation inv = sample_investigation(true);
  for (const char* lang : {"ja", "en"}) {
    for (const std::string& md : {initial(inv, "md", lang), disk(inv, "md", lang)}) {
      EXPECT_EQ(md.find('\x1b'), std::string::npos);
      EXPECT_EQ(md.find('\xff'), std::string::npos);
      bool closed = false;
      const std::string prose = outside_fences(md, closed);
      EXPECT_TRUE(closed);
      // Outside code blocks no markup survives; inside them CommonMark shows text as is.
      EXPECT_EQ(prose.find("<script"), std::string::npos);
      EXPECT_EQ(prose.find("<b>"), std::string::npos);
      EXPECT_NE(prose.find(kEscapedStyle), std::string::npos);
    }
  }
  const std::string md = initial(inv, "md", "en");
  bool closed = false;
  EXPECT_NE(outside_fences(md, closed).find(kEscapedScript), std::string::npos);
  EXPECT_TRUE(in_order(md, {"```\nsystem($_POST['c']);", kHostileScript, "\\e[31m\\xff\n```"}));
}

TEST(IncidentReport, MarkdownTableCellsAndFencesHoldAnyText) {
  Investigation inv = sample_investigation();
  inv.attackers[0].role.en = "a|b\nc *d* [e](javascript:x) ``";
  inv.findings[0].excerpt = "```` four\n`````";  // a five-backtick run
  const std::string md = initial(inv, "md", "en");
  const auto rows = matches(md, "\n(\\| `?203\\.0\\.113\\.77[^\n]*)");
  ASSERT_EQ(rows.size(), 1u);
  const auto header = matches(md, "\n(\\| IP address [^\n]*)");
  ASSERT_EQ(header.size(), 1u);
  const auto unescaped_pipes = [](const std::string& row) {
    return count(row, "|") - count(row, "\\|");
  };
  EXPECT_EQ(unescaped_pipes(rows[0]), unescaped_pipes(header[0]));
  EXPECT_NE(rows[0].find("a\\|b\\\\nc \\*d\\* \\[e\\](javascript:x) \\`\\`"), std::string::npos);
  EXPECT_NE(md.find("\n``````\n```` four\n`````\n``````\n"), std::string::npos);
  // A leading list marker stays text.
  inv.measures[0].text.en = "1. not a list";
  EXPECT_NE(initial(inv, "md", "en").find("- 1\\. not a list"), std::string::npos);
}

TEST(IncidentReport, ChartsShowAttackersAndHourlyActivity) {
  const Investigation inv = sample_investigation();
  const std::string html = initial(inv, "html", "ja");
  EXPECT_EQ(count(html, "<svg "), 2u);
  EXPECT_TRUE(in_order(html, {"攻撃元別の活動量", "<svg", ">203.0.113.77</text>",
                              ">203.0.113.45</text>", ">198.51.100.23</text>", "</svg>"}));
  // The hourly chart: both series, a bar per hour with a tooltip, axis labels on
  // round local hours and the zone.
  EXPECT_TRUE(in_order(html, {"1 時間ごとの Web リクエスト数", "<svg", "攻撃元からのリクエスト",
                              "その他のリクエスト", ">03-10 00:00</text>",
                              "時刻（Asia/Tokyo、UTC+09:00）", "</svg>"}));
  EXPECT_EQ(count(html, "<g><title>2024-"), inv.hourly.size());
  EXPECT_NE(html.find("fill=\"#c62828\""), std::string::npos);
  EXPECT_NE(html.find("fill=\"#a9b3bd\""), std::string::npos);

  const std::string md = initial(inv, "md", "en");
  EXPECT_TRUE(in_order(md, {"**Attackers by activity**", "```", "█ Web requests", "203.0.113.45",
                            "█", "420 / 0", "```"}));
  EXPECT_TRUE(in_order(md, {"**Web requests per hour**", "```", "2024-03-08 09:00", "```"}));

  // Columns start where the logs' hours start, in zones with a half-hour offset too.
  Investigation kolkata = inv;
  kolkata.case_info.time_zone = "Asia/Kolkata";
  EXPECT_TRUE(in_order(initial(kolkata, "md", "en"), {"```", "2024-03-08 05:30  ", "```"}));
  // A month of hours is drawn in columns of three.
  Investigation month = inv;
  month.hourly.clear();
  for (int h = 0; h < 30 * 24; ++h)
    month.hourly.push_back({inv.hourly[0].hour + h * investigate::TimeUs{3'600'000'000}, 10, 0});
  const std::string month_html = initial(month, "html", "en");
  EXPECT_NE(month_html.find("Web requests per 3 hours"), std::string::npos);
  EXPECT_EQ(count(month_html, "<g><title>2024-"), 30u * 24 / 3);

  Investigation quiet = inv;
  quiet.hourly.clear();
  EXPECT_NE(initial(quiet, "html", "en").find("No web access log was read"), std::string::npos);
}

TEST(IncidentReport, DamageComesFromTheChainAndTheChangedFiles) {
  const Investigation inv = sample_investigation();
  EXPECT_TRUE(in_order(
      initial(inv, "html", "ja"),
      {"7. 現時点の被害状況", "情報漏えいのおそれ", "データベースのダンプがダウンロードされた。",
       ".b.sql", "Web シェル経由で作成された DB ダンプ", "Web サイトの改ざん",
       "/var/www/html/index.php", "不正なファイルの設置", "/var/www/html/uploads/img/cache.php",
       "8. 情報漏えいの有無と範囲"}));
  Investigation benign = inv;
  benign.chain.clear();
  benign.webshells.clear();
  benign.changed_files.resize(1);
  benign.changed_files[0].assessment = "benign";
  const std::string en = initial(benign, "html", "en");
  EXPECT_EQ(count(en, "Not established."), 3u);
}

TEST(IncidentReport, EmptyInvestigationRendersEverySection) {
  const Investigation empty;
  for (const char* lang : {"ja", "en"}) {
    const std::string html = initial(empty, "html", lang);
    const std::string md = initial(empty, "md", lang);
    EXPECT_EQ(html_headings(html, 2).size(), 13u) << lang;
    EXPECT_EQ(html_headings(html, 2), markdown_headings(md, 2)) << lang;
    EXPECT_EQ(html.find("href="), std::string::npos);
  }
  EXPECT_NE(initial(empty, "html", "ja").find("判定: 判定不能"), std::string::npos);
}

TEST(IncidentReport, ManyEvidenceItemsListTheFirstOnesAndEveryMismatch) {
  Investigation inv = sample_investigation();
  inv.evidence.clear();
  for (int i = 1; i <= 60; ++i)
    inv.evidence.push_back({i, "/evidence/www/f" + std::to_string(i) + ".php", "file", "webroot",
                            100, std::string(64, 'a'), std::string(40, 'b'), std::string(32, 'c'),
                            std::string(64, 'a'), true});
  inv.evidence[54].unchanged = false;
  inv.evidence[54].sha256_after = std::string(64, 'd');
  const std::string html = initial(inv, "html", "en");
  EXPECT_NE(html.find("/evidence/www/f50.php"), std::string::npos);
  EXPECT_EQ(html.find("/evidence/www/f51.php"), std::string::npos);
  EXPECT_NE(html.find("/evidence/www/f55.php"), std::string::npos) << "a mismatch is always listed";
  EXPECT_NE(html.find("9 further items (900 bytes)"), std::string::npos);
  EXPECT_NE(html.find("DOES NOT MATCH"), std::string::npos);
  EXPECT_NE(initial(inv, "md", "ja").find("ほか 9 件（900 バイト）"), std::string::npos);
}

TEST(IncidentReport, DiskReportWithoutImagesSaysNoneWasExamined) {
  const Investigation inv = sample_investigation();
  ASSERT_TRUE(inv.images.empty());
  const std::string ja = disk(inv, "html", "ja");
  EXPECT_TRUE(in_order(
      ja,
      {"<h1>ハードディスク調査結果報告書</h1>", "関係者限り", "1. 調査対象のディスクイメージ",
       "本調査ではディスクイメージを調査していません。", "2. イメージのハッシュ値",
       "3. システム調査の所見", "所見はありません。", "4. タイムライン（抜粋）", "5. 制約事項"}));
  EXPECT_NE(disk(inv, "md", "en").find("No disk image was examined"), std::string::npos);
}

TEST(IncidentReport, DiskReportShowsImagesHashesTriageAndTimeline) {
  Investigation inv = sample_investigation();
  investigate::DiskImageRecord image;
  image.source = "/evidence/web01.E01";
  image.format = "e01";
  image.media_size = 21474836480;
  image.partition_table = "gpt";
  image.file_systems = {{"partition 1 (ext4, 512 MiB at sector 2048)", "ext4", 48213, ""},
                        {"partition 2 (xfs)", "xfs", 0, "unsupported file system"}};
  inv.images = {image};
  inv.evidence.push_back({3, "/evidence/web01.E01", "e01", "disk-image", 9876543210,
                          std::string(64, 'a'), std::string(40, 'b'), std::string(32, 'c'),
                          std::string(64, 'a'), true});
  investigate::FindingRecord cron = inv.findings[0];
  cron.id = "F0007";
  cron.origin = "triage";
  cron.title = {"Cron job fetching a script", "スクリプトを取得する cron ジョブ"};
  cron.source = {"web01.E01:/etc/cron.d/update", 2, 0, 131077};
  inv.findings.push_back(cron);

  const std::string html = disk(inv, "html", "en");
  EXPECT_TRUE(
      in_order(html, {"Disk images examined", "/evidence/web01.E01", "21,474,836,480 bytes", "gpt",
                      "ext4", "48,213", "Not read: unsupported file system", "Image hashes",
                      "Matches the acquisition hash", std::string(64, 'a'), std::string(40, 'b'),
                      "System triage findings", "id=\"F0007\"", "Cron job fetching a script",
                      "web01.E01:/etc/cron.d/update:2 (inode 131077)", "Timeline excerpt",
                      "Content Modification Time"}));
  // Only triage findings have entries here; other rows cite their log line instead.
  EXPECT_EQ(html.find("href=\"#F0001\""), std::string::npos);
  EXPECT_NE(html.find("<code>samples/incident/var/log/apache2/access.log:10412</code>"),
            std::string::npos);
  EXPECT_EQ(html.find("samples/incident/webroot.tar.gz"), std::string::npos)
      << "the webroot archive is not a disk image";
}

// Every byte valid UTF-8 and no control character but newline.
bool terminal_safe(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = util::utf8_sequence_length(s, i);
    if (n == 0) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1 && ((c < 0x20 && c != '\n') || c == 0x7f)) return false;
    i += n;
  }
  return true;
}

TEST(IncidentReportSummary, VerdictWindowAttackersFilesAndOutputs) {
  const Investigation inv = sample_investigation();
  const std::vector<std::pair<std::string, std::string>> outputs = {
      {"初動調査報告書 (HTML)", "/cases/IR-2024-001/report/initial.ja.html"},
      {"findings.json", "/cases/IR-2024-001/findings.json"}};
  const std::string ja = render_investigation_summary(inv, "ja", outputs);
  EXPECT_TRUE(in_order(ja, {"案件 IR-2024-001",
                            "判定: 侵害あり（確度: 高）",
                            "Web シェルがアップロードされ使用された",
                            "期間: 2024-03-10 01:12:03 +09:00 〜 2024-03-10 02:01:04 +09:00",
                            "侵害の時点: 2024-03-10 01:49:17 +09:00",
                            "攻撃元: 3 件",
                            "203.0.113.77",
                            "成功",
                            "Web シェルの操作者",
                            "203.0.113.45",
                            "Web シェル: 1 件",
                            "/var/www/html/uploads/img/cache.php",
                            "203.0.113.77 が 2024-03-10 01:49:17 +09:00 に設置、使用 9 回",
                            "変更されたファイル: 4 件（追加 3、変更 1）",
                            "変更",
                            "/var/www/html/index.php",
                            "改ざん",
                            "出力先:",
                            "  初動調査報告書 (HTML): /cases/IR-2024-001/report/initial.ja.html",
                            "  findings.json: /cases/IR-2024-001/findings.json"}));
  const std::string en = render_investigation_summary(inv, "en", outputs);
  EXPECT_TRUE(in_order(
      en, {"Verdict: Compromised (confidence: high)", "Window: ", "Attackers: 3", "Webshells: 1",
           "uploaded by 203.0.113.77", "Changed files: 4 (Added 3, Modified 1)", "Written:"}));
}

TEST(IncidentReportSummary, ListsTheFirstFewAndCountsTheRest) {
  Investigation inv = sample_investigation();
  inv.attackers.resize(8, inv.attackers[2]);  // 198.51.100.23 third, then five copies
  EXPECT_EQ(count(render_investigation_summary(inv, "en", {}), "198.51.100.23"), 3u);
  EXPECT_NE(render_investigation_summary(inv, "ja", {}).find("…ほか 3 件"), std::string::npos);
}

TEST(IncidentReportSummary, HostileTextIsEscapedForTheTerminal) {
  Investigation inv = sample_investigation(true);
  inv.webshells[0].path += "\x1b]0;owned\x07\xff";
  inv.attackers[0].role.en = "\x1b[2J";
  const std::string en =
      render_investigation_summary(inv, "en", {{"report", "/tmp/\x1b[31mx.html"}});
  EXPECT_TRUE(terminal_safe(en));
  EXPECT_NE(en.find("\\e]0;owned\\x07\\xff"), std::string::npos);
  EXPECT_NE(en.find("/tmp/\\e[31mx.html"), std::string::npos);
}

}  // namespace
}  // namespace shodo::report

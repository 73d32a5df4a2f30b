// The HTML reports opened in a real browser (headless Chromium): they load
// offline without a console message, the Content-Security-Policy refuses
// nothing we wrote, and attacker-written markup ends up as text in the DOM.
#include <gtest/gtest.h>

#include <string>

#include "report/incident_report.h"
#include "support/chromium.h"
#include "support/sample_investigation.h"
#include "support/temp_dir.h"

namespace shodo::report {
namespace {

void check_in_browser(std::string_view lang, const std::vector<std::string>& expected_text) {
  if (!testing::chromium_available())
    GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs it)";
  investigate::Investigation inv = testing::sample_investigation(true);
  inv.attackers[0].ip = testing::kHostileScript;  // into the SVG chart's labels as well
  const testing::TempDir dir;
  const testing::BrowserPage page = testing::open_in_chromium(
      dir, render_incident_report(inv, ReportKind::initial, "html", lang));

  ASSERT_EQ(page.status, 0) << page.log;
  EXPECT_EQ(testing::console_lines(page.log), "");
  for (const auto& text : expected_text) EXPECT_NE(page.dom.find(text), std::string::npos) << text;
  // Every finding's anchor and both charts were parsed as such.
  for (const auto& f : inv.findings)
    EXPECT_NE(page.dom.find("id=\"" + f.id + "\""), std::string::npos) << f.id;
  EXPECT_NE(page.dom.find("<svg"), page.dom.rfind("<svg"));
  // The planted markup is text: no element came of it.
  EXPECT_EQ(page.dom.find("<script"), std::string::npos);
  EXPECT_EQ(page.dom.find("<b>"), std::string::npos);
  EXPECT_NE(page.dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.dom.find("&lt;/style&gt;&lt;b&gt;x&lt;/b&gt;"), std::string::npos);
}

TEST(IncidentReportBrowser, JapaneseReportLoadsCleanlyWithHostileTextInert) {
  check_in_browser("ja", {"<html lang=\"ja\">", "初動調査報告書", "概要と判定", "判定: 侵害あり",
                          "攻撃の経緯", "暫定策", "所見一覧"});
}

TEST(IncidentReportBrowser, EnglishReportLoadsCleanlyWithHostileTextInert) {
  check_in_browser("en",
                   {"<html lang=\"en\">", "Initial investigation report", "Summary and verdict",
                    "Verdict: Compromised", "What happened", "Interim measures", "Findings"});
}

}  // namespace
}  // namespace shodo::report

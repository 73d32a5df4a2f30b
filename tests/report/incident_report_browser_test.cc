// The HTML reports opened in a real browser (headless Chromium): they load
// offline without a console message, the Content-Security-Policy refuses
// nothing we wrote, and attacker-written markup ends up as text in the DOM.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "report/incident_report.h"
#include "support/sample_investigation.h"
#include "support/temp_dir.h"

namespace shodo::report {
namespace {

struct Page {
  int status = -1;
  std::string dom;  // the document after parsing, as serialized by the browser
  std::string log;  // the browser's stderr, console messages included
};

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Opens the HTML file in headless Chromium with its own profile.
Page open_in_chromium(const testing::TempDir& dir, const std::string& html) {
  const std::string page = dir.write("report.html", html);
  const auto dom = dir.path() / "dom.html", log = dir.path() / "browser.log";
  Page p;
  p.status = testing::run_shell(
      "timeout 60 chromium --headless=new --no-sandbox --disable-gpu --user-data-dir='" +
      (dir.path() / "profile").string() + "' --dump-dom --enable-logging=stderr --v=0 'file://" +
      page + "' >'" + dom.string() + "' 2>'" + log.string() + "'");
  p.dom = read(dom);
  p.log = read(log);
  return p;
}

// The console lines of the browser log (Chromium logs every console message,
// any level, as "...:CONSOLE(...)" or "...:CONSOLE:..."), and CSP refusals.
std::string console_lines(const std::string& log) {
  std::string out, line;
  std::istringstream in(log);
  while (std::getline(in, line))
    if (line.find("CONSOLE") != std::string::npos ||
        line.find("Content Security Policy") != std::string::npos ||
        line.find("Refused") != std::string::npos)
      out += line + '\n';
  return out;
}

void check_in_browser(std::string_view lang, const std::vector<std::string>& expected_text) {
  if (testing::run_shell("command -v chromium >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs it)";
  investigate::Investigation inv = testing::sample_investigation(true);
  inv.attackers[0].ip = testing::kHostileScript;  // into the SVG chart's labels as well
  const testing::TempDir dir;
  const Page page =
      open_in_chromium(dir, render_incident_report(inv, ReportKind::initial, "html", lang));

  ASSERT_EQ(page.status, 0) << page.log;
  EXPECT_EQ(console_lines(page.log), "");
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

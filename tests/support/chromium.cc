#include "support/chromium.h"

#include <fstream>
#include <sstream>

namespace shodo::testing {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

bool chromium_available() {
  return run_shell("command -v chromium >/dev/null 2>&1") == 0;
}

BrowserPage open_in_chromium(const TempDir& dir, const std::string& html) {
  const std::string page = dir.write("report.html", html);
  const auto dom = dir.path() / "dom.html", log = dir.path() / "browser.log";
  BrowserPage p;
  p.status = run_shell(
      "timeout 60 chromium --headless=new --no-sandbox --disable-gpu --user-data-dir='" +
      (dir.path() / "profile").string() + "' --dump-dom --enable-logging=stderr --v=0 'file://" +
      page + "' >'" + dom.string() + "' 2>'" + log.string() + "'");
  p.dom = read(dom);
  p.log = read(log);
  return p;
}

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

}  // namespace shodo::testing

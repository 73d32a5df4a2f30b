#include "investigate/changes.h"

#include <algorithm>

#include "investigate/correlate_steps.h"

namespace shodo::investigate {
namespace {

bool ends_with_any(const std::string& name, std::initializer_list<const char*> exts) {
  for (const char* e : exts)
    if (name.ends_with(e)) return true;
  return false;
}

bool is_code(const std::string& name) {
  return ends_with_any(name, {".php", ".phtml", ".php5", ".php7", ".phar", ".inc", ".asp", ".aspx",
                              ".jsp", ".jspx", ".cgi", ".pl", ".py", ".sh", ".js", ".htaccess"});
}

bool is_data_dump(const std::string& name) {
  return ends_with_any(name, {".sql", ".sql.gz", ".sql.zip", ".dump", ".bak", ".csv", ".tar",
                              ".tar.gz", ".tgz", ".zip", ".7z", ".mdb", ".sqlite", ".db"});
}

bool is_index_page(const std::string& name) {
  for (const char* n : {"/index.php", "/index.html", "/index.htm", "/default.aspx", "/home.php"})
    if (name.ends_with(n)) return true;
  return false;
}

// Words defacers sign their work with; checked on the page's new text only.
bool reads_like_defacement(const std::string& text) {
  const std::string t = lower(text);
  for (const char* w : {"hacked by", "defaced by", "owned by", "pwned by", "hacked!", "greetz",
                        "was here", "your security", "h4ck3d", "<title>hacked"})
    if (t.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

std::vector<const FileFindingIn*> findings_for(const std::vector<FileFindingIn>& all,
                                               const std::string& path) {
  std::vector<const FileFindingIn*> out;
  for (const FileFindingIn& f : all)
    if (f.finding.file.path == path) out.push_back(&f);
  return out;
}

bool is_webshell_finding(const detect::FileFinding& f) {
  if (f.level < detect::Level::high) return false;
  if (std::count(f.techniques.begin(), f.techniques.end(), "T1505.003")) return true;
  return lower(f.rule_id).find("webshell") != std::string::npos;
}

std::string url_under(const std::string& docroot, const std::string& path) {
  if (docroot == "/") return path;
  if (!path.starts_with(docroot + "/")) return "";
  return path.substr(docroot.size());
}

ChangeAssessment assess_change(const ChangeIn& c,
                               const std::vector<const FileFindingIn*>& flagged) {
  using Kind = files::Change::Kind;
  const files::ManifestEntry& e = c.change.kind == Kind::removed ? c.change.before : c.change.after;
  const std::string name = lower(e.path);
  ChangeAssessment a;
  bool webshell = false;
  detect::Level top = detect::Level::informational;
  for (const FileFindingIn* f : flagged) {
    webshell = webshell || is_webshell_finding(f->finding);
    top = std::max(top, f->finding.level);
  }
  if (c.change.kind == Kind::removed) {
    a = {"unknown",
         Level::low,
         {"File removed since the release", "リリース時から削除されたファイル"},
         {"Present in the known-good release, missing now", "既知の正常版にあり、現在は存在しない"},
         {}};
  } else if (webshell) {
    a = {"webshell",
         Level::critical,
         {"Webshell placed in the site", "サイト内に設置された Web シェル"},
         {"Not part of the release; the webroot scan found webshell code in it",
          "リリースに含まれず、Web シェルのコードが検出された"},
         {"T1505.003"}};
  } else if (c.change.kind == Kind::added && is_data_dump(name)) {
    a = {"data-dump",
         Level::high,
         {"Data archive or dump left in the site", "サイト内に置かれたデータのダンプ・アーカイブ"},
         {"A database dump or archive in a folder served to the web: anyone who knows its URL can "
          "download it",
          "Web から参照可能なフォルダにある DB ダンプ・アーカイブ（URL "
          "を知る者は誰でも取得できる）"},
         {"T1074.001"}};
  } else if (c.change.kind == Kind::changed &&
             (reads_like_defacement(c.content) ||
              (is_index_page(name) && top >= detect::Level::medium))) {
    a = {"defacement",
         Level::high,
         {"Page defaced", "ページの改ざん（デフェイス）"},
         {"The page differs from the release and carries a defacer's message",
          "リリース版と異なり、改ざん者のメッセージが書かれている"},
         {"T1491.001"}};
  } else if (top >= detect::Level::medium) {
    a = {c.change.kind == Kind::changed ? "injected-code" : "suspicious",
         Level::high,
         {"Changed file with suspicious content", "不審な内容を含む変更ファイル"},
         {"Differs from the release and the webroot scan flagged it",
          "リリース版と異なり、スキャンで検知された"},
         {}};
  } else if (c.change.kind == Kind::changed) {
    a = {
        "unknown",
        is_code(name) ? Level::medium : Level::low,
        {"File differs from the release", "リリース版と内容が異なるファイル"},
        {"Modified after the release: review the diff", "リリース後に変更されている（差分を確認）"},
        {}};
  } else {
    a = {"unknown",
         is_code(name) ? Level::medium : Level::informational,
         {"File added since the release", "リリース後に追加されたファイル"},
         {is_code(name) ? "Code added after the release: review it" : "Not part of the release",
          is_code(name) ? "リリース後に追加されたコード（内容を確認）"
                        : "リリースに含まれないファイル"},
         {}};
  }
  return a;
}

}  // namespace shodo::investigate

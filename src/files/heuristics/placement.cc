// Where a file sits and how it is named: scripts in upload folders, double
// extensions that fool upload filters, hidden scripts, symlinks planted to
// read other accounts' or the system's files.
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/signal_util.h"

namespace shodo::files {
namespace {

// Folder names of the path as stored, without the file name.
std::vector<std::string> folders(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 1;
  for (size_t slash = path.find('/', start); slash != std::string_view::npos;
       slash = path.find('/', start)) {
    out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

constexpr size_t npos = std::string_view::npos;
const std::vector<std::string> kTechniques = {"T1505.003", "T1036"};

}  // namespace

void check_placement(const FileContext& c, std::vector<Signal>& out) {
  const std::string name = lower(c.info.name());
  if (c.info.type == fsview::FileType::symlink) {
    static const Pattern system_target(
        R"(^/(?:etc/(?:passwd|shadow|group|sudoers)|root(?:/|$)|proc/|home/)|^/$)");
    if (system_target.find(c.info.link_target).data())
      add_signal(out, "symlink_outside", 50, "Symlink to system or other users' files",
                 "システムや他ユーザのファイルへのシンボリックリンク",
                 "symlink in the web tree points to " + c.info.link_target,
                 "Web 配下のシンボリックリンクの参照先: " + c.info.link_target, npos,
                 {"T1083", "T1505.003"});
    return;
  }
  const bool script = is_script_extension(name);
  static const Pattern double_ext(
      R"(\.(?:php\d?|phtml|pht|phar|asp|aspx|jsp|cgi)\.(?:jpe?g|gif|png|bmp|ico|webp|txt|pdf|zip|rar|docx?|xlsx?|csv)$|\.(?:jpe?g|gif|png|bmp|ico|webp|txt|pdf)\.(?:php\d?|phtml|pht|phar|asp|aspx|jsp)$|\.(?:php\d?|phtml|asp|aspx|jsp)[. ]+$)");
  std::string_view d = double_ext.find(name);
  // script.php.jpg runs as PHP on servers that honour any extension; a
  // script named image.jpg.php is ordinary in some libraries (getID3).
  const bool posing = d.data() && !is_script_extension(name);
  if (d.data())
    add_signal(out, "double_extension", posing ? 45 : 15,
               "Double extension (script posing as a document)",
               "二重拡張子（文書を装ったスクリプト）",
               "the name ends in " + std::string(d) +
                   ", which upload filters and servers read differently",
               "ファイル名の末尾 " + std::string(d) + " はアップロード制限とサーバで解釈が異なる",
               npos, kTechniques);
  if (!script) return;
  std::vector<std::string> dirs = folders(c.info.path);
  for (const std::string& dir : dirs) {
    // Lower case as CMSs name them: "Upload" is a class namespace (PSR-4).
    if (dir == "uploads" || dir == "upload" || dir == "user_uploads") {
      // A folder of code named "upload" (an upload handler's classes) is not
      // where users' files land.
      const bool code_folder =
          c.folder && c.folder->files >= 5 && c.folder->scripts * 2 > c.folder->files;
      add_signal(
          out, "script_in_uploads", code_folder ? 10 : 45, "Script in an upload folder",
          "アップロードフォルダ内のスクリプト",
          "a server-side script in the upload folder \"" + dir +
              "\", where only user content belongs",
          "ユーザのコンテンツ用のアップロードフォルダ「" + dir + "」にサーバ側スクリプトがある",
          npos, kTechniques);
      break;
    }
    if (dir.size() > 1 && dir[0] == '.' && dir != ".well-known") {
      add_signal(out, "script_in_hidden_folder", 20, "Script in a hidden folder",
                 "隠しフォルダ内のスクリプト",
                 "a server-side script inside the hidden folder " + dir,
                 "隠しフォルダ " + dir + " にサーバ側スクリプトがある", npos, kTechniques);
      break;
    }
  }
  if (name.size() > 1 && name[0] == '.')
    add_signal(out, "hidden_script", 30, "Hidden script", "隠しファイルのスクリプト",
               "the script's name starts with a dot, hiding it from listings",
               "ファイル名がドットで始まり一覧から隠れるスクリプト", npos, kTechniques);
}

}  // namespace shodo::files

// Code inside images: a GIF/JPEG/PNG that carries PHP runs as PHP once an
// include or an .htaccess handler points at it, and passes upload filters
// that only look at the magic bytes.
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/signal_util.h"

namespace shodo::files {
namespace {

bool has_image_magic(std::string_view d) {
  return d.starts_with("GIF87a") || d.starts_with("GIF89a") || d.starts_with("\xFF\xD8\xFF") ||
         d.starts_with("\x89PNG\r\n\x1a\n") ||
         (d.starts_with("RIFF") && d.size() >= 12 && d.substr(8, 4) == "WEBP");
}

}  // namespace

void check_polyglot(const FileContext& c, std::vector<Signal>& out) {
  const bool magic = has_image_magic(c.data);
  if (!magic && c.lang != Language::image) return;
  // Short open tags and ASP/JSP markers are too likely in random image bytes;
  // "<?php" and an explicit script element are not.
  static const Pattern code(R"(<\?php|<script\s+language\s*=\s*["']?php|<%@\s*page|<%\s*eval)",
                            true);
  std::string_view m = code.find(c.data);
  if (!m.data()) return;
  static const Pattern sink(
      R"(\b(?:eval|assert|system|exec|passthru|shell_exec|base64_decode|gzinflate|Runtime)\s*\()",
      true);
  const bool runs = sink.find(c.data.substr(offset_in(c.data, m))).data() != nullptr;
  const bool image_name = c.lang == Language::image;
  add_signal(
      out, "polyglot_image", runs ? 70 : 55,
      image_name ? "Script code hidden in an image" : "Script disguised with an image header",
      image_name ? "画像ファイルに埋め込まれたスクリプト" : "画像ヘッダで偽装したスクリプト",
      std::string(image_name ? "an image file" : "a script starting with image magic bytes") +
          " holds server-side code" + (runs ? " that calls an execution or decoding function" : ""),
      std::string(image_name ? "画像ファイル" : "画像のマジックバイトで始まるスクリプト") +
          "にサーバ側コードが含まれる" + (runs ? "（実行・復号関数の呼び出しあり）" : ""),
      offset_in(c.data, m), {"T1027.003", "T1505.003", "T1036.008"});
}

}  // namespace shodo::files

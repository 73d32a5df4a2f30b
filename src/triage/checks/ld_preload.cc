// /etc/ld.so.preload: a library listed there is loaded into every program,
// the classic user-land rootkit hook. Almost no system has one.
#include <fmt/format.h>

#include "triage/checks/checks.h"

namespace shodo::triage {

void check_ld_preload(Context& ctx) {
  fsview::FileInfo file;
  if (!ctx.stat("/etc/ld.so.preload", file)) return;
  std::string text;
  std::string_view first;
  uint64_t line = 0, offset = 0;
  const bool readable =
      file.type == fsview::FileType::regular && (file.size == 0 || ctx.read_text(file, text));
  if (readable)
    for_each_line(text, [&](std::string_view l, uint64_t n, uint64_t off) {
      std::string_view t = l.substr(0, l.find('#'));
      if (line == 0 && t.find_first_not_of(" \t") != std::string_view::npos) {
        first = l;
        line = n;
        offset = off;
      }
    });
  if (line > 0) {
    auto& f = ctx.add(file, "ld_preload", detect::Level::high, 85, {"T1574.006"});
    f.title = "Libraries preloaded into every program (/etc/ld.so.preload)";
    f.title_ja = "全プログラムへのライブラリ事前読み込み（/etc/ld.so.preload）";
    f.reason = "/etc/ld.so.preload lists a library that every program loads; rootkits hide there";
    f.reason_ja =
        "/etc/ld.so.preload "
        "に全プログラムが読み込むライブラリが記載されている（ルートキットの手口）";
    f.line = line;
    f.offset = offset;
    f.excerpt = first;
  } else {
    auto& f = ctx.add(file, "ld_preload", detect::Level::low, 30, {"T1574.006"});
    f.title = "/etc/ld.so.preload exists";
    f.title_ja = "/etc/ld.so.preload が存在する";
    f.reason = readable ? "/etc/ld.so.preload exists but lists nothing; systems rarely have it"
                        : "/etc/ld.so.preload exists but could not be read; systems rarely have it";
    f.reason_ja = readable ? "/etc/ld.so.preload が存在する（記載なし）。通常は存在しない"
                           : "/etc/ld.so.preload が存在するが読めない。通常は存在しない";
  }
}

}  // namespace shodo::triage

// Programs and scripts in /tmp, /var/tmp and /dev/shm: world-writable
// places where intruders drop tools, because a web server's user can write
// nowhere else. ELF binaries, scripts (#!) and files marked executable.
#include <fmt/format.h>

#include "triage/checks/checks.h"
#include "triage/file_hash.h"

namespace shodo::triage {
namespace {

bool in_temp(std::string_view path) {
  for (std::string_view dir : {"/tmp/", "/var/tmp/", "/dev/shm/"})
    if (path.starts_with(dir)) return true;
  return false;
}

// The first bytes: enough for the magic and a script's #! line.
std::string head_of(const fsview::View& view, const fsview::FileInfo& file) {
  std::string error;
  auto reader = view.open(file, error);
  if (!reader) return {};
  char buf[256];
  size_t got = 0;
  while (got < sizeof buf)
    if (size_t n = reader->read(buf + got, sizeof buf - got))
      got += n;
    else
      break;
  return std::string(buf, got);
}

}  // namespace

void check_temp_exec(Context& ctx, const fsview::FileInfo& file) {
  if (file.type != fsview::FileType::regular || !in_temp(file.path)) return;
  const std::string head = head_of(ctx.view, file);
  const bool elf = head.starts_with(
      "\x7f"
      "ELF");
  const bool script = head.starts_with("#!");
  const bool exec = file.mode & 0111;
  if (!elf && !script && !exec) return;
  const bool hidden = file.name().starts_with('.');
  const char* what = elf ? "an ELF program" : script ? "a script" : "a file marked executable";
  const char* what_ja = elf ? "ELF 実行ファイル" : script ? "スクリプト" : "実行権限付きファイル";
  auto& f = ctx.add(file, "temp_exec", elf ? detect::Level::high : detect::Level::medium,
                    (elf      ? 75
                     : script ? 55
                              : 45) +
                        (hidden ? 10 : 0),
                    {elf ? "T1105" : "T1059.004"});
  f.title = "Program or script in a temporary folder";
  f.title_ja = "一時フォルダ内のプログラム・スクリプト";
  f.reason = fmt::format("{} is {}{}; intruders drop tools in world-writable folders", file.path,
                         what, hidden ? " with a hidden name" : "");
  f.reason_ja = fmt::format("{} は{}{}（侵入者が書き込み可能な一時フォルダにツールを置く手口）",
                            file.path, hidden ? "隠しファイル名の" : "", what_ja);
  if (script) f.excerpt = head.substr(0, head.find('\n'));
  f.sha256 = sha256_of(ctx.view, file);
}

}  // namespace shodo::triage

#include "disk/entry_format.h"

#include <fmt/format.h>

#include "ingest/time/civil.h"
#include "report/json_writer.h"

namespace shodo::disk {

std::string iso_time(fsview::TimeNs t) {
  if (t == fsview::kNoTime) return "";
  int64_t secs = t / 1000000000;
  int64_t nanos = t % 1000000000;
  if (nanos < 0) {
    nanos += 1000000000;
    --secs;
  }
  int64_t days = secs / 86400, rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  int y, m, d;
  ingest::civil_from_days(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z", y, m, d, rem / 3600,
                     rem / 60 % 60, rem % 60, nanos);
}

std::string mode_string(const fsview::FileInfo& f) {
  using fsview::FileType;
  char type = '-';
  switch (f.type) {
    case FileType::regular: type = '-'; break;
    case FileType::directory: type = 'd'; break;
    case FileType::symlink: type = 'l'; break;
    case FileType::fifo: type = 'p'; break;
    case FileType::socket: type = 's'; break;
    case FileType::char_device: type = 'c'; break;
    case FileType::block_device: type = 'b'; break;
    case FileType::other: type = '?'; break;
  }
  std::string s(10, '-');
  s[0] = type;
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i)
    if (f.mode & (0400u >> i)) s[1 + i] = rwx[i];
  auto special = [&](uint32_t bit, int pos, char set_exec, char set_noexec) {
    if (f.mode & bit) s[pos] = s[pos] == '-' ? set_noexec : set_exec;
  };
  special(04000, 3, 's', 'S');
  special(02000, 6, 's', 'S');
  special(01000, 9, 't', 'T');
  return s;
}

std::string mode_octal(const fsview::FileInfo& f) {
  return fmt::format("{:04o}", f.mode & 07777);
}

std::string view_tag(const fsview::View& view) {
  const fsview::Volume* v = view.volume();
  return v && v->partition >= 0 ? "p" + std::to_string(v->partition) : "";
}

std::string tagged_path(const fsview::View& view, const std::string& path) {
  std::string tag = view_tag(view);
  return tag.empty() ? path : tag + ":" + path;
}

void append_entry_json(std::string& out, const fsview::View& view, const fsview::FileInfo& f,
                       const std::string& owner) {
  report::JsonObject o(out);
  o.text("partition", view_tag(view));
  o.text("path", f.path);
  o.text("type", fsview::file_type_name(f.type));
  o.number("inode", f.inode);
  o.text("mode", mode_octal(f));
  o.number("uid", static_cast<uint64_t>(f.uid));
  o.number("gid", static_cast<uint64_t>(f.gid));
  o.text("owner", owner);
  o.number("size", f.size);
  o.text("mtime", iso_time(f.mtime));
  o.text("atime", iso_time(f.atime));
  o.text("ctime", iso_time(f.ctime));
  o.text("btime", iso_time(f.btime));
  o.member("deleted") += f.deleted ? "true" : "false";
  o.text("link_target", f.link_target);
  o.close();
}

}  // namespace shodo::disk

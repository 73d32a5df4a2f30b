#include "evidence/metadata.h"

#include <fmt/format.h>
#include <grp.h>
#include <pwd.h>
#include <sys/xattr.h>

#include <chrono>
#include <vector>

#include "report/json_writer.h"

namespace shodo::evidence {
namespace {

std::string user_name(uint32_t uid) {
  struct passwd pw, *res = nullptr;
  char buf[4096];
  return getpwuid_r(uid, &pw, buf, sizeof buf, &res) == 0 && res ? res->pw_name : "";
}

std::string group_name(uint32_t gid) {
  struct group gr, *res = nullptr;
  char buf[4096];
  return getgrgid_r(gid, &gr, buf, sizeof buf, &res) == 0 && res ? res->gr_name : "";
}

void append_xattrs(report::JsonObject& o, const std::string& path) {
  ssize_t len = ::llistxattr(path.c_str(), nullptr, 0);
  if (len <= 0) return;
  std::vector<char> names(static_cast<size_t>(len));
  len = ::llistxattr(path.c_str(), names.data(), names.size());
  if (len <= 0) return;
  std::string& out = o.member("xattrs");
  report::JsonObject x(out);
  for (size_t i = 0; i < static_cast<size_t>(len);) {
    std::string name(names.data() + i);
    i += name.size() + 1;
    ssize_t vlen = ::lgetxattr(path.c_str(), name.c_str(), nullptr, 0);
    std::string value(vlen > 0 ? static_cast<size_t>(vlen) : 0, '\0');
    if (vlen > 0) vlen = ::lgetxattr(path.c_str(), name.c_str(), value.data(), value.size());
    report::append_json_quoted(x.member(name), vlen >= 0 ? value : "");
  }
  x.close();
}

}  // namespace

std::string iso_time_ns(fsview::TimeNs t) {
  using namespace std::chrono;
  const sys_time<nanoseconds> tp{nanoseconds{t}};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{floor<seconds>(tp - day)};
  const auto ns = (tp - floor<seconds>(tp)).count();
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z", int(ymd.year()),
                     unsigned(ymd.month()), unsigned(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), ns);
}

std::string file_metadata_json(const fsview::FileInfo& info, const std::string& host_path) {
  std::string out;
  report::JsonObject o(out);
  o.text("path", host_path);
  o.text("type", fsview::file_type_name(info.type));
  o.number("size", info.size);
  o.text("mode", fmt::format("{:04o}", info.mode));
  o.number("uid", uint64_t{info.uid});
  o.text("user", user_name(info.uid));
  o.number("gid", uint64_t{info.gid});
  o.text("group", group_name(info.gid));
  o.number("inode", info.inode);
  o.number("nlink", uint64_t{info.nlink});
  for (auto [key, t] : {std::pair{"mtime", info.mtime}, std::pair{"atime", info.atime},
                        std::pair{"ctime", info.ctime}, std::pair{"btime", info.btime}}) {
    if (t != fsview::kNoTime) o.text(key, iso_time_ns(t));
  }
  o.text("link_target", info.link_target);
  append_xattrs(o, host_path);
  o.close();
  return out;
}

}  // namespace shodo::evidence

// SUID/SGID files outside the usual set. The set is what Debian, Ubuntu and
// Red Hat install setuid or setgid (docs/triage.md lists it); /bin, /sbin
// and /lib are taken as /usr/bin, /usr/sbin and /usr/lib. A setuid shell or
// interpreter is the classic way back to root.
#include <fmt/format.h>

#include <set>

#include "triage/checks/checks.h"
#include "triage/file_hash.h"

namespace shodo::triage {
namespace {

const std::set<std::string_view>& usual() {
  static const std::set<std::string_view> kUsual = {"/usr/bin/at",
                                                    "/usr/bin/bsd-write",
                                                    "/usr/bin/chage",
                                                    "/usr/bin/chfn",
                                                    "/usr/bin/chsh",
                                                    "/usr/bin/crontab",
                                                    "/usr/bin/dotlockfile",
                                                    "/usr/bin/expiry",
                                                    "/usr/bin/fusermount",
                                                    "/usr/bin/fusermount3",
                                                    "/usr/bin/gpasswd",
                                                    "/usr/bin/locate",
                                                    "/usr/bin/mlocate",
                                                    "/usr/bin/mount",
                                                    "/usr/bin/newgidmap",
                                                    "/usr/bin/newgrp",
                                                    "/usr/bin/newuidmap",
                                                    "/usr/bin/ntfs-3g",
                                                    "/usr/bin/passwd",
                                                    "/usr/bin/ping",
                                                    "/usr/bin/ping6",
                                                    "/usr/bin/pkexec",
                                                    "/usr/bin/plocate",
                                                    "/usr/bin/screen",
                                                    "/usr/bin/ssh-agent",
                                                    "/usr/bin/staprun",
                                                    "/usr/bin/su",
                                                    "/usr/bin/sudo",
                                                    "/usr/bin/sudoedit",
                                                    "/usr/bin/umount",
                                                    "/usr/bin/wall",
                                                    "/usr/bin/write",
                                                    "/usr/bin/write.ul",
                                                    "/usr/sbin/exim4",
                                                    "/usr/sbin/mount.cifs",
                                                    "/usr/sbin/mount.nfs",
                                                    "/usr/sbin/pam_extrausers_chkpwd",
                                                    "/usr/sbin/pam_timestamp_check",
                                                    "/usr/sbin/postdrop",
                                                    "/usr/sbin/postqueue",
                                                    "/usr/sbin/pppd",
                                                    "/usr/sbin/unix_chkpwd",
                                                    "/usr/sbin/userhelper",
                                                    "/usr/sbin/usernetctl",
                                                    "/usr/lib/dbus-1.0/dbus-daemon-launch-helper",
                                                    "/usr/lib/eject/dmcrypt-get-device",
                                                    "/usr/lib/openssh/ssh-keysign",
                                                    "/usr/lib/policykit-1/polkit-agent-helper-1",
                                                    "/usr/lib/polkit-1/polkit-agent-helper-1",
                                                    "/usr/lib/snapd/snap-confine",
                                                    "/usr/lib/x86_64-linux-gnu/utempter/utempter",
                                                    "/usr/lib/aarch64-linux-gnu/utempter/utempter",
                                                    "/usr/lib/xorg/Xorg.wrap",
                                                    "/usr/libexec/dbus-1/dbus-daemon-launch-helper",
                                                    "/usr/libexec/openssh/ssh-keysign",
                                                    "/usr/libexec/polkit-agent-helper-1",
                                                    "/usr/libexec/utempter/utempter"};
  return kUsual;
}

// Shells and interpreters that keep their privileges when setuid (GTFOBins).
bool is_shell_like(std::string_view name) {
  static const std::set<std::string_view> kShells = {
      "sh",     "bash",    "dash",    "zsh",  "ksh", "csh",  "tcsh", "ash",  "busybox",
      "python", "python2", "python3", "perl", "php", "ruby", "lua",  "node", "env",
      "find",   "vim",     "vi",      "less", "awk", "gawk", "nmap", "cp",   "socat"};
  return kShells.contains(name);
}

std::string usual_form(std::string_view path) {
  for (std::string_view merged : {"/bin/", "/sbin/", "/lib/"})
    if (path.starts_with(merged)) return "/usr" + std::string(path);
  return std::string(path);
}

}  // namespace

void check_suid(Context& ctx, const fsview::FileInfo& file) {
  if (file.type != fsview::FileType::regular || (file.mode & 06000) == 0) return;
  if (usual().contains(usual_form(file.path))) return;
  const bool suid = file.mode & 04000;
  const bool shell = is_shell_like(file.name());
  const detect::Level level = shell  ? detect::Level::critical
                              : suid ? detect::Level::high
                                     : detect::Level::medium;
  auto& f = ctx.add(file, "suid", level, shell ? 95 : suid ? 70 : 50, {"T1548.001"});
  const std::string bits = suid && (file.mode & 02000) ? "SUID+SGID" : suid ? "SUID" : "SGID";
  f.title = shell ? "Setuid shell or interpreter" : "SUID/SGID file outside the usual set";
  f.title_ja = shell ? "setuid されたシェル・インタプリタ" : "通常と異なる SUID/SGID ファイル";
  f.reason = fmt::format("{} is {} (mode {:04o}, runs as {} of {}){}", file.path, bits, file.mode,
                         suid ? "user" : "group",
                         suid ? ctx.users.name(file.uid) : std::to_string(file.gid),
                         shell ? ": anyone who runs it gets those privileges" : "");
  f.reason_ja = fmt::format("{} は {}（モード {:04o}）{}", file.path, bits, file.mode,
                            shell ? "。実行した誰もがその権限を得る" : "");
  f.sha256 = sha256_of(ctx.view, file);
}

}  // namespace shodo::triage

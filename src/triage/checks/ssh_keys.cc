// SSH authorized_keys of every home (passwd's, /root, /home/*): keys added or
// changed in the window, keys with a forced command (a backdoor that runs on
// login), and keys in the home of a system account such as www-data (how a
// web intrusion turns into shell access).
#include <fmt/format.h>

#include "triage/checks/checks.h"

namespace shodo::triage {
namespace {

constexpr uint32_t kFirstUserUid = 1000;

// A key line starts with its options when its first word is not a key type.
bool has_command_option(std::string_view line) {
  const size_t space = line.find_first_of(" \t");
  const std::string_view first = line.substr(0, space);
  for (std::string_view type : {"ssh-", "ecdsa-", "sk-"})
    if (first.starts_with(type)) return false;
  return first.find("command=") != std::string_view::npos;
}

void check_keys_file(Context& ctx, const Home& home, const fsview::FileInfo& file) {
  const bool system_home = home.known_uid && home.uid != 0 && home.uid < kFirstUserUid;
  if (ctx.changed_in_window(file)) {
    auto& f = ctx.add(file, "ssh_keys.changed_in_window",
                      home.uid == 0 && home.known_uid ? detect::Level::high : detect::Level::medium,
                      70, {"T1098.004"});
    f.title = "SSH authorized_keys changed in the time window";
    f.title_ja = "期間内に変更された SSH authorized_keys";
    f.reason = fmt::format("keys that may log in as {} changed in the window (m {}, c {})",
                           home.user, time_text(file.mtime), time_text(file.ctime));
    f.reason_ja = fmt::format("{} としてログインできる鍵が期間内に変更された（m {}、c {}）",
                              home.user, time_text(file.mtime), time_text(file.ctime));
  }
  if (system_home) {
    auto& f = ctx.add(file, "ssh_keys.system_account", detect::Level::high, 75, {"T1098.004"});
    f.title = "SSH keys for a system account";
    f.title_ja = "システムアカウントの SSH 鍵";
    f.reason =
        fmt::format("{} (uid {}) is a system account, yet keys in {} let someone log in as it",
                    home.user, home.uid, file.path);
    f.reason_ja = fmt::format("システムアカウント {}（UID {}）に {} の鍵でログインできる",
                              home.user, home.uid, file.path);
  }
  std::string text;
  if (!ctx.read_text(file, text)) return;
  for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
    if (line.starts_with('#') || !has_command_option(line)) return;
    auto& f = ctx.add(file, "ssh_keys.forced_command", detect::Level::medium, 55, {"T1098.004"});
    f.title = "SSH key with a forced command";
    f.title_ja = "強制コマンド付きの SSH 鍵";
    f.reason = fmt::format(
        "a key of {} runs a fixed command (command=) on every login: a backup job or a backdoor",
        home.user);
    f.reason_ja = fmt::format(
        "{} の鍵がログインのたびに固定コマンド（command=）を実行する（バックアップ用か裏口）",
        home.user);
    f.line = n;
    f.offset = offset;
    f.excerpt = line;
  });
}

}  // namespace

void check_ssh_keys(Context& ctx) {
  for (const Home& home : ctx.homes())
    for (const char* name : {"/.ssh/authorized_keys", "/.ssh/authorized_keys2"}) {
      fsview::FileInfo file;
      if (ctx.stat(home.path + name, file) && file.type == fsview::FileType::regular)
        check_keys_file(ctx, home, file);
    }
}

}  // namespace shodo::triage

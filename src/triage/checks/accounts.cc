// Accounts added or changed: root-equivalent accounts, accounts that log in
// without a password or system accounts given one, passwords set inside the
// window (new accounts), and account files changed in the window or long
// after the rest of /etc.
#include <fmt/format.h>

#include <map>

#include "triage/checks/checks.h"
#include "triage/robust_stats.h"

namespace shodo::triage {
namespace {

constexpr fsview::TimeNs kDayNs = 86'400'000'000'000;
// Below this uid an account belongs to the system, not to a person (Debian).
constexpr uint32_t kFirstUserUid = 1000;

bool locked(std::string_view hash) {
  return hash.starts_with('!') || hash.starts_with('*');
}

void check_uid0(Context& ctx, const fsview::FileInfo& file, const PasswdEntry& e) {
  if (e.uid != 0 || e.name == "root") return;
  auto& f = ctx.add(file, "accounts.uid0", detect::Level::critical, 90, {"T1136.001", "T1078.003"});
  f.title = "Account other than root with UID 0";
  f.title_ja = "root 以外の UID 0 アカウント";
  f.reason = fmt::format("account {} has uid 0: it is root under another name", e.name);
  f.reason_ja = fmt::format("アカウント {} の UID が 0 で、別名の root として動作する", e.name);
  f.line = e.line;
  f.offset = e.offset;
  f.excerpt = e.text;
}

// `hash`: the effective password field (passwd's unless it defers to shadow).
void check_password(Context& ctx, const fsview::FileInfo& file, const PasswdEntry& e,
                    std::string_view hash, uint64_t line, uint64_t offset, std::string_view text) {
  if (!is_login_shell(e.shell)) return;
  if (hash.empty()) {
    auto& f =
        ctx.add(file, "accounts.no_password", detect::Level::critical, 85, {"T1098", "T1078.003"});
    f.title = "Account with a login shell and no password";
    f.title_ja = "パスワードなしでログインできるアカウント";
    f.reason = fmt::format("account {} (uid {}) has the shell {} and an empty password field",
                           e.name, e.uid, e.shell);
    f.reason_ja = fmt::format("アカウント {}（UID {}）はシェル {} を持ち、パスワード欄が空", e.name,
                              e.uid, e.shell);
    f.line = line;
    f.offset = offset;
    f.excerpt = text;
  } else if (!locked(hash) && e.uid != 0 && e.uid < kFirstUserUid) {
    auto& f =
        ctx.add(file, "accounts.system_login", detect::Level::medium, 60, {"T1098", "T1078.003"});
    f.title = "System account that can log in with a password";
    f.title_ja = "パスワードでログインできるシステムアカウント";
    f.reason = fmt::format(
        "system account {} (uid {}) has the shell {} and a usable password; system accounts are "
        "normally locked",
        e.name, e.uid, e.shell);
    f.reason_ja = fmt::format(
        "システムアカウント {}（UID {}）がシェル {} と有効なパスワードを持つ（通常はロック）",
        e.name, e.uid, e.shell);
    f.line = line;
    f.offset = offset;
    f.excerpt = text.substr(0, text.find(':') + 1);  // the name, never the hash
  }
}

// shadow's "last change" day falls in the window: created or re-passworded then.
void check_new(Context& ctx, const fsview::FileInfo& file, const ShadowEntry& s) {
  if (s.last_change_day < 0 || s.last_change_day > 1'000'000) return;
  const fsview::TimeNs start = s.last_change_day * kDayNs;
  const fsview::TimeNs end = start + kDayNs - 1;
  if (!ctx.in_window(start) && !ctx.in_window(end)) return;
  auto& f = ctx.add(file, "accounts.changed_in_window", detect::Level::medium, 55,
                    {"T1136.001", "T1098"});
  f.title = "Account created or password changed in the time window";
  f.title_ja = "期間内に作成またはパスワード変更されたアカウント";
  f.reason = fmt::format("shadow says the password of {} was last set on {} (day {})", s.name,
                         time_text(start).substr(0, 10), s.last_change_day);
  f.reason_ja = fmt::format("shadow によると {} のパスワードは {} に設定された", s.name,
                            time_text(start).substr(0, 10));
  f.line = s.line;
  f.offset = s.offset;
  f.excerpt = s.name;
}

void check_file_times(Context& ctx, const fsview::FileInfo& file, const Spread& etc) {
  if (ctx.changed_in_window(file)) {
    auto& f = ctx.add(file, "accounts.file_changed", detect::Level::medium, 50, {"T1098"});
    f.title = "Account file changed in the time window";
    f.title_ja = "期間内に変更されたアカウントファイル";
    f.reason = fmt::format("{} was changed in the window (m {}, c {})", file.path,
                           time_text(file.mtime), time_text(file.ctime));
    f.reason_ja = fmt::format("{} が期間内に変更された（m {}、c {}）", file.path,
                              time_text(file.mtime), time_text(file.ctime));
  } else if (stands_out_later(file.mtime, etc, ctx.options.sibling_gap_ns)) {
    auto& f = ctx.add(file, "accounts.file_newer", detect::Level::low, 30, {"T1098"});
    f.title = "Account file changed long after the rest of /etc";
    f.title_ja = "/etc の他のファイルより大幅に新しいアカウントファイル";
    f.reason = fmt::format("{} was modified {}, {} after the median of /etc ({})", file.path,
                           time_text(file.mtime), duration_text(file.mtime - etc.median),
                           time_text(etc.median));
    f.reason_ja = fmt::format("{} の更新は {} で、/etc の中央値（{}）より {} 新しい", file.path,
                              time_text(file.mtime), time_text(etc.median),
                              duration_text_ja(file.mtime - etc.median));
  }
}

}  // namespace

void check_accounts(Context& ctx) {
  std::vector<fsview::TimeNs> etc_times;
  for (const fsview::FileInfo& f : ctx.entries_in("/etc"))
    if (f.type == fsview::FileType::regular) etc_times.push_back(f.mtime);
  const Spread etc = spread_of(std::move(etc_times));

  for (const char* path : {"/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow"}) {
    fsview::FileInfo file;
    if (ctx.stat(path, file) && file.type == fsview::FileType::regular)
      check_file_times(ctx, file, etc);
  }

  fsview::FileInfo passwd_file, shadow_file;
  if (!ctx.stat("/etc/passwd", passwd_file)) return;
  std::map<std::string, ShadowEntry> shadow;
  std::string text;
  if (ctx.stat("/etc/shadow", shadow_file) && ctx.read_text(shadow_file, text))
    for (ShadowEntry& s : parse_shadow(text)) {
      check_new(ctx, shadow_file, s);
      shadow.emplace(s.name, std::move(s));
    }
  for (const PasswdEntry& e : ctx.passwd) {
    check_uid0(ctx, passwd_file, e);
    if (e.password != "x") {
      check_password(ctx, passwd_file, e, e.password, e.line, e.offset, e.text);
    } else if (auto it = shadow.find(e.name); it != shadow.end()) {
      check_password(ctx, shadow_file, e, it->second.hash, it->second.line, it->second.offset,
                     it->second.text);
    }
  }
}

}  // namespace shodo::triage

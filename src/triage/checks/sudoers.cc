// sudoers and sudoers.d entries that give unusual users root without a
// password or every command. root and the admin groups of Debian and Red Hat
// (%sudo, %admin, %wheel) are the usual holders of such grants.
#include <fmt/format.h>

#include <set>

#include "triage/checks/checks.h"

namespace shodo::triage {
namespace {

bool usual_holder(std::string_view who) {
  static const std::set<std::string_view> kUsual = {"root", "%sudo", "%admin", "%wheel"};
  return kUsual.contains(who);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A user specification: "who hosts = (runas) TAGS: commands". Defaults,
// aliases, includes and comments are not.
bool user_spec(std::string_view line, std::string_view& who, std::string_view& rest) {
  line = trim(line);
  if (line.empty() || line.front() == '#' || line.front() == '@') return false;
  size_t space = line.find_first_of(" \t");
  if (space == std::string_view::npos) return false;
  who = line.substr(0, space);
  if (who.starts_with("Defaults") || who.ends_with("_Alias")) return false;
  rest = line.substr(space);
  return rest.find('=') != std::string_view::npos;
}

// The grant covers every command: the last command in the list is ALL.
bool all_commands(std::string_view rest) {
  std::string_view cmds = rest.substr(rest.find('=') + 1);
  if (size_t colon = cmds.rfind(':'); colon != std::string_view::npos)
    cmds = cmds.substr(colon + 1);
  if (size_t close = cmds.rfind(')'); close != std::string_view::npos)
    cmds = cmds.substr(close + 1);
  cmds = trim(cmds);
  if (size_t comma = cmds.rfind(','); comma != std::string_view::npos)
    cmds = trim(cmds.substr(comma + 1));
  return cmds == "ALL";
}

void check_file(Context& ctx, const fsview::FileInfo& file) {
  std::string text;
  if (!ctx.read_text(file, text)) return;
  for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
    std::string_view who, rest;
    if (!user_spec(line, who, rest)) return;
    const bool nopasswd = rest.find("NOPASSWD") != std::string_view::npos;
    const bool all = all_commands(rest);
    detect::Level level;
    int score;
    if (usual_holder(who)) {
      if (!nopasswd || !all) return;
      level = detect::Level::low;
      score = 30;
    } else if (nopasswd && all) {
      level = detect::Level::high;
      score = 80;
    } else if (all) {
      level = detect::Level::medium;
      score = 60;
    } else if (nopasswd) {
      level = detect::Level::low;
      score = 35;
    } else {
      return;
    }
    auto& f = ctx.add(file, "sudoers", level, score, {"T1548.003"});
    f.title = "sudo rights granted to an unusual user";
    f.title_ja = "通常と異なるユーザーへの sudo 権限付与";
    const char* what = nopasswd && all ? "every command as root without a password"
                       : all           ? "every command as root"
                                       : "commands as root without a password";
    const char* what_ja = nopasswd && all ? "パスワードなしで全コマンドを root 実行"
                          : all           ? "全コマンドを root 実行"
                                          : "パスワードなしでコマンドを root 実行";
    f.reason = fmt::format("{} may run {}", who, what);
    f.reason_ja = fmt::format("{} に「{}」の権限がある", who, what_ja);
    f.line = n;
    f.offset = offset;
    f.excerpt = line;
  });
}

}  // namespace

void check_sudoers(Context& ctx) {
  fsview::FileInfo file;
  if (ctx.stat("/etc/sudoers", file) && file.type == fsview::FileType::regular)
    check_file(ctx, file);
  for (const fsview::FileInfo& f : ctx.entries_in("/etc/sudoers.d"))
    if (f.type == fsview::FileType::regular) check_file(ctx, f);
}

}  // namespace shodo::triage

